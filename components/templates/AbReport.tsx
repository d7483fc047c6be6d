// An A/B test's "Report" (record action of template_ab_tests): the two variants side by side, the
// conversion rate of each over time (a line chart with its values as a table for screen readers), the
// lift with its 95% interval and the p-value, a banner on a sample ratio mismatch, the guards in plain
// words, the planned sample size (a warning while the test is peeked at before it), and "Declare
// winner" (refused while a guard holds unless a reason overrides it). Data: the action's handler
// (modules/templates/ab/report.ts); the declaration posts to the same action.
import React, { useState } from "react";
import { ApiClient, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, H5, Label, Text, TextArea } from "@adminjs/design-system";
import { formatDate, formatNumber, formatPercent, pageLanguage } from "../../src/lib/format.js";
import { TEXT_COLOURS, visuallyHidden } from "../page-kit.js";
import { usePageData } from "../use-page-data.js";
import { useRecordPost } from "../use-record-post.js";

const api = new ApiClient();

type Variant = "A" | "B";
type Guard = "min_conversions" | "sample_ratio_mismatch" | "below_planned_size" | "not_significant";
interface Interval {
  low: number;
  high: number;
}
interface Side {
  variant: Variant;
  template: { id: number; name: string };
  version: { id: number; version: string } | null;
  visitors: number;
  conversions: number;
  rate: number;
}
interface Report {
  test: {
    id: number;
    name: string;
    status: string;
    goal: string;
    trafficSplit: number;
    startedAt: string | null;
    winner: Variant | null;
    overrideReason: string | null;
    rolledUpAt: string | null;
  };
  variants: [Side, Side];
  series: { day: string; visitorsA: number; visitorsB: number; rateA: number; rateB: number }[];
  comparison: {
    absoluteLift: number;
    absoluteInterval: Interval;
    relativeLift: number | null;
    relativeInterval: Interval | null;
    pValue: number | null;
    confidence: number;
  } | null;
  srm: { expectedB: number; pValue: number; mismatch: boolean };
  planned: { perVariant: number; baselineRate: number; minimumEffect: number; power: number };
  peeking: boolean;
  settings: { minConversions: number; alpha: number; srmThreshold: number };
  guards: Guard[];
  otherGoals: { goal: string; conversionsA: number; conversionsB: number }[];
}

const COLOURS: Record<Variant, string> = { A: "#595b6a", B: TEXT_COLOURS.accent };
const cell: React.CSSProperties = { padding: "4px 8px", borderBottom: "1px solid #e5e7ef", textAlign: "left" };
const num: React.CSSProperties = { ...cell, textAlign: "right", fontVariantNumeric: "tabular-nums" };

