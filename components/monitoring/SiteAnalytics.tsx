// "Audience" of a site (record action on sites): unique visitors and page views per day (a bar chart
// with its values as a table for screen readers), top pages, referrers, goals and Web Vitals p75
// coloured good / needs improvement / poor, over 7, 30 or 90 days. Data: the action's handler
// (modules/monitoring/site-analytics/audience.ts), asked again when the period changes.
import React, { useState } from "react";
import { ApiClient, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, H5, Text } from "@adminjs/design-system";
import { formatDate, formatNumber, pageLanguage } from "../../src/lib/format.js";
import { TEXT_COLOURS, visuallyHidden } from "../page-kit.js";
import { usePageData } from "../use-page-data.js";

const api = new ApiClient();
const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

type Rating = "good" | "needs-improvement" | "poor";
interface Audience {
  site: { id: number; name: string; domain: string | null };
  range: { from: string; to: string };
  totals: { pageViews: number; visitors: number; conversions: number };
  series: { day: string; pageViews: number; visitors: number }[];
  topPages: { path: string; views: number }[];
  referrers: { host: string; visitors: number }[];
  goals: { name: string; count: number; visitors: number }[];
  vitals: { metric: "LCP" | "INP" | "CLS"; p75: number; count: number; rating: Rating }[];
  scriptUrl: string;
}

const RATING: Record<Rating, { colour: string; key: string }> = {
  good: { colour: TEXT_COLOURS.good, key: "audienceGood" },
  "needs-improvement": { colour: TEXT_COLOURS.warning, key: "audienceNeedsImprovement" },
  poor: { colour: TEXT_COLOURS.bad, key: "audiencePoor" },
};

const cell: React.CSSProperties = { padding: "4px 8px", borderBottom: "1px solid #e5e7ef", textAlign: "left" };
const num: React.CSSProperties = { ...cell, textAlign: "right", fontVariantNumeric: "tabular-nums" };

