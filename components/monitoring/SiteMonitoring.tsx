// A site's monitoring view (the "Monitoring" record action of sites): its monitors with their state and
// uptime over 24 h, 7 d, 30 d and 1 y, the last 24 hours of HTTP response times (a chart, and the same
// figures as a table for screen readers), and its incidents, each linking to its page where it is
// acknowledged or resolved. Data: siteMonitoringView in src/modules/monitoring/uptime/screens.ts.
import React from "react";
import { ApiClient, useTranslation, type ActionProps } from "adminjs";
import { Box, H2, H5, Link, Loader, MessageBox, Text } from "@adminjs/design-system";
import type { SiteMonitoringView } from "../../src/modules/monitoring/uptime/screens.js";
import { EMPTY, formatDate, formatNumber, pageLanguage } from "../../src/lib/format.js";
import { usePageData } from "../use-page-data.js";
import ErrorPage from "../ErrorPage.js";
import { scrollRegion, TEXT_COLOURS, visuallyHidden } from "../page-kit.js";
import { StateBadge, uptimeText } from "./uptime-kit.js";

const api = new ApiClient();
const ms = (v: number | null) => (v === null ? EMPTY : `${formatNumber(v, pageLanguage())} ms`);
const when = (iso: string | null) => formatDate(iso, pageLanguage(), "timestamp");

type Answer = { monitoring: SiteMonitoringView | { error: string } | null };

const ResponseChart: React.FC<{ hours: SiteMonitoringView["responseTimes"]; title: string }> = ({ hours, title }) => {
  const { translateMessage } = useTranslation();
  const max = Math.max(1, ...hours.map((h) => h.p95 ?? 0));
  const step = 24;
  const plot = 120;
  const y = (v: number) => 10 + plot - (v / max) * plot;
  const line = (key: "avg" | "p95") =>
    hours
      .map((h, i) => (h[key] === null ? null : `${40 + i * step},${y(h[key] as number)}`))
      .filter(Boolean)
      .join(" ");
  const hour = (iso: string) => formatDate(iso, pageLanguage(), "dateTime");
  return (
    <Box data-testid="response-chart">
      <svg width={40 + hours.length * step} height={plot + 30} role="img" aria-label={title}>
        <text x={35} y={14} fontSize={10} textAnchor="end" fill={TEXT_COLOURS.muted}>
          {ms(max)}
        </text>
        <line x1={40} x2={40 + hours.length * step} y1={10 + plot} y2={10 + plot} stroke="#888" />
        <polyline points={line("p95")} fill="none" stroke="#d13d3d" strokeWidth={2} />
        <polyline points={line("avg")} fill="none" stroke="#2B4BD6" strokeWidth={2} />
      </svg>
      <Text fontSize={12} color={TEXT_COLOURS.muted}>
        <span style={{ color: "#2B4BD6" }}>■</span> {translateMessage("monitoringAvg")}{" "}
        <span style={{ color: "#d13d3d" }}>■</span> p95
      </Text>
      <table style={visuallyHidden}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>{translateMessage("monitoringHour")}</th>
            <th>{translateMessage("monitoringAvg")}</th>
            <th>p95</th>
          </tr>
        </thead>
        <tbody>
          {hours.map((h) => (
            <tr key={h.hour}>
              <td>{hour(h.hour)}</td>
              <td>{ms(h.avg)}</td>
              <td>{ms(h.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

const SiteMonitoring: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const id = String(record?.id ?? "");
  const { data, error } = usePageData<Answer>(`site=${id}`, () =>
    api
      .recordAction({ resourceId: "sites", recordId: id, actionName: "surveillance" })
      .then((res) => res.data as unknown as Answer),
  );
  const view = data?.monitoring;
  if (view && "error" in view) return <ErrorPage status={403} />;
  if (data && view === null) return <ErrorPage status={404} />;
  return (
    <Box variant="container" data-testid="site-monitoring">
      {error ? <MessageBox variant="danger" message={error} mb="lg" /> : null}
      {!view ? <Loader /> : null}
      {view && !("error" in view) ? (
        <>
          <H2>{`${translateMessage("monitoringSiteTitle")} · ${view.site.name}`}</H2>
          <H5 mt="lg">{translateMessage("monitoringMonitors")}</H5>
          {view.monitors.length === 0 ? <Text>{translateMessage("monitoringNoMonitors")}</Text> : null}
          {view.monitors.length ? (
            <Box style={{ overflowX: "auto" }} {...scrollRegion(translateMessage("monitoringMonitors"))}>
              <table style={{ width: "100%", borderCollapse: "collapse" }}>
                <thead>
                  <tr style={{ textAlign: "left" }}>
                    <th>{translateMessage("monitoringColMonitor")}</th>
                    <th>{translateMessage("monitoringFilterState")}</th>
                    {["24h", "7d", "30d", "1y"].map((w) => (
                      <th key={w}>{translateMessage(`monitoringWindow_${w}`)}</th>
                    ))}
                    <th>{`p50 / p95 (${translateMessage("monitoringWindow_24h")})`}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.monitors.map((m) => (
                    <tr key={m.id} data-testid="site-monitor" style={{ borderTop: "1px solid #e5e7eb" }}>
                      <td>
                        <Link
                          href={`/admin/resources/monitors/records/${m.id}/show`}
                        >{`${translateLabel(`type.${m.type}`, "monitors")} ${m.target}`}</Link>
                        <Text fontSize={12} color={TEXT_COLOURS.muted}>
                          {m.enabled ? when(m.lastCheckedAt) : translateMessage("monitoringPaused")}
                        </Text>
                      </td>
                      <td>
                        <StateBadge state={m.state} label={translateMessage(`monitoringState_${m.state}`)} />
                      </td>
                      {m.uptime.map((u) => (
                        <td key={u.window} data-testid={`uptime-${u.window}`}>
                          {u.uptime === null ? translateMessage("monitoringNoData") : uptimeText(u.uptime)}
                        </td>
                      ))}
                      <td>{`${ms(m.uptime[0]?.responseTime.p50 ?? null)} / ${ms(m.uptime[0]?.responseTime.p95 ?? null)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          ) : null}
          <H5 mt="xl">{translateMessage("monitoringResponseTimes")}</H5>
          <ResponseChart hours={view.responseTimes} title={translateMessage("monitoringResponseTimes")} />
          <H5 mt="xl">{translateMessage("monitoringColIncidents")}</H5>
          {view.incidents.length === 0 ? <Text>{translateMessage("monitoringNoIncidents")}</Text> : null}
          {view.incidents.map((i) => (
            <Box key={i.id} mb="sm" data-testid="site-incident">
              <Link href={`/admin/resources/incidents/records/${i.id}/show`}>{i.cause}</Link>
              <Text fontSize={12} color={TEXT_COLOURS.muted}>
                {`${translateMessage("monitoringOpened")} ${when(i.openedAt)}${
                  i.acknowledgedAt ? ` · ${translateMessage("monitoringAcknowledged")} ${when(i.acknowledgedAt)}` : ""
                } · ${i.resolvedAt ? `${translateMessage("monitoringResolved")} ${when(i.resolvedAt)}` : translateMessage("monitoringOpen")}`}
              </Text>
            </Box>
          ))}
        </>
      ) : null}
    </Box>
  );
};

export default SiteMonitoring;
