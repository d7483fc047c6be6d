// The "Status" page of monitoring: every active or suspended site with its state, its 90-day uptime bar
// (daily rollups) and its open incidents, filtered by state, plan and a customer or site search, down
// sites first. A site's name opens its monitoring view; an open incident opens its page, where it is
// acknowledged or resolved. Data: statusPage in src/modules/monitoring/uptime/screens.ts.
import React, { useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, Button, H2, Input, Label, Link, Loader, MessageBox, Text } from "@adminjs/design-system";
import type { StatusPage, SiteState } from "../../src/modules/monitoring/uptime/screens.js";
import { formatDate, formatNumber, pageLanguage } from "../../src/lib/format.js";
import { usePageData } from "../use-page-data.js";
import ErrorPage from "../ErrorPage.js";
import { scrollRegion, TEXT_COLOURS } from "../page-kit.js";
import { StateBadge, UptimeBar, uptimeText } from "./uptime-kit.js";

const api = new ApiClient();
const STATES: SiteState[] = ["down", "pending", "up", "unmonitored"];

function initial(name: string): string {
  if (typeof window === "undefined") return "";
  return new URLSearchParams(window.location.search).get(name) ?? "";
}

const MonitoringStatus: React.FC = () => {
  const { translateMessage, translateLabel } = useTranslation();
  const planWord = (p: string) => translateLabel(`planType.${p}`, "customers");
  const [state, setState] = useState(initial("state"));
  const [plan, setPlan] = useState(initial("plan"));
  const [q, setQ] = useState(initial("q"));
  const [search, setSearch] = useState(initial("q"));
  const [page, setPage] = useState(1);
  const { data, error } = usePageData<StatusPage>(`${state}|${plan}|${search}|${page}`, (signal) =>
    api
      .getPage({ pageName: "monitoringStatus", params: { state, plan, q: search, page }, signal })
      .then((res) => res.data as StatusPage | { error: string }),
  );
  if (error === "monitoringForbidden") return <ErrorPage status={403} />;
  const stateWord = (s: string) => translateMessage(`monitoringState_${s}`);
  const overall = (site: StatusPage["sites"][number]) => {
    const checked = site.bar.filter((d) => d.uptime !== null);
    if (!checked.length) return translateMessage("monitoringNoData");
    const mean = checked.reduce((sum, d) => sum + (d.uptime ?? 0), 0) / checked.length;
    return uptimeText(mean);
  };
  return (
    <Box variant="grey" data-testid="monitoring-status">
      <H2 mx="md">{translateMessage("monitoringStatusTitle")}</H2>
      {error ? <MessageBox variant="danger" message={translateMessage(error)} mx="md" mb="lg" /> : null}
      <Box variant="container" mx="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setPage(1);
            setSearch(q.trim());
          }}
        >
          <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 16, alignItems: "flex-end" }} mb="lg">
            <Box>
              <Label htmlFor="monitoring-state">{translateMessage("monitoringFilterState")}</Label>
              <select
                id="monitoring-state"
                value={state}
                onChange={(e) => {
                  setPage(1);
                  setState(e.target.value);
                }}
              >
                <option value="">{translateMessage("monitoringFilterAll")}</option>
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {`${stateWord(s)}${data ? ` (${formatNumber(data.counts[s], pageLanguage())})` : ""}`}
                  </option>
                ))}
              </select>
            </Box>
            <Box>
              <Label htmlFor="monitoring-plan">{translateMessage("monitoringFilterPlan")}</Label>
              <select
                id="monitoring-plan"
                value={plan}
                onChange={(e) => {
                  setPage(1);
                  setPlan(e.target.value);
                }}
              >
                <option value="">{translateMessage("monitoringFilterAll")}</option>
                {(data?.plans ?? []).map((p) => (
                  <option key={p} value={p}>
                    {planWord(p)}
                  </option>
                ))}
              </select>
            </Box>
            <Box>
              <Label htmlFor="monitoring-q">{translateMessage("monitoringFilterSearch")}</Label>
              <Input
                id="monitoring-q"
                value={q}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQ(e.target.value)}
              />
            </Box>
            <Button type="submit" variant="outlined">
              {translateMessage("monitoringFilterApply")}
            </Button>
          </Box>
        </form>
        {!data && !error ? <Loader /> : null}
        {data && data.sites.length === 0 ? <Text>{translateMessage("monitoringStatusEmpty")}</Text> : null}
        {data && data.sites.length ? (
          <Box style={{ overflowX: "auto" }} {...scrollRegion(translateMessage("monitoringStatusTitle"))}>
            <table style={{ width: "100%", borderCollapse: "collapse" }}>
              <thead>
                <tr style={{ textAlign: "left" }}>
                  <th>{translateMessage("monitoringColSite")}</th>
                  <th>{translateMessage("monitoringColCustomer")}</th>
                  <th>{translateMessage("monitoringFilterState")}</th>
                  <th>{translateMessage("monitoringColBar")}</th>
                  <th>{translateMessage("monitoringColIncidents")}</th>
                </tr>
              </thead>
              <tbody>
                {data.sites.map((site) => (
                  <tr key={site.id} data-testid="status-site" style={{ borderTop: "1px solid #e5e7eb" }}>
                    <td>
                      <Link href={`/admin/resources/sites/records/${site.id}/surveillance`}>{site.name}</Link>
                      <Text fontSize={12} color={TEXT_COLOURS.muted}>
                        {site.domain ?? ""}
                      </Text>
                    </td>
                    <td>
                      {site.customer}
                      <Text fontSize={12} color={TEXT_COLOURS.muted}>
                        {planWord(site.plan)}
                      </Text>
                    </td>
                    <td>
                      <StateBadge state={site.state} label={stateWord(site.state)} />
                    </td>
                    <td>
                      <UptimeBar
                        days={site.bar}
                        label={`${translateMessage("monitoringColBar")}: ${overall(site)}`}
                        noData={translateMessage("monitoringNoData")}
                      />
                    </td>
                    <td>
                      {site.openIncidents.map((i) => (
                        <Box key={i.id}>
                          <Link href={`/admin/resources/incidents/records/${i.id}/show`}>{i.cause}</Link>
                          <Text fontSize={12} color={TEXT_COLOURS.muted}>
                            {`${formatDate(i.openedAt, pageLanguage(), "timestamp")}${
                              i.acknowledged ? ` · ${translateMessage("monitoringAcknowledged")}` : ""
                            }`}
                          </Text>
                        </Box>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
        ) : null}
        {data && data.pages > 1 ? (
          <Box flex flexDirection="row" mt="lg" style={{ gap: 8, alignItems: "center" }}>
            <Button variant="outlined" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {translateMessage("monitoringPrevious")}
            </Button>
            <Text>{`${page} / ${data.pages}`}</Text>
            <Button variant="outlined" disabled={page >= data.pages} onClick={() => setPage(page + 1)}>
              {translateMessage("monitoringNext")}
            </Button>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

export default MonitoringStatus;
