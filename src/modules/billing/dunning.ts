// Dunning (issue 5, item 6): the overdue invoices and the payment reminder e-mailed to the customer,
// one file per concern in dunning/: rules (pure), the overdue invoices query, the reminder use case and
// its e-mail.
export * from "./dunning/rules.js";
export * from "./dunning/overdue-invoices.js";
export * from "./dunning/send-reminder.js";
export * from "./dunning/reminder-email.js";
