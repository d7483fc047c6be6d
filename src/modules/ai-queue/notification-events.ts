// The AI queue's customer e-mail events and their email_log templates ("ai_request.<event>").
export const NOTIFICATION_EVENTS = ["received", "in_progress", "completed", "rejected"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const templateOf = (event: NotificationEvent) => `ai_request.${event}`;

export function eventOf(template: string): NotificationEvent | null {
  const event = template.startsWith("ai_request.") ? template.slice("ai_request.".length) : "";
  return (NOTIFICATION_EVENTS as readonly string[]).includes(event) ? (event as NotificationEvent) : null;
}
