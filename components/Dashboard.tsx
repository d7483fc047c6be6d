// The landing page of /admin (issue 6): KPI cards with their change against the previous period, the
// daily trend chart (Chart.js, bundled with the other components) with a 7/30/90-day switch, the
// alerts above their thresholds with where to act, and the quick actions. Data: the dashboard handler
// (src/modules/dashboard/service.ts), the same answer as GET /admin/api/v1/dashboard; what the admin may
// not see is not in it (no revenue figure without billing.view or analytics.view).
import React, { useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, Button, H2, H5, Link, Loader, MessageBox, Text } from "@adminjs/design-system";
import {
  CategoryScale,
  Chart as ChartJS,
  Filler,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from "chart.js";
import { Line } from "react-chartjs-2";

// Types only: erased from the browser bundle, so the page and its handler cannot drift apart.
import type { DashboardAlert, DashboardData, Kpi, TrendPoint } from "../src/modules/dashboard/service.js";
import type { OverdueReminderRun } from "../src/modules/dashboard/overdue-reminders.js";
import { usePageData } from "./use-page-data.js";
import { countOf, countTick, plural, moneyTick, TEXT_COLOURS, visuallyHidden } from "./page-kit.js";
import { formatDate, formatMoney, formatNumber, formatPercent, pageLanguage } from "../src/lib/format.js";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Filler);

type Answer = DashboardData & { error?: string };
type Days = 7 | 30 | 90;
type Series = "mrr" | "activeCustomers" | "newCustomers" | "aiRevenue" | "aiRequests";

const api = new ApiClient();
const PERIODS: Days[] = [7, 30, 90];
const SERIES: { key: Series; label: string; money: boolean }[] = [
  { key: "mrr", label: "dashboardSeriesMrr", money: true },
  { key: "activeCustomers", label: "dashboardSeriesActiveCustomers", money: false },
  { key: "newCustomers", label: "dashboardSeriesNewCustomers", money: false },
  { key: "aiRevenue", label: "dashboardSeriesAiRevenue", money: true },
  { key: "aiRequests", label: "dashboardSeriesAiRequests", money: false },
];
const BLUE = "#4268F6";
/** The AI requests list filtered on pending: the count shown here is its total (aiQueueCounts). */
const PENDING_LIST = "/admin/resources/ai_requests?filters.status=pending";
const { good: GREEN, bad: RED, muted: MUTED } = TEXT_COLOURS;

const euro = (value: string | number | null | undefined, currency = "EUR") =>
  formatMoney(value, pageLanguage(), { currency });
/** A ratio "0.0523" as "5,2 %" / "5.2%". */
const percent = (value: string | null, digits = 1) => formatPercent(value, pageLanguage(), { fractionDigits: digits });
const count = (value: number | null) => formatNumber(value, pageLanguage());
const shortDay = (iso: string) => formatDate(iso, pageLanguage(), "dayMonth");

/** One KPI card: the value, and the change against the previous period (arrow and %). */
const KpiCard: React.FC<{
  id: string;
  title: string;
  value: string;
  kpi: Kpi<string> | Kpi<number>;
  /** Whether a rise is good news (churn is not). */
  upIsGood?: boolean;
  hint?: string;
}> = ({ id, title, value, kpi, upIsGood = true, hint }) => {
  const { translateMessage } = useTranslation();
  const sign = kpi.change === null ? 0 : Math.sign(Number(kpi.change));
  const arrow = sign > 0 ? "▲" : sign < 0 ? "▼" : "→";
  const colour = sign === 0 ? MUTED : sign > 0 === upIsGood ? GREEN : RED;
  const change = kpi.changeRatio !== null ? `${sign > 0 ? "+" : ""}${percent(kpi.changeRatio)}` : "—";
  return (
    <Box
      data-testid="kpi-card"
      data-kpi={id}
      variant="container"
      boxShadow="card"
      m="md"
      p="xl"
      style={{ flex: "1 1 220px", borderTop: `4px solid ${BLUE}` }}
    >
      <H5>{title}</H5>
      <Text fontSize={30} fontWeight="bold" my="md" data-testid={`kpi-${id}-value`}>
        {value}
      </Text>
      <Text data-testid={`kpi-${id}-change`} style={{ color: colour, fontWeight: 600 }}>
        {arrow} {change}{" "}
        <Text as="span" color={MUTED} style={{ fontWeight: 400 }}>
          {translateMessage("dashboardVsPrevious")}
        </Text>
      </Text>
      {hint ? (
        <Text color={MUTED} mt="sm">
          {hint}
        </Text>
      ) : null}
    </Box>
  );
};

