// The segment builder: every criterion of a segment (src/modules/campaigns/segments/rules/criteria.ts)
// as a form, controlled by its `value` (the criteria JSON) and reporting each change through
// `onChange`. Reusable wherever customers are picked: the Segments page, the customer list.
import React from "react";
import { useTranslation } from "adminjs";
import { Box, Input, Label, Text } from "@adminjs/design-system";
import type { SegmentCriteriaInput } from "../../src/modules/campaigns/index.js";

const PLANS = ["free", "starter", "pro", "enterprise"] as const;
const STATUSES = ["active", "suspended", "cancelled"] as const;
const LANGUAGES = ["fr", "en"] as const;
const BILLING = ["none", "trialing", "active", "past_due", "suspended", "overdue"] as const;
const REFERRAL = ["referred", "direct"] as const;

type ListKey = "plans" | "statuses" | "languages" | "billing" | "referral";

export interface SegmentBuilderProps {
  value: SegmentCriteriaInput;
  onChange: (next: SegmentCriteriaInput) => void;
  /** Field problems from the server ("criteria.mrr.max": "min must not exceed max"). */
  problems?: { field: string; message: string }[];
  /** Prefix of the inputs' ids, when two builders share a page. */
  idPrefix?: string;
}

/** Drops empty parts, so the criteria hold only what the admin chose. */
function clean(value: Record<string, unknown>): SegmentCriteriaInput {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const inner = clean(v as Record<string, unknown>) as Record<string, unknown>;
      if (Object.keys(inner).length === 0) continue;
      if (key === "aiRequests" && Object.keys(inner).length === 1 && "period" in inner) continue;
      out[key] = inner;
    } else out[key] = v;
  }
  return out as SegmentCriteriaInput;
}

const intOrUndefined = (raw: string) => (raw.trim() === "" ? undefined : Math.max(0, Math.trunc(Number(raw))) || 0);

