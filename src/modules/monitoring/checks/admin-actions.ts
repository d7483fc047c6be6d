// The monitors' Pause and Resume record actions in AdminJS: confirmed, then the same use cases as REST.
import type { ActionContext } from "adminjs";
import type { ResourceKit } from "../../../admin/resource-kit.js";
import { serviceRecordAction } from "../../../admin/service-action.js";
import { pauseMonitor, resumeMonitor } from "./pause-monitor.js";

export function monitorCheckActions(kit: ResourceKit) {
  const enabled = (context: ActionContext) => {
    const value = context.record?.param("enabled") as unknown;
    return value === true || value === "true";
  };
  return {
    pause: serviceRecordAction({
      icon: "Pause",
      component: kit.components.ConfirmAction,
      isVisible: (c) => enabled(c),
      run: (id) => pauseMonitor(kit.prisma, id),
      done: () => ({ message: "pauseDone", type: "success" }),
    }),
    resume: serviceRecordAction({
      icon: "Play",
      component: kit.components.ConfirmAction,
      isVisible: (c) => !enabled(c),
      run: (id) => resumeMonitor(kit.prisma, id),
      done: () => ({ message: "resumeDone", type: "success" }),
    }),
  };
}