/** The daily points of one series as a line (Chart.js on a canvas); a day without a snapshot is a gap. */
const TrendChart: React.FC<{ points: TrendPoint[]; series: Series; label: string; money: boolean }> = ({
  points,
  series,
  label,
  money,
}) => {
  const { translateMessage } = useTranslation();
  const values = points.map((p) => {
    const v = p[series];
    return v === null || v === undefined ? null : Number(v);
  });
  const data = {
    labels: points.map((p) => shortDay(p.date)),
    datasets: [
      {
        label,
        data: values,
        borderColor: BLUE,
        backgroundColor: "rgba(66, 104, 246, 0.12)",
        fill: true,
        tension: 0.25,
        pointRadius: points.length > 31 ? 0 : 3,
        spanGaps: false,
      },
    ],
  };
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      tooltip: {
        callbacks: {
          label: (item) => (money ? euro(item.raw as number) : count(item.raw as number)),
        },
      },
    },
    scales: {
      y: { beginAtZero: !money, ticks: { callback: (value) => (money ? moneyTick(value) : countTick(value)) } },
    },
  };
  const shown = (v: number | null) => (v === null ? "—" : money ? euro(v) : count(v));
  const first = points.find((p) => p[series] !== null && p[series] !== undefined);
  const last = [...points].reverse().find((p) => p[series] !== null && p[series] !== undefined);
  // What the canvas shows, in words: the series, its first and last values; the table below has every day.
  const summary =
    first && last
      ? `${label} : ${shortDay(first.date)} ${shown(Number(first[series]))} → ${shortDay(last.date)} ${shown(Number(last[series]))}`
      : label;
  const plotted = values.filter((v) => v !== null).length;
  return (
    <Box
      data-testid="trend-chart"
      data-series={series}
      data-points={points.length}
      data-plotted={plotted}
      style={{ position: "relative", height: 300 }}
    >
      <Line data={data} options={options} aria-label={summary} role="img" />
      <table style={visuallyHidden} data-testid="trend-table">
        <caption>{`${translateMessage("dashboardTrendSummary")} — ${label}`}</caption>
        <thead>
          <tr>
            <th scope="col">{translateMessage("dashboardDay")}</th>
            <th scope="col">{label}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={p.date}>
              <th scope="row">{shortDay(p.date)}</th>
              <td>{shown(values[i] ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

const ALERT_TEXT: Record<DashboardAlert["kind"], string> = {
  sites_down: "dashboardAlertSitesDown",
  invoices_overdue: "dashboardAlertInvoicesOverdue",
  ai_queue_backlog: "dashboardAlertAiQueueBacklog",
  failed_jobs: "dashboardAlertFailedJobs",
  security_alerts: "dashboardAlertSecurity",
  billing_alerts: "dashboardAlertBilling",
};

const AlertsPanel: React.FC<{ alerts: DashboardAlert[] }> = ({ alerts }) => {
  const { translateMessage } = useTranslation();
  if (!alerts.length) {
    return (
      <Box mx="md" mb="lg" data-testid="alerts">
        <MessageBox variant="success" message={translateMessage("dashboardNoAlerts")} />
      </Box>
    );
  }
  return (
    <Box mx="md" mb="lg" data-testid="alerts">
      <MessageBox variant="danger" message={translateMessage("dashboardAlerts")}>
        <Box as="ul">
          {alerts.map((alert) => {
            const extra = [
              alert.overSla ? countOf(translateMessage, "dashboardOverSla", alert.overSla) : null,
              alert.amounts?.map((a) => euro(a.amount, a.currency)).join(" + "),
              alert.byQueue
                ? Object.entries(alert.byQueue)
                    .filter(([, n]) => n > 0)
                    .map(([queue, n]) => `${queue} ${n}`)
                    .join(", ")
                : null,
            ].filter(Boolean);
            return (
              <Box as="li" key={alert.kind} data-testid={`alert-${alert.kind}`} mb="sm">
                <Text as="span" fontWeight="bold" data-testid={`alert-${alert.kind}-count`}>
                  {count(alert.count)}
                </Text>{" "}
                {plural(translateMessage, ALERT_TEXT[alert.kind], alert.count)}
                {extra.length ? (
                  <Text as="span" color={MUTED}>
                    {" "}
                    ({extra.join(" · ")})
                  </Text>
                ) : null}{" "}
                {alert.href ? (
                  <Link href={alert.href} style={{ textDecoration: "underline" }}>
                    {translateMessage("dashboardAct")} →
                  </Link>
                ) : null}
              </Box>
            );
          })}
        </Box>
      </MessageBox>
    </Box>
  );
};

/** Send reminders for all overdue invoices: a confirmation, then a POST (the invoices' remindOverdue action). */
const RemindOverdue: React.FC<{ overdue: number }> = ({ overdue }) => {
  const { translateMessage } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<OverdueReminderRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await api.resourceAction({
        resourceId: "invoices",
        actionName: "remindOverdue",
        method: "post",
        data: {},
      });
      const body = response.data as { run?: OverdueReminderRun; notice?: { message: string; type: string } };
      if (body.run) setRun(body.run);
      else setError(body.notice?.message ?? translateMessage("dashboardRemindersFailed"));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <Box data-testid="quick-remind">
      {confirming ? (
        <Button variant="contained" color="danger" onClick={send} disabled={busy} data-testid="quick-remind-confirm">
          {translateMessage("dashboardSendRemindersConfirm")} ({overdue})
        </Button>
      ) : (
        <Button variant="outlined" onClick={() => setConfirming(true)} disabled={busy} data-testid="quick-remind-start">
          {translateMessage("dashboardSendReminders")} ({overdue})
        </Button>
      )}
      {run ? (
        <Text mt="sm" data-testid="quick-remind-result">
          {countOf(translateMessage, "dashboardRemindersSent", run.sent)},{" "}
          {countOf(translateMessage, "dashboardRemindersSkipped", run.skipped)}
          {run.remaining ? `, ${countOf(translateMessage, "dashboardRemindersRemaining", run.remaining)}` : ""}
        </Text>
      ) : null}
      {error ? <MessageBox mt="sm" variant="danger" message={error} /> : null}
    </Box>
  );
};

const QuickActions: React.FC<{ data: DashboardData }> = ({ data }) => {
  const { translateMessage } = useTranslation();
  return (
    <Box variant="container" boxShadow="card" m="md" p="xl" data-testid="quick-actions">
      <H5 mb="lg">{translateMessage("dashboardQuickActions")}</H5>
      <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16, alignItems: "flex-start" }}>
        {data.quickActions.map((action) => {
          if (action.kind === "send_overdue_reminders") {
            return action.allowed ? <RemindOverdue key={action.kind} overdue={data.invoices.overdue} /> : null;
          }
          const label = translateMessage(
            action.kind === "open_ai_queue" ? "dashboardOpenAiQueue" : "dashboardOpenSupport",
          );
          if (action.href && action.kind === "open_ai_queue") {
            return (
              <Box key={action.kind}>
                <Button as="a" href={action.href} variant="outlined" data-testid={`quick-${action.kind}`}>
                  {label}
                </Button>
                <Text mt="sm">
                  <Link href={PENDING_LIST} data-testid="dashboard-ai-pending" data-count={data.aiQueue.pending}>
                    {countOf(translateMessage, "dashboardAiPending", data.aiQueue.pending)}
                  </Link>
                </Text>
              </Box>
            );
          }
          if (action.href) {
            return (
              <Button
                key={action.kind}
                as="a"
                href={action.href}
                variant="outlined"
                data-testid={`quick-${action.kind}`}
              >
                {label}
              </Button>
            );
          }
          if (!action.reason) return null;
          return (
            <Box key={action.kind} data-testid={`quick-${action.kind}`}>
              <Button variant="outlined" disabled>
                {label}
              </Button>
              <Text color={MUTED} mt="sm">
                {translateMessage(action.reason)}
              </Text>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};

const Dashboard: React.FC = () => {
  const { translateMessage } = useTranslation();
  const [days, setDays] = useState<Days>(30);
  const [series, setSeries] = useState<Series | null>(null);
  const { data, error: failure } = usePageData<DashboardData>(`days=${days}`, (signal) =>
    api.getDashboard({ params: { days }, signal }).then((res) => res.data as Answer),
  );
  const error = failure ? translateMessage(failure) : null;

  const available = SERIES.filter((s) => !s.money || data?.revenue);
  const shown = available.find((s) => s.key === series) ?? available[0]!;
  const kpis = data?.kpis;

  return (
    <Box variant="grey" data-testid="dashboard">
      <Box flex flexDirection="row" style={{ alignItems: "center", justifyContent: "space-between" }} mx="md">
        <H2>{translateMessage("dashboardTitle")}</H2>
        <Box flex flexDirection="row" style={{ gap: 8 }} data-testid="period-switch">
          {PERIODS.map((p) => (
            <Button
              key={p}
              size="sm"
              variant={p === days ? "contained" : "outlined"}
              onClick={() => setDays(p)}
              data-testid={`period-${p}`}
            >
              {p} {translateMessage("dashboardDays")}
            </Button>
          ))}
        </Box>
      </Box>
      {error ? <MessageBox mx="md" variant="danger" message={error} /> : null}
      {!data && !error ? <Loader /> : null}
      {data && kpis ? (
        <>
          <Text mx="md" color={MUTED} data-testid="period">
            {shortDay(data.period.from)} – {shortDay(data.period.to)} ({translateMessage("dashboardComparedWith")}{" "}
            {shortDay(data.period.previousFrom)} – {shortDay(data.period.previousTo)})
          </Text>
          <Box flex flexDirection="row" flexWrap="wrap">
            {kpis.mrr ? (
              <KpiCard
                id="mrr"
                title={translateMessage("dashboardKpiMrr")}
                value={euro(kpis.mrr.value)}
                kpi={kpis.mrr}
              />
            ) : null}
            <KpiCard
              id="churn"
              title={translateMessage("dashboardKpiChurn")}
              value={percent(kpis.churnRate.value, 2)}
              kpi={kpis.churnRate}
              upIsGood={false}
              hint={
                kpis.churnRate.churned !== null && kpis.churnRate.base !== null
                  ? `${count(kpis.churnRate.churned)} / ${count(kpis.churnRate.base)} ${translateMessage("dashboardChurnBase")}`
                  : undefined
              }
            />
            <KpiCard
              id="new-customers"
              title={translateMessage("dashboardKpiNewCustomers")}
              value={count(kpis.newCustomers.value)}
              kpi={kpis.newCustomers}
            />
            {kpis.aiRevenue ? (
              <KpiCard
                id="ai-revenue"
                title={translateMessage("dashboardKpiAiRevenue")}
                value={euro(kpis.aiRevenue.value)}
                kpi={kpis.aiRevenue}
              />
            ) : null}
          </Box>
          <AlertsPanel alerts={data.alerts} />
          <Box variant="container" boxShadow="card" m="md" p="xl">
            <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 8, alignItems: "center" }} mb="lg">
              <H5 mr="lg" mb="0">
                {translateMessage("dashboardTrends")}
              </H5>
              {available.map((s) => (
                <Button
                  key={s.key}
                  size="sm"
                  variant={s.key === shown.key ? "contained" : "text"}
                  onClick={() => setSeries(s.key)}
                  data-testid={`series-${s.key}`}
                >
                  {translateMessage(s.label)}
                </Button>
              ))}
            </Box>
            <TrendChart
              points={data.trend}
              series={shown.key}
              label={translateMessage(shown.label)}
              money={shown.money}
            />
          </Box>
          <QuickActions data={data} />
        </>
      ) : null}
    </Box>
  );
};

export default Dashboard;
