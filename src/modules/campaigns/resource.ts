import type { ResourceFactory } from "../../admin/resource-kit.js";
import { serviceRecordAction } from "../../admin/service-action.js";
import {
  emailCampaignTable,
  emailClickTable,
  emailEventTable,
  emailSendTable,
  emailSuppressionTable,
  referralTable,
} from "./tables.js";
import { segmentTable } from "./segments/tables.js";
import { cancelCampaign, pauseCampaign, resumeCampaign, sendCampaign } from "./sending/service.js";

type Status = "draft" | "scheduled" | "sending" | "sent" | "cancelled" | "paused";

export const campaignsResources: ResourceFactory = (kit) => {
  const when =
    (...statuses: Status[]) =>
    (context: { record?: { param(name: string): unknown } }) =>
      statuses.includes(context.record?.param("status") as Status);
  // The sending moves (sending/service.ts), the same use cases as the REST routes.
  const move = (icon: string, visible: Status[], run: (id: number) => Promise<unknown>, done: string, danger = false) =>
    serviceRecordAction({
      icon,
      component: kit.components.ConfirmAction,
      ...(danger ? { variant: "danger" as const } : {}),
      isVisible: when(...visible),
      run,
      done: () => ({ message: done, type: "success" }),
    });
  return [
    kit.table(emailCampaignTable, {
      properties: {
        name: { isTitle: true },
        subject: { isTitle: false },
        contentHtml: { props: { rows: 12 } },
        contentText: { props: { rows: 8 } },
        contentHtmlEn: { props: { rows: 12 } },
        contentTextEn: { props: { rows: 8 } },
      },
      actions: {
        sendNow: move("Send", ["draft"], (id) => sendCampaign(kit, id), "campaignSendDone"),
        pauseSending: move("Pause", ["sending"], (id) => pauseCampaign(kit, id), "campaignPauseDone"),
        resumeSending: move("Play", ["paused"], (id) => resumeCampaign(kit, id), "campaignResumeDone"),
        cancelSending: move(
          "XCircle",
          ["scheduled", "sending", "paused"],
          (id) => cancelCampaign(kit, id),
          "campaignCancelDone",
          true,
        ),
      },
    }),
    kit.table(emailSendTable, { properties: { email: { isTitle: true } } }),
    kit.table(emailSuppressionTable, { properties: { email: { isTitle: true } } }),
    kit.table(emailClickTable),
    kit.table(emailEventTable),
    kit.table(segmentTable, { properties: { description: { props: { rows: 3 } }, criteria: { props: { rows: 10 } } } }),
    kit.table(referralTable, { properties: { referralCode: { isTitle: true } } }),
  ];
};
