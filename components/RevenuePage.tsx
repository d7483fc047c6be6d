// The "Revenue" page: the KPIs of the last full month, the MRR movements of the last 12 months (a table
// and a stacked bar chart drawn in SVG), and the overdue invoices with a "Send reminder" button each (the
// `sendReminder` record action of invoices). Data: the page handler (revenuePage in metrics.ts).
import React, { useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, Button, H2, H5, Link, Loader, MessageBox, Text } from "@adminjs/design-system";

// Types only: erased from the browser bundle, so the page and its handler cannot drift apart.
import type { MovementKind, RevenueMonth, RevenuePage as PageData } from "../src/modules/billing/metrics.js";
import type { OverdueInvoice } from "../src/modules/billing/dunning.js";
import { usePageData } from "./use-page-data.js";
import ErrorPage from "./ErrorPage.js";
import { countOf, scrollRegion, TEXT_COLOURS } from "./page-kit.js";
import { formatDate, formatMoney, formatNumber, formatPercent, pageLanguage } from "../src/lib/format.js";

type Answer = PageData & { error?: string };

const api = new ApiClient();

const KIND_COLOUR: Record<MovementKind, string> = {
  new: "#2e9e5b",
  expansion: "#4268f6",
  reactivation: "#14a3b8",
  contraction: "#e8900c",
  churn: "#e85d5d",
};
const GAINS: MovementKind[] = ["new", "expansion", "reactivation"];
const LOSSES: MovementKind[] = ["contraction", "churn"];

const euro = (value: string | number | null, currency = "EUR") => formatMoney(value, pageLanguage(), { currency });
/** "0.0523" -> "5,23 %" / "5.23%". */
const percent = (value: string | null) => formatPercent(value, pageLanguage(), { fractionDigits: 2 });

function monthLabel(month: string, short = false): string {
  const [y, m] = month.split("-").map(Number);
  return formatDate(new Date(Date.UTC(y!, m! - 1, 1)), pageLanguage(), short ? "monthShort" : "month");
}

const day = (iso: string | null) => formatDate(iso, pageLanguage(), "medium");

const Figure: React.FC<{ title: string; value: string; note?: string; testId: string }> = ({
  title,
  value,
  note,
  testId,
}) => (
  <Box variant="container" boxShadow="card" m="sm" p="lg" style={{ flex: "1 1 180px" }} data-testid={testId}>
    <Text color={TEXT_COLOURS.muted}>{title}</Text>
    <Text fontSize={24} fontWeight="bold" mt="sm" data-testid={`${testId}-value`}>
      {value}
    </Text>
    {note ? (
      <Text color={TEXT_COLOURS.muted} mt="sm" fontSize={12}>
        {note}
      </Text>
    ) : null}
  </Box>
);

