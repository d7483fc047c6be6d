// A resource action that downloads CSV files over a range of days (components/RangeExport.tsx): the page
// is a form whose links go to the module's session download routes, which check the permission and the
// range; the action itself changes nothing.
import type { Action, ActionResponse } from "adminjs";

export interface RangeExportSpec {
  component: string;
  /** Prefix of the message keys: Explain, From, To, RangeInvalid. */
  messages: string;
  initial: "previousMonth" | "last30Days";
  downloads: { href: string; label: string; testId: string }[];
}

export function rangeExportAction(spec: RangeExportSpec): Partial<Action<ActionResponse>> {
  const { component, ...custom } = spec;
  return { actionType: "resource", icon: "Download", component, custom, handler: () => ({}) };
}
