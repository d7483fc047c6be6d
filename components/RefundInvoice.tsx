// The page of the invoice's "Refund" action: the amount (part or all of what is left of the payment) and
// the reason, posted to the record action. The server checks the permission, the amount and the invoice.
import React, { useState } from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, FormMessage, H3, Input, Label, Text, TextArea } from "@adminjs/design-system";
import { useRecordPost } from "./use-record-post.js";
import { formatMoney, pageLanguage } from "../src/lib/format.js";

const RefundInvoice: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const { busy, post } = useRecordPost(action, resource, record);
  const [amount, setAmount] = useState<string>("");
  const [reason, setReason] = useState<string>("");
  if (!record) return null;
  const errors = (record.errors ?? {}) as Record<string, { message: string } | undefined>;
  const currency = String(record.params.currency ?? "EUR");
  // Shown as the server sent them (decimal strings): the server computes what is left.
  const total = String(record.params.totalAmount ?? "");
  const refunded = String(record.params.amountRefunded ?? "0");
  const lang = pageLanguage();

  const submit = async () => {
    await post({ amount, reason });
  };

  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="default">{translateMessage("refundExplain", resource.id)}</Text>
      <Text mb="xl" data-testid="refund-paid">
        {formatMoney(total, lang, { currency })} − {formatMoney(refunded, lang, { currency })}
      </Text>
      <FormGroup error={Boolean(errors.amount)}>
        <Label required htmlFor="refund-amount">
          amount ({currency})
        </Label>
        <Input
          id="refund-amount"
          value={amount}
          inputMode="decimal"
          placeholder="12.50"
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAmount(e.target.value)}
          data-testid="refund-amount"
        />
        <FormMessage>{errors.amount?.message}</FormMessage>
      </FormGroup>
      <FormGroup error={Boolean(errors.reason)}>
        <Label required htmlFor="refund-reason">
          reason
        </Label>
        <TextArea
          id="refund-reason"
          width="100%"
          rows={3}
          value={reason}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
          data-testid="refund-reason"
        />
        <FormMessage>{errors.reason?.message}</FormMessage>
      </FormGroup>
      <Button
        variant="contained"
        color="danger"
        onClick={submit}
        disabled={busy || !reason.trim()}
        data-testid="confirm-refund"
      >
        {translateButton("confirm", resource.id)}
      </Button>
    </Box>
  );
};

export default RefundInvoice;
