import type { ResourceFactory } from "../../admin/resource-kit.js";
import {
  supportAttachmentTable,
  supportCannedReplyTable,
  supportMessageTable,
  supportSlaPolicyTable,
  supportTicketTable,
} from "./tables.js";

export const supportResources: ResourceFactory = (kit) => [
  kit.table(supportTicketTable, { properties: { subject: { isTitle: true } } }),
  kit.table(supportMessageTable, { properties: { body: { props: { rows: 8 } } } }),
  kit.table(supportCannedReplyTable, { properties: { title: { isTitle: true }, body: { props: { rows: 10 } } } }),
  kit.table(supportSlaPolicyTable),
  kit.table(supportAttachmentTable, { properties: { filename: { isTitle: true } } }),
];