/** Gains stacked above the axis, losses below it, one bar per month. */
const MovementsChart: React.FC<{ months: RevenueMonth[] }> = ({ months }) => {
  const { translateMessage } = useTranslation();
  const amount = (m: RevenueMonth, k: MovementKind) => Number(m.movements[k].amount);
  const up = Math.max(1, ...months.map((m) => GAINS.reduce((s, k) => s + amount(m, k), 0)));
  const down = Math.max(1, ...months.map((m) => LOSSES.reduce((s, k) => s + amount(m, k), 0)));
  const barWidth = 34;
  const step = 56;
  const plot = 220;
  const axis = 20 + (plot * up) / (up + down);
  const scale = plot / (up + down);
  const width = 60 + months.length * step;
  return (
    <Box mt="lg" data-testid="revenue-chart">
      <svg
        width={width}
        height={plot + 60}
        role="img"
        aria-label={`${translateMessage("revenueChart")}. ${translateMessage("revenueChartSummary")}`}
      >
        <line x1={50} x2={width} y1={axis} y2={axis} stroke="#888" />
        <text x={45} y={24} fontSize={10} textAnchor="end" fill={TEXT_COLOURS.muted}>
          {euro(Math.round(up))}
        </text>
        <text x={45} y={plot + 20} fontSize={10} textAnchor="end" fill={TEXT_COLOURS.muted}>
          {`-${euro(Math.round(down))}`}
        </text>
        {months.map((m, i) => {
          const x = 60 + i * step;
          let top = axis;
          let bottom = axis;
          return (
            <g key={m.month} data-testid="revenue-bar">
              {GAINS.map((k) => {
                const h = amount(m, k) * scale;
                top -= h;
                return h > 0 ? (
                  <rect key={k} x={x} y={top} width={barWidth} height={h} fill={KIND_COLOUR[k]}>
                    <title>{`${translateMessage(`revenueKind_${k}`)} ${euro(m.movements[k].amount)}`}</title>
                  </rect>
                ) : null;
              })}
              {LOSSES.map((k) => {
                const h = amount(m, k) * scale;
                const y = bottom;
                bottom += h;
                return h > 0 ? (
                  <rect key={k} x={x} y={y} width={barWidth} height={h} fill={KIND_COLOUR[k]}>
                    <title>{`${translateMessage(`revenueKind_${k}`)} -${euro(m.movements[k].amount)}`}</title>
                  </rect>
                ) : null;
              })}
              <text x={x + barWidth / 2} y={plot + 45} fontSize={10} textAnchor="middle" fill={TEXT_COLOURS.muted}>
                {monthLabel(m.month, true)}
              </text>
            </g>
          );
        })}
      </svg>
      <Box flex flexDirection="row" flexWrap="wrap" mt="sm">
        {[...GAINS, ...LOSSES].map((k) => (
          <Box key={k} flex flexDirection="row" alignItems="center" mr="lg">
            <span
              style={{ display: "inline-block", width: 12, height: 12, background: KIND_COLOUR[k], marginRight: 6 }}
            />
            <Text>{translateMessage(`revenueKind_${k}`)}</Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

const cell: React.CSSProperties = { padding: "4px 8px", textAlign: "right", whiteSpace: "nowrap" };
const head: React.CSSProperties = { ...cell, fontWeight: "bold" };

const MovementsTable: React.FC<{ months: RevenueMonth[] }> = ({ months }) => {
  const { translateMessage } = useTranslation();
  const columns: { label: string; value: (m: RevenueMonth) => string }[] = [
    { label: "revenueMrrStart", value: (m) => euro(m.mrrStart) },
    ...[...GAINS, ...LOSSES].map((k) => ({
      label: `revenueKind_${k}`,
      value: (m: RevenueMonth) =>
        `${LOSSES.includes(k) && m.movements[k].amount !== "0.00" ? "-" : ""}${euro(m.movements[k].amount)} (${countOf(translateMessage, "revenueCustomers", m.movements[k].customers)})`,
    })),
    { label: "revenueNetNew", value: (m) => euro(m.netNewMrr) },
    { label: "revenueMrrEnd", value: (m) => euro(m.mrrEnd) },
    { label: "revenuePaying", value: (m) => formatNumber(m.payingEnd, pageLanguage()) },
    { label: "revenueArpa", value: (m) => euro(m.arpa) },
    { label: "revenueCustomerChurn", value: (m) => percent(m.customerChurn) },
    { label: "revenueGrossChurn", value: (m) => percent(m.grossRevenueChurn) },
    { label: "revenueNetChurn", value: (m) => percent(m.netRevenueChurn) },
    { label: "revenueNrr", value: (m) => percent(m.nrr) },
  ];
  return (
    <Box style={{ overflowX: "auto" }} {...scrollRegion(translateMessage("revenueTableLabel"))}>
      <table style={{ borderCollapse: "collapse", width: "100%" }} data-testid="revenue-months">
        <thead>
          <tr>
            <th scope="col" style={{ ...head, textAlign: "left" }}>
              {translateMessage("revenueMonth")}
            </th>
            {columns.map((c) => (
              <th key={c.label} scope="col" style={head}>
                {translateMessage(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...months].reverse().map((m) => (
            <tr key={m.month} data-testid="revenue-month" style={{ borderTop: "1px solid #eee" }}>
              <th scope="row" style={{ ...cell, textAlign: "left", fontWeight: "normal" }}>
                {monthLabel(m.month)}
                {m.complete ? "" : ` (${translateMessage("revenueToDate")})`}
              </th>
              {columns.map((c) => (
                <td key={c.label} style={cell}>
                  {c.value(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

const RevenuePage: React.FC = () => {
  const { translateMessage, translateLabel } = useTranslation();
  const [actionError, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const {
    data,
    error: failure,
    reload: load,
  } = usePageData<PageData>("revenue", (signal) =>
    api.getPage({ pageName: "revenue", signal }).then((res) => res.data as Answer),
  );
  const error = actionError ?? (failure ? translateMessage(failure) : null);

  const remind = async (invoice: OverdueInvoice) => {
    setBusy(invoice.id);
    setNotice(null);
    setError(null);
    try {
      const res = await api.recordAction({
        resourceId: "invoices",
        recordId: String(invoice.id),
        actionName: "sendReminder",
        data: {},
      });
      const answer = res.data as { notice?: { message: string; type: string } };
      if (answer.notice?.type === "error") setError(answer.notice.message);
      else setNotice(`${translateMessage("sendReminderDone")} — ${invoice.invoiceNumber}`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
      load();
    }
  };

  const kpi = data?.metrics.lastFullMonth ?? null;
  if (failure === "revenueForbidden") return <ErrorPage status={403} />;
  return (
    <Box variant="grey" data-testid="revenue-page">
      <H2 mx="md">{translateMessage("revenueTitle")}</H2>
      {error ? (
        <MessageBox variant="danger" message={error} mx="md" mb="lg" onCloseClick={() => setError(null)} />
      ) : null}
      {notice ? (
        <MessageBox variant="success" message={notice} mx="md" mb="lg" onCloseClick={() => setNotice(null)} />
      ) : null}
      {!data && !error ? <Loader /> : null}
      {data ? (
        <Box variant="container" mx="md">
          {kpi ? (
            <>
              <H5>{`${translateMessage("revenueLastFullMonth")} — ${monthLabel(kpi.month)}`}</H5>
              <Box flex flexDirection="row" flexWrap="wrap" data-testid="revenue-kpis">
                <Figure
                  testId="kpi-mrr"
                  title={translateMessage("revenueMrr")}
                  value={euro(kpi.mrrEnd)}
                  note={`${translateMessage("revenueNow")} — ${euro(data.metrics.current.mrr)}`}
                />
                <Figure testId="kpi-arr" title={translateMessage("revenueArr")} value={euro(kpi.arr)} />
                <Figure testId="kpi-arpa" title={translateMessage("revenueArpa")} value={euro(kpi.arpa)} />
                <Figure
                  testId="kpi-paying"
                  title={translateMessage("revenuePaying")}
                  value={formatNumber(kpi.payingEnd, pageLanguage())}
                />
                <Figure
                  testId="kpi-customer-churn"
                  title={translateMessage("revenueCustomerChurn")}
                  value={percent(kpi.customerChurn)}
                />
                <Figure
                  testId="kpi-gross-churn"
                  title={translateMessage("revenueGrossChurn")}
                  value={percent(kpi.grossRevenueChurn)}
                />
                <Figure
                  testId="kpi-net-churn"
                  title={translateMessage("revenueNetChurn")}
                  value={percent(kpi.netRevenueChurn)}
                />
                <Figure testId="kpi-nrr" title={translateMessage("revenueNrr")} value={percent(kpi.nrr)} />
              </Box>
            </>
          ) : null}

          <H5 mt="xl">{translateMessage("revenueMovements")}</H5>
          <MovementsChart months={data.metrics.months} />
          <MovementsTable months={data.metrics.months} />

          <H5 mt="xl">
            {`${translateMessage("revenueOverdue")} (${formatNumber(data.overdue.total, pageLanguage())}) — ${data.overdue.totals
              .map((t) => euro(t.amount, t.currency))
              .join(" + ")}`}
          </H5>
          {data.overdue.data.length === 0 ? (
            <Text>{translateMessage("revenueNoOverdue")}</Text>
          ) : (
            <Box style={{ overflowX: "auto" }} {...scrollRegion(translateMessage("revenueOverdueLabel"))}>
              <table style={{ borderCollapse: "collapse", width: "100%" }} data-testid="revenue-overdue">
                <thead>
                  <tr style={{ textAlign: "left" }}>
                    <th>{translateMessage("revenueInvoice")}</th>
                    <th>{translateMessage("revenueCustomer")}</th>
                    <th>{translateMessage("revenueStatus")}</th>
                    <th style={{ textAlign: "right" }}>{translateMessage("revenueTotal")}</th>
                    <th>{translateMessage("revenueDue")}</th>
                    <th>{translateMessage("revenueLastReminder")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {data.overdue.data.map((inv) => (
                    <tr key={inv.id} data-testid="overdue-row" style={{ borderTop: "1px solid #eee" }}>
                      <td>
                        <Link href={`/admin/resources/invoices/records/${inv.id}/show`}>{inv.invoiceNumber}</Link>
                      </td>
                      <td>
                        <Link href={`/admin/resources/customers/records/${inv.customer.id}/show`}>
                          {inv.customer.name}
                        </Link>
                      </td>
                      <td>{translateLabel(`status.${inv.status}`, "invoices")}</td>
                      <td style={{ textAlign: "right" }}>{euro(inv.totalAmount, inv.currency)}</td>
                      <td>{`${day(inv.dueAt)} (${countOf(translateMessage, "revenueDaysLate", inv.daysOverdue)})`}</td>
                      <td>{day(inv.lastReminderAt)}</td>
                      <td>
                        {data.canRemind ? (
                          <Button
                            size="sm"
                            disabled={busy !== null || inv.nextReminderAt !== null}
                            title={
                              inv.nextReminderAt
                                ? `${translateMessage("revenueNextReminder")} ${formatDate(inv.nextReminderAt, pageLanguage(), "dateTime")}`
                                : ""
                            }
                            onClick={() => void remind(inv)}
                            data-testid={`remind-${inv.id}`}
                          >
                            {translateMessage("revenueSendReminder")}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          )}
        </Box>
      ) : null}
    </Box>
  );
};

export default RevenuePage;