const Chart: React.FC<{ report: Report; t: (k: string) => string }> = ({ report, t }) => {
  const lang = pageLanguage();
  const { series } = report;
  const width = 720;
  const height = 180;
  const max = Math.max(0.0001, ...series.flatMap((d) => [d.rateA, d.rateB])) * 1.1;
  const x = (i: number) => (series.length <= 1 ? width / 2 : (i / (series.length - 1)) * width);
  const y = (r: number) => height - (r / max) * (height - 8);
  const line = (key: "rateA" | "rateB") => series.map((d, i) => `${i === 0 ? "M" : "L"}${x(i)},${y(d[key])}`).join(" ");
  const last = series[series.length - 1];
  const summary = last
    ? `${t("abChart")}: A ${formatPercent(last.rateA, lang, { fractionDigits: 2 })}, B ${formatPercent(last.rateB, lang, { fractionDigits: 2 })} (${formatDate(last.day, lang, "long")})`
    : t("abNoData");
  return (
    <figure style={{ margin: 0 }} data-testid="ab-chart">
      <figcaption>
        <H5>{t("abChart")}</H5>
        <Text mb="sm" style={{ color: TEXT_COLOURS.muted }}>
          <span style={{ color: COLOURS.A }}>━</span> A &nbsp; <span style={{ color: COLOURS.B }}>━</span> B
        </Text>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} preserveAspectRatio="none">
        {series.length > 0 ? (
          <>
            <path d={line("rateA")} fill="none" stroke={COLOURS.A} strokeWidth={2} strokeDasharray="6 3" />
            <path d={line("rateB")} fill="none" stroke={COLOURS.B} strokeWidth={2} />
          </>
        ) : null}
      </svg>
      <Text style={{ color: TEXT_COLOURS.muted }}>{summary}</Text>
      <table style={visuallyHidden}>
        <caption>{t("abChart")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("abDay")}</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDate(d.day, lang, "long")}</th>
              <td>{formatPercent(d.rateA, lang, { fractionDigits: 2 })}</td>
              <td>{formatPercent(d.rateB, lang, { fractionDigits: 2 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};

const AbReport: React.FC<ActionProps> = ({ record, resource, action }) => {
  const { translateMessage } = useTranslation();
  const t = (key: string) => translateMessage(key, resource.id);
  const recordId = String(record?.id ?? "");
  const [version, setVersion] = useState(0);
  const { data } = usePageData<Report>(`${recordId}:${version}`, (signal) =>
    api
      .recordAction({ resourceId: resource.id, recordId, actionName: action.name, signal })
      .then((res) => (res.data as { report?: Report }).report ?? { error: "abNoData" }),
  );
  const { busy, post } = useRecordPost(action, resource, record);
  const [variant, setVariant] = useState<Variant>("B");
  const [reason, setReason] = useState("");
  const lang = pageLanguage();
  const n = (x: number) => formatNumber(x, lang);
  const pct = (x: number) => formatPercent(x, lang, { fractionDigits: 2 });
  const signedPct = (x: number) => `${x > 0 ? "+" : ""}${pct(x)}`;
  const interval = (i: Interval) => `[${signedPct(i.low)} ; ${signedPct(i.high)}]`;
  if (!data) return <Box variant="container">{t("abLoading")}</Box>;
  const c = data.comparison;
  const open = data.test.winner === null && (data.test.status === "running" || data.test.status === "completed");
  return (
    <Box variant="container" data-testid="ab-report">
      <H3>
        {t("abReportTitle")} — {data.test.name}
      </H3>
      <Text mb="lg" style={{ color: TEXT_COLOURS.muted }}>
        {t("abGoal")}: <strong>{data.test.goal}</strong> · {t("abSplit")}: {100 - data.test.trafficSplit} /{" "}
        {data.test.trafficSplit}
        {data.test.rolledUpAt ? ` · ${t("abRolledUpAt")} ${formatDate(data.test.rolledUpAt, lang, "dateTime")}` : ""}
      </Text>
      {data.srm.mismatch ? (
        <Box
          role="alert"
          data-testid="ab-srm-banner"
          mb="lg"
          p="lg"
          style={{ border: `2px solid ${TEXT_COLOURS.bad}`, background: "#fdf0ef" }}
        >
          <Text style={{ color: TEXT_COLOURS.bad, fontWeight: 700 }}>{t("abSrmTitle")}</Text>
          <Text>
            {t("abSrmText")} (A {n(data.variants[0].visitors)} / B {n(data.variants[1].visitors)}, {t("abExpectedB")}{" "}
            {n(Math.round(data.srm.expectedB))}; p = {data.srm.pValue.toPrecision(2)})
          </Text>
        </Box>
      ) : null}
      {data.test.winner ? (
        <Box mb="lg" p="lg" style={{ border: `2px solid ${TEXT_COLOURS.good}` }} data-testid="ab-winner">
          <Text style={{ color: TEXT_COLOURS.good, fontWeight: 700 }}>
            {t("abWinnerIs")} {data.test.winner}
          </Text>
          {data.test.overrideReason ? (
            <Text>
              {t("abOverriddenBecause")} {data.test.overrideReason}
            </Text>
          ) : null}
        </Box>
      ) : null}
      <table style={{ borderCollapse: "collapse", width: "100%", marginBottom: 24 }} data-testid="ab-variants">
        <caption style={visuallyHidden}>{t("abVariants")}</caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              {t("abVariant")}
            </th>
            <th scope="col" style={cell}>
              {t("abTemplate")}
            </th>
            <th scope="col" style={num}>
              {t("abVisitors")}
            </th>
            <th scope="col" style={num}>
              {t("abConversions")}
            </th>
            <th scope="col" style={num}>
              {t("abRate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.variants.map((v) => (
            <tr key={v.variant}>
              <th scope="row" style={{ ...cell, color: COLOURS[v.variant] }}>
                {v.variant}
              </th>
              <td style={cell}>
                {v.template.name}
                {v.version ? ` ${v.version.version}` : ""}
              </td>
              <td style={num}>{n(v.visitors)}</td>
              <td style={num}>{n(v.conversions)}</td>
              <td style={num}>{pct(v.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Box flex flexDirection="row" flexWrap="wrap" mb="xl" data-testid="ab-lift">
        {c ? (
          <>
            <Box mr="xxl" mb="lg">
              <Text style={{ color: TEXT_COLOURS.muted }}>{t("abRelativeLift")}</Text>
              <Text style={{ fontSize: 28, fontWeight: 600 }} data-testid="ab-relative-lift">
                {c.relativeLift === null ? "—" : signedPct(c.relativeLift)}
              </Text>
              <Text data-testid="ab-relative-interval">
                {t("abInterval")} {c.relativeInterval ? interval(c.relativeInterval) : "—"}
              </Text>
            </Box>
            <Box mr="xxl" mb="lg">
              <Text style={{ color: TEXT_COLOURS.muted }}>{t("abAbsoluteLift")}</Text>
              <Text style={{ fontSize: 28, fontWeight: 600 }}>{signedPct(c.absoluteLift)}</Text>
              <Text data-testid="ab-absolute-interval">
                {t("abInterval")} {interval(c.absoluteInterval)}
              </Text>
            </Box>
            <Box mr="xxl" mb="lg">
              <Text style={{ color: TEXT_COLOURS.muted }}>{t("abPValue")}</Text>
              <Text style={{ fontSize: 28, fontWeight: 600 }} data-testid="ab-p-value">
                {c.pValue === null ? "—" : c.pValue < 0.0001 ? "< 0.0001" : c.pValue.toFixed(4)}
              </Text>
              <Text>
                {c.pValue !== null && c.pValue < data.settings.alpha ? t("abSignificant") : t("abNotSignificant")}
              </Text>
            </Box>
          </>
        ) : (
          <Text>{t("abNoData")}</Text>
        )}
      </Box>
      <Chart report={data} t={t} />
      <Box mt="xl" data-testid="ab-guards">
        <H5>{t("abGuards")}</H5>
        <Text mb="sm">
          {t("abPlanned")} {n(data.planned.perVariant)} ({t("abPlannedFrom")} {pct(data.planned.baselineRate)},{" "}
          {signedPct(data.planned.minimumEffect)}, {t("abPower")} {pct(data.planned.power)})
        </Text>
        {data.peeking ? (
          <Text mb="sm" style={{ color: TEXT_COLOURS.warning }} data-testid="ab-peeking">
            {t("abPeeking")}
          </Text>
        ) : null}
        {data.guards.length === 0 ? (
          <Text style={{ color: TEXT_COLOURS.good }}>{t("abNoGuard")}</Text>
        ) : (
          <ul>
            {data.guards.map((g) => (
              <li key={g} data-testid={`ab-guard-${g}`}>
                {t(`abGuard_${g}`)}
                {g === "min_conversions" ? ` (${n(data.settings.minConversions)})` : ""}
              </li>
            ))}
          </ul>
        )}
      </Box>
      {data.otherGoals.length > 0 ? (
        <Box mt="lg">
          <H5>{t("abOtherGoals")}</H5>
          <table style={{ borderCollapse: "collapse" }}>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  {t("abGoal")}
                </th>
                <th scope="col" style={num}>
                  A
                </th>
                <th scope="col" style={num}>
                  B
                </th>
              </tr>
            </thead>
            <tbody>
              {data.otherGoals.map((g) => (
                <tr key={g.goal}>
                  <th scope="row" style={cell}>
                    {g.goal}
                  </th>
                  <td style={num}>{n(g.conversionsA)}</td>
                  <td style={num}>{n(g.conversionsB)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      ) : null}
      {open ? (
        <Box
          as="form"
          mt="xl"
          data-testid="ab-declare"
          onSubmit={(event: React.FormEvent) => {
            event.preventDefault();
            void post({ variant, ...(reason.trim() ? { overrideReason: reason } : {}) }).then(() =>
              setVersion((v) => v + 1),
            );
          }}
        >
          <H5>{t("abDeclare")}</H5>
          <fieldset style={{ border: 0, padding: 0, marginBottom: 12 }}>
            <legend>{t("abWinnerChoice")}</legend>
            {(["A", "B"] as const).map((v) => (
              <label key={v} style={{ marginRight: 16 }}>
                <input
                  type="radio"
                  name="variant"
                  value={v}
                  checked={variant === v}
                  onChange={() => setVariant(v)}
                  data-testid={`ab-declare-${v}`}
                />{" "}
                {v}
              </label>
            ))}
          </fieldset>
          {data.guards.length > 0 ? (
            <>
              <Label htmlFor="ab-override-reason">{t("abOverrideReason")}</Label>
              <TextArea
                id="ab-override-reason"
                value={reason}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
                style={{ width: "100%", minHeight: 64 }}
                data-testid="ab-override-reason"
              />
            </>
          ) : null}
          <Button type="submit" mt="md" variant="contained" disabled={busy} data-testid="ab-declare-submit">
            {t("abDeclareSubmit")}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
};

export default AbReport;
