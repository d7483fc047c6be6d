-- The dashboard's live queries (src/modules/dashboard/service.ts), measured on the bench database
-- (100k customers, 1M invoices, 10M site_monitoring rows; README "Dashboard"). Partial and covering
-- indexes, which schema.prisma cannot express, so they live here only.

-- Sites down now: the recent failed HTTP checks, read from the index alone (the existing
-- site_monitoring_down_idx covers every check type and needs the table to tell HTTP from SSL or DNS).
CREATE INDEX "site_monitoring_http_failures_idx" ON "site_monitoring"("check_time", "site_id")
  WHERE "check_type" = 'http' AND NOT "is_up";

-- Invoices past due and unpaid (pending or failed), counted and summed from the index alone.
CREATE INDEX "invoices_unpaid_due_at_idx" ON "invoices"("due_at") INCLUDE ("currency", "total_amount")
  WHERE "status" IN ('pending', 'failed');

-- MRR now: each subscription's latest state in index order, with its mrr, without a sort or the table.
CREATE INDEX "subscription_history_latest_idx" ON "subscription_history"("subscription_id", "valid_from", "id")
  INCLUDE ("mrr");
