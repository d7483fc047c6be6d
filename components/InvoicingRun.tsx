// "Run monthly invoicing": a month that has ended, posted to the action, and what the run did (invoices
// issued, customers skipped because their invoice of the month was already issued, failures).
import React, { useState } from "react";
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, H3, Input, Label, Text } from "@adminjs/design-system";

const api = new ApiClient();

interface RunResult {
  period: string;
  issued: number;
  skipped: number;
  customers: number;
  failed: number;
}

/** The month before the current one, "YYYY-MM" (UTC): the usual month to invoice. */
function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const InvoicingRun: React.FC<ActionProps> = ({ action, resource }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const handleResponse = useActionResponseHandler();
  const [period, setPeriod] = useState(lastMonth());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);

  const submit = async () => {
    setBusy(true);
    try {
      const response = await api.resourceAction({
        resourceId: resource.id,
        actionName: action.name,
        data: { period },
      });
      setResult(((response.data as { run?: RunResult }).run ?? null) as RunResult | null);
      handleResponse(response);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box variant="container">
      <H3>{translateAction(action.label, resource.id)}</H3>
      <Text mb="xl">{translateMessage("runInvoicingExplain", resource.id)}</Text>
      <FormGroup>
        <Label required htmlFor="invoicing-period">
          period (YYYY-MM)
        </Label>
        <Input
          id="invoicing-period"
          type="month"
          value={period}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPeriod(e.target.value)}
        />
      </FormGroup>
      <Button variant="contained" onClick={submit} disabled={busy || !period} data-testid="confirm-runInvoicing">
        {translateButton("confirm", resource.id)}
      </Button>
      {result && (
        <Text mt="xl" data-testid="invoicing-result">
          {translateMessage(result.failed ? "runInvoicingPartial" : "runInvoicingDone", resource.id, { ...result })}
        </Text>
      )}
    </Box>
  );
};

export default InvoicingRun;
