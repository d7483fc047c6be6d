// "Import result" of an AI request: the JSON written by Claude Code (from the exported brief) is pasted
// here and sent with a POST; the server checks it against the request type's schema and stores it as
// the request's draft, or answers with what is wrong.
import React, { useState } from "react";
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, Text, TextArea } from "@adminjs/design-system";

const api = new ApiClient();

const ImportResult: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const handleResponse = useActionResponseHandler();
  const [content, setContent] = useState("");
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const submit = async () => {
    setBusy(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: action.name,
        data: { content },
      });
      handleResponse(response);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="lg">{translateMessage("importResultExplain", resource.id)}</Text>
      <TextArea
        width="100%"
        rows={16}
        value={content}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setContent(event.target.value)}
        data-testid="import-result-json"
      />
      <Box mt="lg">
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || !content.trim()}
          data-testid="import-result-submit"
        >
          {translateButton("confirm", resource.id)}
        </Button>
      </Box>
    </Box>
  );
};

export default ImportResult;
