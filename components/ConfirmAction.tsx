// The page of an action that changes something (disable, reset password, acknowledge, delete all...):
// it says what the action will do and runs it on confirmation with a POST. AdminJS would run an
// action without a page by a GET, which the portal's same-origin check does not cover, so no state
// change is ever reachable that way.
import React, { useState } from "react";
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, Text } from "@adminjs/design-system";

const api = new ApiClient();

const ConfirmAction: React.FC<ActionProps> = ({ action, resource, record, records }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const handleResponse = useActionResponseHandler();
  const [busy, setBusy] = useState(false);
  const onResource = action.actionType === "resource";
  if (!onResource && !record && !records?.length) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      const response = onResource
        ? await api.resourceAction({ resourceId: resource.id, actionName: action.name, method: "post", data: {} })
        : record
          ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data: {} })
          : await api.bulkAction({
              resourceId: resource.id,
              recordIds: (records ?? []).map((r) => r.id),
              actionName: action.name,
              data: {},
            });
      handleResponse(response);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)}
        {onResource ? "" : ` — ${record ? record.title : (records ?? []).map((r) => r.title).join(", ")}`}
      </H3>
      <Text mb="xl">{translateMessage(`${action.name}Explain`, resource.id)}</Text>
      <Button
        variant="contained"
        color={action.variant === "danger" ? "danger" : "primary"}
        onClick={confirm}
        disabled={busy}
        data-testid={`confirm-${action.name}`}
      >
        {translateButton("confirm", resource.id)}
      </Button>
    </Box>
  );
};

export default ConfirmAction;
