-- CreateEnum
CREATE TYPE "billing_interval" AS ENUM ('monthly', 'yearly');

-- CreateEnum
CREATE TYPE "stripe_event_status" AS ENUM ('received', 'processed', 'ignored', 'failed');

-- CreateEnum
CREATE TYPE "refund_status" AS ENUM ('pending', 'succeeded', 'failed', 'canceled');

-- CreateEnum
CREATE TYPE "billing_alert_kind" AS ENUM ('payment_failed', 'dispute_created');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "subscription_status" ADD VALUE 'past_due';
ALTER TYPE "subscription_status" ADD VALUE 'trialing';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "stripe_customer_id" TEXT;

-- AlterTable
ALTER TABLE "billing_plans" ADD COLUMN     "stripe_product_id" TEXT;

-- AlterTable
ALTER TABLE "customer_subscriptions" ADD COLUMN     "billing_interval" "billing_interval" NOT NULL DEFAULT 'monthly',
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "trial_end" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "amount_refunded" DECIMAL(10,2) NOT NULL DEFAULT 0,
ADD COLUMN     "period_end" DATE,
ADD COLUMN     "period_start" DATE,
ADD COLUMN     "stripe_payment_intent_id" TEXT;

-- CreateTable
CREATE TABLE "invoice_number_sequences" (
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL,

    CONSTRAINT "invoice_number_sequences_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "subscription_history" (
    "id" SERIAL NOT NULL,
    "subscription_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "status" "subscription_status" NOT NULL,
    "billing_interval" "billing_interval" NOT NULL,
    "mrr" DECIMAL(10,2) NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "stripe_event_status" NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" SERIAL NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "refund_status" NOT NULL DEFAULT 'pending',
    "stripe_refund_id" TEXT,
    "admin_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_alerts" (
    "id" SERIAL NOT NULL,
    "kind" "billing_alert_kind" NOT NULL,
    "invoice_id" INTEGER,
    "customer_id" INTEGER,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" INTEGER,

    CONSTRAINT "billing_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subscription_history_subscription_id_valid_from_idx" ON "subscription_history"("subscription_id", "valid_from");

-- CreateIndex
CREATE INDEX "subscription_history_customer_id_valid_from_idx" ON "subscription_history"("customer_id", "valid_from");

-- CreateIndex
CREATE INDEX "subscription_history_valid_from_idx" ON "subscription_history"("valid_from");

-- CreateIndex
CREATE INDEX "stripe_events_type_idx" ON "stripe_events"("type");

-- CreateIndex
CREATE INDEX "stripe_events_status_idx" ON "stripe_events"("status");

-- CreateIndex
CREATE INDEX "stripe_events_received_at_idx" ON "stripe_events"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_stripe_refund_id_key" ON "refunds"("stripe_refund_id");

-- CreateIndex
CREATE INDEX "refunds_invoice_id_idx" ON "refunds"("invoice_id");

-- CreateIndex
CREATE INDEX "refunds_admin_id_idx" ON "refunds"("admin_id");

-- CreateIndex
CREATE INDEX "refunds_created_at_idx" ON "refunds"("created_at");

-- CreateIndex
CREATE INDEX "billing_alerts_invoice_id_idx" ON "billing_alerts"("invoice_id");

-- CreateIndex
CREATE INDEX "billing_alerts_customer_id_idx" ON "billing_alerts"("customer_id");

-- CreateIndex
CREATE INDEX "billing_alerts_acknowledged_by_idx" ON "billing_alerts"("acknowledged_by");

-- CreateIndex
CREATE INDEX "billing_alerts_created_at_idx" ON "billing_alerts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "customers_stripe_customer_id_key" ON "customers"("stripe_customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "billing_plans_stripe_product_id_key" ON "billing_plans"("stripe_product_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_customer_id_period_start_key" ON "invoices"("customer_id", "period_start");

-- AddForeignKey
ALTER TABLE "subscription_history" ADD CONSTRAINT "subscription_history_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "customer_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_alerts" ADD CONSTRAINT "billing_alerts_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_alerts" ADD CONSTRAINT "billing_alerts_acknowledged_by_fkey" FOREIGN KEY ("acknowledged_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Added by hand ------------------------------------------------------------------------------------

ALTER TABLE "billing_plans" ADD CONSTRAINT "billing_plans_prices_check"
  CHECK ((price_monthly IS NULL OR price_monthly >= 0) AND (price_yearly IS NULL OR price_yearly >= 0));
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_amount_refunded_check"
  CHECK (amount_refunded >= 0 AND amount_refunded <= total_amount);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_period_check"
  CHECK ((period_start IS NULL) = (period_end IS NULL) AND (period_end IS NULL OR period_end > period_start));
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_check" CHECK (amount > 0);
ALTER TABLE "invoice_number_sequences" ADD CONSTRAINT "invoice_number_sequences_check"
  CHECK (year BETWEEN 2000 AND 9999 AND last_value >= 0);

-- A customer has at most one live subscription (the new enum values cannot be named in this
-- transaction, so the predicate lists the ended ones).
CREATE UNIQUE INDEX "customer_subscriptions_one_live_key" ON "customer_subscriptions"("customer_id")
  WHERE status NOT IN ('cancelled', 'expired');

-- Queue IA drafts carry the month they collect.
UPDATE "invoices"
   SET period_start = to_date(right(invoice_number, 6), 'YYYYMM'),
       period_end = (to_date(right(invoice_number, 6), 'YYYYMM') + interval '1 month')::date
 WHERE status = 'draft' AND invoice_number ~ '^LCD-DRAFT-[0-9]+-[0-9]{6}$';

-- The history starts with each existing subscription's current state.
INSERT INTO "subscription_history" (subscription_id, customer_id, plan_id, status, billing_interval, mrr, valid_from, reason)
SELECT s.id, s.customer_id, s.plan_id, s.status, s.billing_interval,
       CASE WHEN s.status = 'active' THEN COALESCE(p.price_monthly, 0) ELSE 0 END,
       s.started_at, 'created'
  FROM "customer_subscriptions" s JOIN "billing_plans" p ON p.id = s.plan_id;
