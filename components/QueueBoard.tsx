// The "Queue IA" page: open AI requests by tab (unassigned / mine / all open), by priority then age,
// each age coloured against the SLA of its priority; a one-click Take (the `take` record action of
// ai_requests); and the metrics of the last 7, 30 or 90 days. Data: the page handler (queueBoardPage).
import React, { useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, Button, H2, H5, Link, Loader, MessageBox, Text } from "@adminjs/design-system";

// Types only: erased from the browser bundle, so the page and its handler cannot drift apart.
import type {
  BoardRow,
  BoardTab as Tab,
  MetricPeriod as Days,
  QueueBoardPage,
  QueueMetrics as Metrics,
  SlaLevel,
} from "../src/modules/ai-queue/metrics.js";
import { usePageData } from "./use-page-data.js";
import ErrorPage from "./ErrorPage.js";
import { countOf, durationHours, scrollRegion, TEXT_COLOURS } from "./page-kit.js";
import { formatMoney, formatNumber, formatPercent, LOCALES, pageLanguage } from "../src/lib/format.js";

type PageData = QueueBoardPage & { error?: string };

const api = new ApiClient();
const TABS: { tab: Tab; label: string }[] = [
  { tab: "unassigned", label: "queueBoardTabUnassigned" },
  { tab: "mine", label: "queueBoardTabMine" },
  { tab: "all", label: "queueBoardTabAll" },
];
const PERIODS: Days[] = [7, 30, 90];
/** Text colours of the age against the SLA, 4.5:1 or more on white. */
const SLA_COLOUR: Record<SlaLevel, string> = {
  ok: TEXT_COLOURS.good,
  warning: TEXT_COLOURS.warning,
  breached: TEXT_COLOURS.bad,
};
/** The ai_requests list filtered on pending: its total is the count shown (aiQueueCounts). */
const PENDING_LIST = "/admin/resources/ai_requests?filters.status=pending";

const hours = (h: number | null) =>
  h === null
    ? "—"
    : new Intl.NumberFormat(LOCALES[pageLanguage()], {
        style: "unit",
        unit: "hour",
        unitDisplay: "short",
        maximumFractionDigits: 2,
      }).format(h);
const percent = (r: number | null) => formatPercent(r, pageLanguage(), { maximumFractionDigits: 1 });
const euro = (v: string) => formatMoney(v, pageLanguage());
const count = (n: number) => formatNumber(n, pageLanguage());

const Figure: React.FC<{ title: string; value: string; testId: string }> = ({ title, value, testId }) => (
  <Box variant="container" boxShadow="card" m="sm" p="lg" style={{ flex: "1 1 200px" }} data-testid={testId}>
    <Text color={TEXT_COLOURS.muted}>{title}</Text>
    <Text fontSize={24} fontWeight="bold" mt="sm">
      {value}
    </Text>
  </Box>
);

const MetricsBlock: React.FC<{ metrics: Metrics; days: Days; onDays: (d: Days) => void }> = ({
  metrics,
  days,
  onDays,
}) => {
  const { translateMessage, translateLabel } = useTranslation();
  return (
    <Box mt="xl" data-testid="queue-metrics">
      <Box flex flexDirection="row" alignItems="center">
        <H5 mr="lg" mb="0">
          {translateMessage("queueBoardMetrics")}
        </H5>
        {PERIODS.map((d) => (
          <Button
            key={d}
            size="sm"
            mr="sm"
            variant={d === days ? "contained" : "outlined"}
            onClick={() => onDays(d)}
            data-testid={`queue-period-${d}`}
          >
            {`${d} ${translateMessage("queueBoardDays")}`}
          </Button>
        ))}
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap" mt="md">
        <Figure
          testId="metric-avg-created"
          title={translateMessage("queueBoardAvgCreated")}
          value={hours(metrics.avgHoursCreatedToCompleted)}
        />
        <Figure
          testId="metric-avg-started"
          title={translateMessage("queueBoardAvgStarted")}
          value={hours(metrics.avgHoursStartedToCompleted)}
        />
        <Figure
          testId="metric-completion"
          title={translateMessage("queueBoardCompletionRate")}
          value={`${percent(metrics.completionRate)} (${count(metrics.completed)}/${count(metrics.decided)})`}
        />
        <Figure
          testId="metric-rejection"
          title={translateMessage("queueBoardRejectionRate")}
          value={`${percent(metrics.rejectionRate)} (${count(metrics.rejected)}/${count(metrics.decided)})`}
        />
        <Figure testId="metric-revenue" title={translateMessage("queueBoardRevenue")} value={euro(metrics.revenue)} />
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap" mt="md">
        <Box m="sm" style={{ flex: "1 1 200px" }}>
          <Text fontWeight="bold">{`${translateMessage("queueBoardBacklogPriority")} (${count(metrics.backlog.total)})`}</Text>
          {metrics.backlog.byPriority.map((b) => (
            <Text key={b.priority}>{`P${b.priority} : ${count(b.count)}`}</Text>
          ))}
        </Box>
        <Box m="sm" style={{ flex: "1 1 200px" }}>
          <Text fontWeight="bold">{translateMessage("queueBoardBacklogType")}</Text>
          {metrics.backlog.byType.map((b) => (
            <Text key={b.requestType}>
              {`${translateLabel(`requestType.${b.requestType}`, "ai_requests")} : ${count(b.count)}`}
            </Text>
          ))}
        </Box>
        <Box m="sm" style={{ flex: "1 1 200px" }}>
          <Text fontWeight="bold">{translateMessage("queueBoardPerAdmin")}</Text>
          {metrics.perAdmin.map((a) => (
            <Text key={a.adminId}>
              <Link href={`/admin/resources/admin_users/records/${a.adminId}/show`}>{a.name}</Link>
              {` : ${count(a.count)}`}
            </Text>
          ))}
        </Box>
      </Box>
    </Box>
  );
};