const Chart: React.FC<{ audience: Audience; t: (k: string) => string }> = ({ audience, t }) => {
  const lang = pageLanguage();
  const { series } = audience;
  const max = Math.max(1, ...series.map((d) => d.pageViews));
  const width = 720;
  const height = 160;
  const step = width / Math.max(1, series.length);
  const bar = Math.max(1, step * 0.8);
  const best = series.reduce((a, b) => (b.visitors > a.visitors ? b : a), series[0]!);
  const summary =
    `${formatDate(audience.range.from, lang, "long")} – ${formatDate(audience.range.to, lang, "long")}: ` +
    `${formatNumber(audience.totals.visitors, lang)} ${t("audienceVisitors").toLowerCase()}, ` +
    `${formatNumber(audience.totals.pageViews, lang)} ${t("audiencePageViews").toLowerCase()}; ` +
    `${t("audienceBusiest")} ${formatDate(best.day, lang, "long")} (${formatNumber(best.visitors, lang)}).`;
  return (
    <figure style={{ margin: 0 }} data-testid="audience-chart">
      <figcaption>
        <H5>{t("audienceChart")}</H5>
        <Text mb="sm" style={{ color: TEXT_COLOURS.muted }}>
          <span style={{ color: TEXT_COLOURS.accent }}>■</span> {t("audienceVisitors")} &nbsp;
          <span style={{ color: "#a9b8f0" }}>■</span> {t("audiencePageViews")}
        </Text>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} preserveAspectRatio="none">
        {series.map((d, i) => {
          const pv = (d.pageViews / max) * (height - 4);
          const v = (d.visitors / max) * (height - 4);
          return (
            <g key={d.day}>
              <rect x={i * step} y={height - pv} width={bar} height={pv} fill="#a9b8f0" />
              <rect x={i * step} y={height - v} width={bar} height={v} fill={TEXT_COLOURS.accent}>
                <title>{`${formatDate(d.day, lang, "dayMonth")}: ${formatNumber(d.visitors, lang)} / ${formatNumber(d.pageViews, lang)}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <Text style={{ color: TEXT_COLOURS.muted }}>{summary}</Text>
      <table style={visuallyHidden}>
        <caption>{t("audienceChart")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audienceDay")}</th>
            <th scope="col">{t("audienceVisitors")}</th>
            <th scope="col">{t("audiencePageViews")}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDate(d.day, lang, "long")}</th>
              <td>{d.visitors}</td>
              <td>{d.pageViews}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};

function Table<T>(props: {
  title: string;
  testId: string;
  head: [string, ...string[]];
  rows: T[];
  cells: (row: T) => [React.ReactNode, ...React.ReactNode[]];
  empty: string;
}) {
  return (
    <Box flexGrow={1} mr="xl" mb="xl" style={{ minWidth: 260 }} data-testid={props.testId}>
      <H5>{props.title}</H5>
      {props.rows.length === 0 ? (
        <Text style={{ color: TEXT_COLOURS.muted }}>{props.empty}</Text>
      ) : (
        <table style={{ borderCollapse: "collapse", width: "100%" }}>
          <thead>
            <tr>
              {props.head.map((h, i) => (
                <th key={h} scope="col" style={i === 0 ? cell : num}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, r) => (
              <tr key={r}>
                {props.cells(row).map((c, i) => (
                  <td key={i} style={i === 0 ? { ...cell, wordBreak: "break-all" } : num}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Box>
  );
}

const SiteAnalytics: React.FC<ActionProps> = ({ record, resource }) => {
  const { translateMessage } = useTranslation();
  const t = (key: string) => translateMessage(key, resource.id);
  const [days, setDays] = useState<Period>(30);
  const recordId = String(record?.id ?? "");
  const { data, error } = usePageData<Audience>(`${recordId}:${days}`, (signal) =>
    api
      .recordAction({ resourceId: resource.id, recordId, actionName: "audience", params: { days }, signal })
      .then((res) => (res.data as { audience?: Audience; error?: string }).audience ?? { error: "audienceForbidden" }),
  );
  const lang = pageLanguage();
  const n = (x: number) => formatNumber(x, lang);
  const vital = (metric: string, p75: number) => (metric === "CLS" ? p75.toFixed(2) : `${n(Math.round(p75))} ms`);
  return (
    <Box variant="container" data-testid="site-audience">
      <H3>
        {t("audienceTitle")} — {record?.title}
      </H3>
      <Box flex flexDirection="row" alignItems="center" mb="lg" role="group" aria-label={t("audiencePeriod")}>
        {PERIODS.map((d) => (
          <Button
            key={d}
            size="sm"
            mr="sm"
            variant={d === days ? "contained" : "outlined"}
            aria-pressed={d === days}
            onClick={() => setDays(d)}
            data-testid={`audience-period-${d}`}
          >
            {`${d} ${t("audienceDaysUnit")}`}
          </Button>
        ))}
      </Box>
      {error ? <Text style={{ color: TEXT_COLOURS.bad }}>{translateMessage(error, resource.id)}</Text> : null}
      {data ? (
        <>
          <Box flex flexDirection="row" mb="xl" data-testid="audience-totals">
            {(
              [
                ["audienceVisitors", data.totals.visitors],
                ["audiencePageViews", data.totals.pageViews],
                ["audienceConversions", data.totals.conversions],
              ] as const
            ).map(([key, value]) => (
              <Box key={key} mr="xxl">
                <Text style={{ color: TEXT_COLOURS.muted }}>{t(key)}</Text>
                <Text style={{ fontSize: 28, fontWeight: 600 }}>{n(value)}</Text>
              </Box>
            ))}
          </Box>
          <Chart audience={data} t={t} />
          <Box flex flexDirection="row" flexWrap="wrap" mt="xl">
            <Table
              title={t("audienceTopPages")}
              testId="audience-pages"
              head={[t("audiencePage"), t("audienceViews")]}
              rows={data.topPages}
              cells={(p) => [p.path, n(p.views)]}
              empty={t("audienceNothing")}
            />
            <Table
              title={t("audienceReferrers")}
              testId="audience-referrers"
              head={[t("audienceSource"), t("audienceVisitors")]}
              rows={data.referrers}
              cells={(r) => [r.host, n(r.visitors)]}
              empty={t("audienceNothing")}
            />
            <Table
              title={t("audienceGoals")}
              testId="audience-goals"
              head={[t("audienceGoal"), t("audienceCount"), t("audienceVisitors")]}
              rows={data.goals}
              cells={(g) => [g.name, n(g.count), n(g.visitors)]}
              empty={t("audienceNothing")}
            />
            <Table
              title={t("audienceVitals")}
              testId="audience-vitals"
              head={[t("audienceMetric"), "p75", t("audienceRating"), t("audienceMeasures")]}
              rows={data.vitals}
              cells={(v) => [
                v.metric,
                vital(v.metric, v.p75),
                <span key="r" style={{ color: RATING[v.rating].colour, fontWeight: 600 }}>
                  {v.rating === "good" ? "●" : v.rating === "poor" ? "▲" : "◆"} {t(RATING[v.rating].key)}
                </span>,
                n(v.count),
              ]}
              empty={t("audienceNothing")}
            />
          </Box>
          <Text mt="lg" style={{ color: TEXT_COLOURS.muted }}>
            {data.site.domain ? t("audienceSnippet") : t("audienceNoDomain")}
          </Text>
          {data.site.domain ? (
            <pre style={{ background: "#f6f7fb", padding: 8, whiteSpace: "pre-wrap" }} data-testid="audience-snippet">
              {`<script defer src="${data.scriptUrl}" data-domain="${data.site.domain}"></script>`}
            </pre>
          ) : null}
        </>
      ) : null}
    </Box>
  );
};

export default SiteAnalytics;
