// The email_log templates of incident alerts: to the team (opened, escalated, reminder, resolved) and
// to the customer (the outage notice and its end). The incident_notifications row says which.
export const ALERT_TEMPLATE = "monitoring.incident_alert";
export const CUSTOMER_TEMPLATE = "monitoring.customer_notice";
