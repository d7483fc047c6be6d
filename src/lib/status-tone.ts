// What a status means, for the colour of its badge: one mapping for every page (lists, record pages,
// the Queue IA board), so "failed" is red wherever it is shown. Pure: the browser bundles it.

export type Tone = "success" | "warning" | "danger" | "info" | "neutral";

// By value, across the data model's enums: a value means the same thing in every enum that has it
// (pending waits, failed failed). Values not listed (plan types, languages, roles) are neutral.
const TONES: Record<string, Tone> = {
  // Done, working, good.
  active: "success",
  completed: "success",
  paid: "success",
  succeeded: "success",
  processed: "success",
  sent: "success",
  delivered: "success",
  opened: "success",
  clicked: "success",
  earned: "success",
  billed: "success",
  // Under way, waiting on a machine or a date.
  processing: "info",
  running: "info",
  building: "info",
  scheduled: "info",
  sending: "info",
  queued: "info",
  received: "info",
  trialing: "info",
  refunded: "info",
  // Waiting on a person, or at risk.
  pending: "warning",
  past_due: "warning",
  suspended: "warning",
  new_ip_login: "warning",
  failed_login_burst: "warning",
  forced_logout: "warning",
  // Went wrong.
  failed: "danger",
  rejected: "danger",
  bounced: "danger",
  complained: "danger",
  payment_failed: "danger",
  dispute_created: "danger",
  account_locked: "danger",
  // Ended or not started: nothing to do.
  draft: "neutral",
  archived: "neutral",
  cancelled: "neutral",
  canceled: "neutral",
  expired: "neutral",
  ignored: "neutral",
  disabled: "neutral",
};

/** The tone of a status value; neutral for a value that says nothing good or bad. */
export function statusTone(value: unknown): Tone {
  if (typeof value === "boolean") return value ? "success" : "neutral";
  if (typeof value !== "string") return "neutral";
  return Object.hasOwn(TONES, value) ? TONES[value]! : "neutral";
}

/** Text and background of each tone: dark text on a light tint, above WCAG AA's 4.5:1 (tested). */
export const TONE_COLOURS: Record<Tone, { text: string; background: string; border: string }> = {
  success: { text: "#1b5e20", background: "#e3f4e6", border: "#a5d6ae" },
  info: { text: "#0b4f8a", background: "#e3effb", border: "#a9c9ec" },
  warning: { text: "#7a4100", background: "#fff1d6", border: "#f2c777" },
  danger: { text: "#a11a1a", background: "#fde7e7", border: "#f0aaaa" },
  neutral: { text: "#3b4350", background: "#eceff3", border: "#c9ced6" },
};

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