const QueueBoard: React.FC = () => {
  const { translateMessage, translateLabel } = useTranslation();
  const [tab, setTab] = useState<Tab>("unassigned");
  const [days, setDays] = useState<Days>(30);
  const [actionError, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const {
    data,
    error: failure,
    reload: load,
  } = usePageData<QueueBoardPage>(`tab=${tab}&days=${days}`, (signal) =>
    api.getPage({ pageName: "queueBoard", params: { tab, days }, signal }).then((res) => res.data as PageData),
  );
  const error = actionError ?? (failure ? translateMessage(failure) : null);

  const take = async (id: number) => {
    setBusy(id);
    setNotice(null);
    try {
      const res = await api.recordAction({
        resourceId: "ai_requests",
        recordId: String(id),
        actionName: "take",
        data: {},
      });
      const answer = res.data as { notice?: { message: string; type: string } };
      if (answer.notice?.type === "error") setError(answer.notice.message);
      else setNotice(translateMessage("queueBoardTaken"));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
      load();
    }
  };

  const assignee = (row: BoardRow) =>
    row.adminId === null
      ? translateMessage("queueBoardNobody")
      : row.adminId === data?.adminId
        ? translateMessage("queueBoardMe")
        : (row.adminName ?? `#${row.adminId}`);

  if (failure === "queueBoardForbidden") return <ErrorPage status={403} />;
  return (
    <Box variant="grey" data-testid="queue-board">
      <H2 mx="md">{translateMessage("queueBoardTitle")}</H2>
      {error ? <MessageBox variant="danger" message={error} mx="md" mb="lg" /> : null}
      {notice ? (
        <MessageBox variant="success" message={notice} mx="md" mb="lg" onCloseClick={() => setNotice(null)} />
      ) : null}
      {!data && !error ? <Loader /> : null}
      {data ? (
        <Box variant="container" mx="md">
          <Text mb="lg" data-testid="queue-counts">
            <Link href={PENDING_LIST} data-testid="queue-pending" data-count={data.counts.pending}>
              {countOf(translateMessage, "queueBoardPending", data.counts.pending)}
            </Link>
            {` · ${countOf(translateMessage, "queueBoardProcessing", data.counts.processing)}`}
          </Text>
          <Box flex flexDirection="row" mb="lg">
            {TABS.map((t) => (
              <Button
                key={t.tab}
                mr="sm"
                variant={t.tab === tab ? "contained" : "outlined"}
                onClick={() => setTab(t.tab)}
                data-testid={`queue-tab-${t.tab}`}
              >
                {translateMessage(t.label)}
              </Button>
            ))}
          </Box>
          {data.requests.length === 0 ? (
            <Text>{translateMessage("queueBoardEmpty")}</Text>
          ) : (
            <Box style={{ overflowX: "auto" }} {...scrollRegion(translateMessage("queueBoardTable"))}>
              <table style={{ width: "100%", borderCollapse: "collapse" }}>
                <thead>
                  <tr style={{ textAlign: "left" }}>
                    <th>{translateMessage("queueBoardRequest")}</th>
                    <th>{translateMessage("queueBoardCustomer")}</th>
                    <th>{translateMessage("queueBoardType")}</th>
                    <th>{translateMessage("queueBoardPriority")}</th>
                    <th>{translateMessage("queueBoardStatus")}</th>
                    <th>{translateMessage("queueBoardAge")}</th>
                    <th>{translateMessage("queueBoardAssignee")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {data.requests.map((row) => (
                    <tr key={row.id} data-testid="queue-row" style={{ borderTop: "1px solid #eee" }}>
                      <td>
                        <Link href={`/admin/resources/ai_requests/records/${row.id}/show`}>{`#${row.id}`}</Link>
                      </td>
                      <td>
                        <Link href={`/admin/resources/customers/records/${row.customerId}/show`}>
                          {row.customerName}
                        </Link>
                      </td>
                      <td>{`${translateLabel(`requestType.${row.requestType}`, "ai_requests")} · ${row.businessType.replace(/_/g, " ")}`}</td>
                      <td>{row.priority}</td>
                      <td>{translateLabel(`status.${row.status}`, "ai_requests")}</td>
                      <td>
                        <span
                          data-testid="queue-age"
                          data-sla={row.sla}
                          title={
                            row.slaHours === null
                              ? ""
                              : `${translateMessage("queueBoardSla")} ${durationHours(row.slaHours)}`
                          }
                          style={{ color: SLA_COLOUR[row.sla], fontWeight: "bold" }}
                        >
                          {durationHours(row.ageHours)}
                        </span>
                      </td>
                      <td>{assignee(row)}</td>
                      <td>
                        {data.canProcess && row.status === "pending" ? (
                          <Button
                            size="sm"
                            disabled={busy !== null}
                            onClick={() => void take(row.id)}
                            data-testid={`queue-take-${row.id}`}
                          >
                            {translateMessage("queueBoardTake")}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          )}
          {data.metrics ? <MetricsBlock metrics={data.metrics} days={days} onDays={setDays} /> : null}
        </Box>
      ) : null}
    </Box>
  );
};

export default QueueBoard;
