// The page of the AI request actions that need input: Complete (the generated content through the form
// of the request type's schema, the actual cost, notes) and Reject (the reason the customer is told).
// Posts to the record action; the server checks the content against the same schema and names each
// refused input, shown next to it.
import React, { useState } from "react";
import { flat, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, FormMessage, H3, Input, Label, Text, TextArea } from "@adminjs/design-system";
import type { FormNode } from "../src/lib/json-form.js";
import { useRecordPost } from "./use-record-post.js";
import { JsonForm, cleaned, type Errors } from "./json-form.js";

const AiRequestTransition: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateButton, translateMessage, translateProperty } = useTranslation();
  const { busy, post } = useRecordPost(action, resource, record);
  // The form of each request type's content and its empty value, described by the server (json-fields.ts).
  const custom = resource.properties.generatedContent?.custom as
    { forms?: Record<string, FormNode>; templates?: Record<string, unknown> } | undefined;
  const type = String(record?.params.requestType ?? "");
  const node = custom?.forms?.[type];
  // The draft (Claude's or an imported one) to review and edit before completing, else the empty form.
  // AdminJS sends JSON columns flattened into the record's params.
  const existing = record ? (flat.unflatten(record.params) as Record<string, unknown>).generatedContent : undefined;
  const [content, setContent] = useState<unknown>(
    existing === undefined || existing === null ? (custom?.templates?.[type] ?? {}) : existing,
  );
  const [cost, setCost] = useState<string>("");
  const [notes, setNotes] = useState<string>("");
  const [errors, setErrors] = useState<Errors>((record?.errors ?? {}) as Errors);
  if (!record) return null;
  const completing = action.name === "complete";
  const tm = (key: string, id?: string) => translateMessage(key, id ?? resource.id);
  const message = (key: string) => (errors[key] ? tm(errors[key]!.message) : null);

  const submit = async () => {
    const data: Record<string, string> = { adminNotes: notes };
    if (completing) {
      data.generatedContent = JSON.stringify(node ? cleaned(node, content) : content);
      data.actualCost = cost;
    }
    const answer = await post(data);
    setErrors((answer?.errors ?? {}) as Errors);
  };

  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="xl">{translateMessage(`${action.name}Explain`, resource.id)}</Text>
      {completing && (
        <>
          <Box as="fieldset" mb="xl" style={{ border: 0, padding: 0 }}>
            <Text as="legend" fontWeight="bold" mb="default">
              {translateProperty("generatedContent", resource.id)}
            </Text>
            <JsonForm
              node={node}
              value={content}
              name="generatedContent"
              errors={errors}
              tm={tm}
              resourceId={resource.id}
              onChange={setContent}
            />
          </Box>
          <FormGroup error={Boolean(errors.actual_cost ?? errors.actualCost)}>
            <Label htmlFor="actualCost">{translateProperty("actualCost", resource.id)} (EUR)</Label>
            <Input
              id="actualCost"
              value={cost}
              inputMode="decimal"
              aria-describedby="actualCost-hint"
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCost(e.target.value)}
            />
            <FormMessage id="actualCost-hint">
              {message("actual_cost") ?? message("actualCost") ?? tm("completeCostHint")}
            </FormMessage>
          </FormGroup>
        </>
      )}
      <FormGroup error={Boolean(errors.admin_notes ?? errors.adminNotes)}>
        <Label htmlFor="adminNotes" required={!completing}>
          {completing ? translateProperty("adminNotes", resource.id) : tm("rejectReason")}
        </Label>
        <TextArea
          id="adminNotes"
          width="100%"
          rows={4}
          value={notes}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNotes(e.target.value)}
        />
        <FormMessage>{message("admin_notes") ?? message("adminNotes")}</FormMessage>
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
