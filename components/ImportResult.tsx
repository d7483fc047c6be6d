// "Import result" of an AI request: the JSON written by Claude Code (from the exported brief) is pasted
// here and sent with a POST; the server checks it against the request type's schema and stores it as
// the request's draft, or answers with what is wrong.
import React, { useState } from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, Text, TextArea } from "@adminjs/design-system";
import { useRecordPost } from "./use-record-post.js";

const ImportResult: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const { busy, post } = useRecordPost(action, resource, record);
  const [content, setContent] = useState("");
  if (!record) return null;

  const submit = async () => {
    await post({ content });
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
