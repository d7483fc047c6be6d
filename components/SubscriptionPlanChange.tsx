// The "Change plan" page of a subscription: the active plans with their price for the subscription's
// interval, and what an upgrade costs now (the proration rule of src/modules/billing/subscriptions.ts).
import React, { useEffect, useState } from "react";
import { ApiClient, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, H3, Label, Select, Text } from "@adminjs/design-system";
import { useRecordPost } from "./use-record-post.js";
import { formatMoney, pageLanguage } from "../src/lib/format.js";

interface PlanOption {
  value: string;
  label: string;
}

const api = new ApiClient();

const SubscriptionPlanChange: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateButton, translateMessage } = useTranslation();
  const { busy, post } = useRecordPost(action, resource, record);
  const [plans, setPlans] = useState<PlanOption[]>([]);
  const [choice, setChoice] = useState<PlanOption | null>(null);
  const interval = String(record?.params.billingInterval ?? "monthly");
  const current = String(record?.params.plan ?? "");

  useEffect(() => {
    api
      .resourceAction({
        resourceId: "billing_plans",
        actionName: "list",
        params: { perPage: 100, "filters.status": "active", sortBy: "name", direction: "asc" },
      })
      .then((response) => {
        const records = (
          response.data as { records?: { id: string; title: string; params: Record<string, unknown> }[] }
        ).records;
        setPlans(
          (records ?? [])
            .filter((p) => p.id !== current)
            .map((p) => {
              const price = interval === "yearly" ? p.params.priceYearly : p.params.priceMonthly;
              return {
                value: p.id,
                label: `${p.title} — ${formatMoney(price as string | null | undefined, pageLanguage())} / ${interval === "yearly" ? "an" : "mois"}`,
              };
            }),
        );
      })
      .catch(() => setPlans([]));
  }, [current, interval]);

  if (!record) return null;
  const submit = async () => {
    if (!choice) return;
    await post({ planId: choice.value });
  };

  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="xl">{translateMessage("changePlanExplain", resource.id)}</Text>
      <FormGroup>
        <Label required>plan</Label>
        <Select value={choice} options={plans} onChange={(selected: PlanOption | null) => setChoice(selected)} />
      </FormGroup>
      <Button variant="contained" onClick={submit} disabled={busy || !choice} data-testid="confirm-changePlan">
        {translateButton("confirm", resource.id)}
      </Button>
    </Box>
  );
};

export default SubscriptionPlanChange;
