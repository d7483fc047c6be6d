-- Invariants of stored input that the column checks (src/db/columns.ts) also enforce, kept by the
-- database for every writer. Prisma has no syntax for these: raw SQL only.

-- Money that cannot be negative.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_amount_nonnegative_check" CHECK ("amount" >= 0);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tax_amount_nonnegative_check" CHECK ("tax_amount" >= 0);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_total_amount_nonnegative_check" CHECK ("total_amount" >= 0);
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_unit_price_nonnegative_check" CHECK ("unit_price" >= 0);
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_total_price_nonnegative_check" CHECK ("total_price" >= 0);
ALTER TABLE "referral_program" ADD CONSTRAINT "referral_program_reward_amount_nonnegative_check"
  CHECK ("reward_amount" IS NULL OR "reward_amount" >= 0);
ALTER TABLE "ai_generations" ADD CONSTRAINT "ai_generations_cost_nonnegative_check"
  CHECK ("cost" IS NULL OR "cost" >= 0);

-- One account per e-mail address, whatever its letter case.
CREATE UNIQUE INDEX "customers_email_lower_key" ON "customers" (lower("email"));
CREATE UNIQUE INDEX "admin_users_email_lower_key" ON "admin_users" (lower("email"));

-- A site's domain is a host name (RFC 1123): labels of letters, digits and dashes, no scheme or path.
ALTER TABLE "sites" ADD CONSTRAINT "sites_domain_hostname_check" CHECK (
  "domain" IS NULL OR (
    length("domain") <= 253
    AND "domain" ~* '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.?$'
    AND "domain" !~ '\.[0-9]+\.?$'
  )
);

-- Dates people set lie between 2000-01-01 and 2100-12-31.
ALTER TABLE "customer_subscriptions" ADD CONSTRAINT "customer_subscriptions_started_at_range_check"
  CHECK ("started_at" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "started_at" < TIMESTAMPTZ '2101-01-01 00:00:00+00');
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_scheduled_at_range_check"
  CHECK ("scheduled_at" IS NULL OR ("scheduled_at" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "scheduled_at" < TIMESTAMPTZ '2101-01-01 00:00:00+00'));
ALTER TABLE "referral_program" ADD CONSTRAINT "referral_program_earned_at_range_check"
  CHECK ("earned_at" IS NULL OR ("earned_at" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "earned_at" < TIMESTAMPTZ '2101-01-01 00:00:00+00'));
ALTER TABLE "referral_program" ADD CONSTRAINT "referral_program_paid_at_range_check"
  CHECK ("paid_at" IS NULL OR ("paid_at" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "paid_at" < TIMESTAMPTZ '2101-01-01 00:00:00+00'));
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_due_at_range_check"
  CHECK ("due_at" IS NULL OR ("due_at" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "due_at" < TIMESTAMPTZ '2101-01-01 00:00:00+00'));
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_paid_at_range_check"
  CHECK ("paid_at" IS NULL OR ("paid_at" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "paid_at" < TIMESTAMPTZ '2101-01-01 00:00:00+00'));
