// AdminJS: the alert configuration tables, the alerts sent, and the incidents' "Acknowledge" action
// (a ConfirmAction page that POSTs; the use case checks monitoring.configure_alerts and the state).
import type { Action, ActionResponse } from "adminjs";
import type { ResourceKit } from "../../../admin/resource-kit.js";
import { serviceRecordAction } from "../../../admin/service-action.js";
import { acknowledgeIncident } from "./acknowledge.js";
import { alertChannelTable, alertEscalationLevelTable, alertOnCallTable, incidentNotificationTable } from "./tables.js";

export function incidentAlertActions(kit: ResourceKit): Record<string, Partial<Action<ActionResponse>>> {
  return {
    acknowledgeIncident: serviceRecordAction({
      icon: "UserCheck",
      component: kit.components.ConfirmAction,
      isVisible: ({ record }) => !record?.param("acknowledgedAt") && !record?.param("resolvedAt"),
      run: (id) => acknowledgeIncident(kit.prisma, id),
      done: () => ({ message: "acknowledgeIncidentDone", type: "success" }),
    }),
  };
}

export const alertResources = (kit: ResourceKit) => [
  kit.table(alertChannelTable),
  // A search looks in the level (the title names the channel, a relation AdminJS cannot search).
  kit.table(alertOnCallTable, { properties: { level: { isTitle: true } } }),
  kit.table(alertEscalationLevelTable, { properties: { level: { isTitle: true } } }),
  // `target` is the alert's internal recipient key ("channel:3", "customer:12"): the channel, recipient
  // and customer columns say it in words.
  kit.table(incidentNotificationTable, {
    properties: { target: { isVisible: { list: false, show: false, edit: false, filter: false } } },
  }),
];
