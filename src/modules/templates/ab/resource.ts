// The A/B tests' record actions in AdminJS: Start, Stop, Cancel (confirmed) and the Report, whose page
// also declares the winner; the same use cases as REST (ab/routes.ts).
import { NotFoundError, type Action, type ActionContext, type ActionResponse } from "adminjs";
import type { ResourceKit } from "../../../admin/resource-kit.js";
import { serviceRecordAction, serviceRefusal } from "../../../admin/service-action.js";
import { cancelAbTest, startAbTest, stopAbTest } from "./lifecycle.js";
import { declareWinner, ZDeclareWinner } from "./declare-winner.js";
import { abReport } from "./report.js";
import { parseBody } from "../../../http/params.js";

const statusIs =
  (...statuses: string[]) =>
  (context: ActionContext) =>
    statuses.includes(String(context.record?.param("status")));

export function abTestActions(kit: ResourceKit): Record<string, Partial<Action<ActionResponse>>> {
  return {
    report: {
      actionType: "record",
      icon: "BarChart2",
      component: kit.components.AbReport,
      isVisible: statusIs("running", "completed", "cancelled"),
      handler: async (request, _response, context) => {
        const { record, currentAdmin } = context;
        if (!record) throw new NotFoundError("No such record", "report");
        const id = Number(record.id());
        if (request.method === "post") {
          try {
            await declareWinner(kit.prisma, id, parseBody(ZDeclareWinner, request.payload ?? {}));
          } catch (error) {
            throw serviceRefusal(error);
          }
          const fresh = (await context.resource.findOne(String(id), context)) ?? record;
          return {
            record: fresh.toJSON(currentAdmin),
            report: await abReport(kit.prisma, id),
            notice: { message: "abWinnerDeclared", type: "success" },
          };
        }
        return { record: record.toJSON(currentAdmin), report: await abReport(kit.prisma, id) };
      },
    },
    start: serviceRecordAction({
      icon: "Play",
      component: kit.components.ConfirmAction,
      isVisible: statusIs("draft"),
      run: (id) => startAbTest(kit.prisma, id),
      done: () => ({ message: "abStarted", type: "success" }),
    }),
    stop: serviceRecordAction({
      icon: "Square",
      component: kit.components.ConfirmAction,
      isVisible: statusIs("running"),
      run: (id) => stopAbTest(kit.prisma, id),
      done: () => ({ message: "abStopped", type: "success" }),
    }),
    cancel: serviceRecordAction({
      icon: "XCircle",
      variant: "danger",
      component: kit.components.ConfirmAction,
      isVisible: statusIs("draft", "running"),
      run: (id) => cancelAbTest(kit.prisma, id),
      done: () => ({ message: "abCancelled", type: "success" }),
    }),
  };
}
