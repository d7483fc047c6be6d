// A 403 or 404 inside the AdminJS layout, in the admin's language, with a way back: the list it came
// from when the admin may open it, and the dashboard. Shown by RouteGuard.tsx (a page, resource, record
// or action that is missing or forbidden) and by the custom pages when their handler refuses.
import React from "react";
import { useTranslation } from "adminjs";
import { Box, Button, H2, Text } from "@adminjs/design-system";
import { TEXT_COLOURS } from "./page-kit.js";

export interface ErrorPageProps {
  status: 403 | 404;
  /** The list to go back to, when the admin may open it. */
  listHref?: string | null;
}

const ErrorPage: React.FC<ErrorPageProps> = ({ status, listHref }) => {
  const { translateMessage } = useTranslation();
  const forbidden = status === 403;
  return (
    <Box variant="container" m="xl" p="xxl" data-testid={`error-page-${status}`}>
      <Text fontSize={14} fontWeight="bold" color={TEXT_COLOURS.muted}>{`${translateMessage(
        forbidden ? "errorForbiddenTitle" : "errorNotFoundTitle",
      )} · ${status}`}</Text>
      <H2 mt="md">{translateMessage(forbidden ? "errorForbiddenTitle" : "errorNotFoundTitle")}</H2>
      <Text mb="xl">{translateMessage(forbidden ? "errorForbiddenText" : "errorNotFoundText")}</Text>
      <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 12 }}>
        {listHref ? (
          <Button as="a" href={listHref} variant="contained" data-testid="error-back-list">
            {translateMessage("errorBackToList")}
          </Button>
        ) : null}
        <Button as="a" href="/admin" variant={listHref ? "outlined" : "contained"} data-testid="error-back-dashboard">
          {translateMessage("errorBackToDashboard")}
        </Button>
      </Box>
    </Box>
  );
};

export default ErrorPage;
