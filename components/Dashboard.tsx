// The landing page of /admin: what is waiting (AI queue, unpaid invoices), what is broken (sites down),
// and, for admins with settings.view, the security alerts nobody has acknowledged yet.
import React, { useEffect, useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, H2, H5, Text, Loader, MessageBox, Link } from "@adminjs/design-system";

interface Overview {
  aiQueue: { pending: number; processing: number; oldestPendingAt: string | null };
  customers: { total: number; active: number };
  sites: { total: number; active: number; down: number };
  invoices: { pending: number; overdue: number; overdueAmount: string };
  /** null for an admin without settings.view. */
  securityAlerts: SecurityAlerts | null;
  /** null for an admin without billing.view. */
  billingAlerts: BillingAlerts | null;
  generatedAt: string;
}

interface BillingAlerts {
  open: number;
  latest: { id: number; kind: string; invoiceId: number | null; invoiceNumber: string | null; createdAt: string }[];
}

interface SecurityAlerts {
  open: number;
  latest: { id: number; kind: string; email: string | null; ipAddress: string | null; createdAt: string }[];
}

const api = new ApiClient();

const Card: React.FC<{ title: string; value: string; hint?: string; href: string; tone?: "ok" | "warn" }> = ({
  title,
  value,
  hint,
  href,
  tone,
}) => (
  <Box
    data-testid="kpi-card"
    variant="container"
    boxShadow="card"
    m="md"
    p="xl"
    style={{ flex: "1 1 220px", borderTop: `4px solid ${tone === "warn" ? "#e85d5d" : "#4268F6"}` }}
  >
    <H5>{title}</H5>
    <Text fontSize={32} fontWeight="bold" my="md">
      {value}
    </Text>
    {hint ? <Text color="grey60">{hint}</Text> : null}
    <Link href={href}>→</Link>
  </Box>
);

/** Open (unacknowledged) security alerts: the newest few, each linking to its page, and the full list. */
const SecurityAlertsPanel: React.FC<{ alerts: SecurityAlerts }> = ({ alerts }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const when = (iso: string) =>
    new Date(iso).toLocaleString(document.documentElement.lang === "en" ? "en-IE" : "fr-FR", {
      dateStyle: "short",
      timeStyle: "short",
    });
  return (
    <Box mx="md" mb="lg" data-testid="security-alerts">
      <MessageBox variant="danger" message={`${translateMessage("dashboardSecurityAlerts")} (${alerts.open})`}>
        <Box as="ul" mb="default">
          {alerts.latest.map((alert) => (
            <Box as="li" key={alert.id} data-testid="security-alert" mb="sm">
              <Link href={`/admin/resources/security_alerts/records/${alert.id}/show`}>
                {translateLabel(`kind.${alert.kind}`, "security_alerts")}
              </Link>{" "}
              <Text as="span" color="grey60">
                {[alert.email, alert.ipAddress, when(alert.createdAt)].filter(Boolean).join(" · ")}
              </Text>
            </Box>
          ))}
        </Box>
        <Link href="/admin/resources/security_alerts">{translateMessage("dashboardSecurityAlertsAll")} →</Link>
      </MessageBox>
    </Box>
  );
};

/** Failed payments and disputes nobody has acknowledged yet (src/modules/billing/stripe/alerts.ts). */
const BillingAlertsPanel: React.FC<{ alerts: BillingAlerts }> = ({ alerts }) => {
  const { translateMessage, translateLabel } = useTranslation();
  return (
    <Box mx="md" mb="lg" data-testid="billing-alerts">
      <MessageBox variant="danger" message={`${translateMessage("dashboardBillingAlerts")} (${alerts.open})`}>
        <Box as="ul" mb="default">
          {alerts.latest.map((alert) => (
            <Box as="li" key={alert.id} data-testid="billing-alert" mb="sm">
              <Link href={`/admin/resources/billing_alerts/records/${alert.id}/show`}>
                {translateLabel(`kind.${alert.kind}`, "billing_alerts")}
              </Link>{" "}
              <Text as="span" color="grey60">
                {[alert.invoiceNumber, new Date(alert.createdAt).toLocaleString()].filter(Boolean).join(" · ")}
              </Text>
            </Box>
          ))}
        </Box>
        <Link href="/admin/resources/billing_alerts">{translateMessage("dashboardBillingAlertsAll")} →</Link>
      </MessageBox>
    </Box>
  );
};

const Dashboard: React.FC = () => {
  const { translateMessage } = useTranslation();
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .getDashboard<Overview>()
      .then((res) => setData(res.data))
      .catch((err: Error) => setError(err.message));
  }, []);

  const euro = (v: string) =>
    new Intl.NumberFormat(document.documentElement.lang === "en" ? "en-IE" : "fr-FR", {
      style: "currency",
      currency: "EUR",
    }).format(Number(v));

  return (
    <Box variant="grey" data-testid="dashboard">
      <H2 mx="md">{translateMessage("dashboardTitle")}</H2>
      {error ? <MessageBox variant="danger" message={error} /> : null}
      {!data && !error ? <Loader /> : null}
      {data?.securityAlerts && data.securityAlerts.open > 0 ? (
        <SecurityAlertsPanel alerts={data.securityAlerts} />
      ) : null}
      {data?.billingAlerts && data.billingAlerts.open > 0 ? <BillingAlertsPanel alerts={data.billingAlerts} /> : null}
      {data ? (
        <Box flex flexDirection="row" flexWrap="wrap">
          <Card
            title={translateMessage("dashboardPendingAi")}
            value={String(data.aiQueue.pending)}
            hint={`${data.aiQueue.processing} ${translateMessage("dashboardProcessing")}`}
            href="/admin/resources/ai_requests?filters.status=pending"
            tone={data.aiQueue.pending > 0 ? "warn" : "ok"}
          />
          <Card
            title={translateMessage("dashboardCustomers")}
            value={String(data.customers.active)}
            hint={`${data.customers.total} ${translateMessage("dashboardTotal")}`}
            href="/admin/resources/customers"
          />
          <Card
            title={translateMessage("dashboardSites")}
            value={String(data.sites.active)}
            hint={`${data.sites.down} ${translateMessage("dashboardDown")}`}
            href="/admin/resources/site_monitoring?filters.isUp=false"
            tone={data.sites.down > 0 ? "warn" : "ok"}
          />
          <Card
            title={translateMessage("dashboardOverdue")}
            value={String(data.invoices.overdue)}
            hint={euro(data.invoices.overdueAmount)}
            href="/admin/resources/invoices?filters.status=pending"
            tone={data.invoices.overdue > 0 ? "warn" : "ok"}
          />
        </Box>
      ) : null}
    </Box>
  );
};

export default Dashboard;
