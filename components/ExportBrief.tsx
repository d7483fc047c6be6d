// "Export for Claude Code" of an AI request: a link that downloads the request as a Markdown brief
// (GET /admin/ai-queue/requests/:id/brief.md, a plain route of the portal that checks the session and
// the ai_queue.view permission). Reading only: nothing changes on the server.
import React from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, Text } from "@adminjs/design-system";

const ExportBrief: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateMessage } = useTranslation();
  if (!record) return null;
  const href = `/admin/ai-queue/requests/${encodeURIComponent(String(record.id))}/brief.md`;
  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="xl">{translateMessage("exportBriefExplain", resource.id)}</Text>
      <Button as="a" href={href} download variant="contained" data-testid="export-brief-download">
        {translateAction(action.label, resource.id)}
      </Button>
    </Box>
  );
};

export default ExportBrief;
