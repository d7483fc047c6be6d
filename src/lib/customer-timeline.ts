// The events of a customer's story (the customer 360 page's timeline): each module tells its own
// (ModuleDefinition.customerTimeline); the customers module merges them.

/** One event of a customer's story, told by the module that owns it (the customer 360 page's timeline). */
export interface CustomerTimelineEvent {
  /** When it happened, ISO 8601. */
  at: string;
  /** The module that tells it ("billing"); its locale words the kind. */
  module: string;
  /** What happened: the module's messages["timeline_<kind>"] word it (i18next reads dots as nesting) ("invoice_paid"). */
  kind: string;
  /** The event's own data, shown as is (an invoice number, a domain, a subject); never translated. */
  label?: string;
  /** The record it concerns: AdminJS resource id (the table) and record id. */
  record?: { resource: string; id: number | string };
  /** Money events: an amount in euros, a decimal string ("49.00"). */
  amount?: string;
}

/** Which slice of a customer's timeline to tell: newest first, up to `limit` events strictly before `before`. */
export interface TimelineRange {
  before?: Date;
  limit: number;
}
