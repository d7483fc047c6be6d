// The page of the AI request actions that need input: Complete (the generated content as JSON, the
// actual cost, notes) and Reject (the reason the customer is told). Posts to the record action.
import React, { useState } from "react";
import { flat, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, H3, Input, Label, Text, TextArea } from "@adminjs/design-system";
import { useRecordPost } from "./use-record-post.js";

const AiRequestTransition: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const { busy, post } = useRecordPost(action, resource, record);
  // The draft (Claude's or an imported one) to review and edit before completing. AdminJS sends JSON
  // columns flattened into the record's params.
  const existing = record ? (flat.unflatten(record.params) as Record<string, unknown>).generatedContent : undefined;
  const [content, setContent] = useState<string>(
    existing === undefined || existing === null
      ? ""
      : typeof existing === "string"
        ? existing
        : JSON.stringify(existing, null, 2),
  );
  const [cost, setCost] = useState<string>("");
  const [notes, setNotes] = useState<string>("");
  if (!record) return null;
  const completing = action.name === "complete";

  const submit = async () => {
    const data: Record<string, string> = { adminNotes: notes };
    if (completing) {
      data.generatedContent = content;
      data.actualCost = cost;
    }
    await post(data);
  };

  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="xl">{translateMessage(`${action.name}Explain`, resource.id)}</Text>
      {completing && (
        <>
          <FormGroup>
            <Label>generated_content (JSON)</Label>
            <TextArea
              width="100%"
              rows={16}
              value={content}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setContent(e.target.value)}
            />
          </FormGroup>
          <FormGroup>
            <Label>actual_cost (EUR)</Label>
            <Input
              value={cost}
              placeholder="2.00"
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCost(e.target.value)}
            />
          </FormGroup>
        </>
      )}
      <FormGroup>
        <Label required={!completing}>admin_notes</Label>
        <TextArea
          width="100%"
          rows={4}
          value={notes}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNotes(e.target.value)}
        />
      </FormGroup>
      <Button
        variant="contained"
        color={action.variant === "danger" ? "danger" : "primary"}
        onClick={submit}
        disabled={busy}
        data-testid={`confirm-${action.name}`}
      >
        {translateButton("confirm", resource.id)}
      </Button>
    </Box>
  );
};

export default AiRequestTransition;