const SegmentBuilder: React.FC<SegmentBuilderProps> = ({ value, onChange, problems = [], idPrefix = "segment" }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const v = value as Record<string, unknown> & SegmentCriteriaInput;
  const set = (key: string, next: unknown) => onChange(clean({ ...v, [key]: next }));
  const problemOf = (prefix: string) =>
    problems.filter((p) => p.field === `criteria.${prefix}` || p.field.startsWith(`criteria.${prefix}.`));
  const id = (name: string) => `${idPrefix}-${name}`;

  const checkboxes = (key: ListKey, values: readonly string[], word: (x: string) => string) => {
    const chosen = new Set((v[key] as string[] | undefined) ?? []);
    return (
      <fieldset style={{ border: 0, padding: 0, margin: "0 0 16px" }}>
        <legend>
          <Text fontWeight="bold">{translateMessage(`segmentField_${key}`)}</Text>
        </legend>
        <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16 }}>
          {values.map((x) => (
            <label key={x} htmlFor={id(`${key}-${x}`)} style={{ display: "flex", gap: 4, alignItems: "center" }}>
              <input
                id={id(`${key}-${x}`)}
                type="checkbox"
                checked={chosen.has(x)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(x);
                  else next.delete(x);
                  set(
                    key,
                    values.filter((y) => next.has(y)),
                  );
                }}
              />
              {word(x)}
            </label>
          ))}
        </Box>
        {problemOf(key).map((p) => (
          <Text key={p.field} role="alert" style={{ color: "#b42318" }}>{`${p.field}: ${p.message}`}</Text>
        ))}
      </fieldset>
    );
  };

  const range = (
    key: "sites" | "mrr",
    kind: "int" | "money",
    current: { min?: number | string; max?: number | string } | undefined,
  ) => (
    <Box mb="lg">
      <Text fontWeight="bold">{translateMessage(`segmentField_${key}`)}</Text>
      <Box flex flexDirection="row" style={{ gap: 16 }}>
        {(["min", "max"] as const).map((end) => (
          <Box key={end}>
            <Label htmlFor={id(`${key}-${end}`)}>{translateMessage(`segmentRange_${end}`)}</Label>
            <Input
              id={id(`${key}-${end}`)}
              inputMode={kind === "int" ? "numeric" : "decimal"}
              value={current?.[end] ?? ""}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                const raw = e.target.value;
                const next = kind === "int" ? intOrUndefined(raw) : raw.trim().replace(",", ".") || undefined;
                set(key, { ...current, [end]: next });
              }}
            />
          </Box>
        ))}
      </Box>
      {problemOf(key).map((p) => (
        <Text key={p.field} role="alert" style={{ color: "#b42318" }}>{`${p.field}: ${p.message}`}</Text>
      ))}
    </Box>
  );

  const signedUp = v.signedUp as { from?: string; to?: string } | undefined;
  const ai = v.aiRequests as { period?: { lastDays?: number }; min?: number; max?: number } | undefined;
  return (
    <Box data-testid="segment-builder">
      {checkboxes("plans", PLANS, (p) => translateLabel(`planType.${p}`, "customers"))}
      {checkboxes("statuses", STATUSES, (s) => translateMessage(`segmentStatus_${s}`))}
      {checkboxes("languages", LANGUAGES, (l) => translateMessage(`segmentLanguage_${l}`))}
      <Box mb="lg">
        <Text fontWeight="bold">{translateMessage("segmentField_signedUp")}</Text>
        <Box flex flexDirection="row" style={{ gap: 16 }}>
          {(["from", "to"] as const).map((end) => (
            <Box key={end}>
              <Label htmlFor={id(`signed-${end}`)}>{translateMessage(`segmentDate_${end}`)}</Label>
              <Input
                id={id(`signed-${end}`)}
                type="date"
                value={signedUp?.[end] ?? ""}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set("signedUp", { ...signedUp, [end]: e.target.value || undefined })
                }
              />
            </Box>
          ))}
        </Box>
        {problemOf("signedUp").map((p) => (
          <Text key={p.field} role="alert" style={{ color: "#b42318" }}>{`${p.field}: ${p.message}`}</Text>
        ))}
      </Box>
      {range("sites", "int", v.sites as { min?: number; max?: number } | undefined)}
      <Box mb="lg">
        <Text fontWeight="bold">{translateMessage("segmentField_aiRequests")}</Text>
        <Box flex flexDirection="row" style={{ gap: 16 }}>
          <Box>
            <Label htmlFor={id("ai-days")}>{translateMessage("segmentAi_lastDays")}</Label>
            <Input
              id={id("ai-days")}
              inputMode="numeric"
              value={ai?.period?.lastDays ?? 30}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                set("aiRequests", { ...ai, period: { lastDays: intOrUndefined(e.target.value) ?? 30 } })
              }
            />
          </Box>
          {(["min", "max"] as const).map((end) => (
            <Box key={end}>
              <Label htmlFor={id(`ai-${end}`)}>{translateMessage(`segmentRange_${end}`)}</Label>
              <Input
                id={id(`ai-${end}`)}
                inputMode="numeric"
                value={ai?.[end] ?? ""}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set("aiRequests", {
                    period: ai?.period ?? { lastDays: 30 },
                    ...ai,
                    [end]: intOrUndefined(e.target.value),
                  })
                }
              />
            </Box>
          ))}
        </Box>
        {problemOf("aiRequests").map((p) => (
          <Text key={p.field} role="alert" style={{ color: "#b42318" }}>{`${p.field}: ${p.message}`}</Text>
        ))}
      </Box>
      {range("mrr", "money", v.mrr as { min?: string; max?: string } | undefined)}
      {checkboxes("billing", BILLING, (b) => translateMessage(`segmentBilling_${b}`))}
      {checkboxes("referral", REFERRAL, (r) => translateMessage(`segmentReferral_${r}`))}
    </Box>
  );
};

export default SegmentBuilder;
