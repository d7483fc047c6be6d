-- CreateEnum
CREATE TYPE "campaign_ab_metric" AS ENUM ('opens', 'clicks');

-- CreateEnum
CREATE TYPE "suppression_reason" AS ENUM ('unsubscribed', 'bounced', 'complained');

-- AlterEnum
ALTER TYPE "campaign_status" ADD VALUE 'paused';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "email_send_status" ADD VALUE 'failed';
ALTER TYPE "email_send_status" ADD VALUE 'skipped';

-- AlterTable
ALTER TABLE "email_campaigns" ADD COLUMN     "ab_decide_at" TIMESTAMPTZ(3),
ADD COLUMN     "ab_metric" "campaign_ab_metric",
ADD COLUMN     "ab_sample_percent" INTEGER,
ADD COLUMN     "ab_wait_minutes" INTEGER,
ADD COLUMN     "ab_winner" TEXT,
ADD COLUMN     "content_html_en" TEXT,
ADD COLUMN     "content_text_en" TEXT,
ADD COLUMN     "links" JSONB,
ADD COLUMN     "send_rate" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "subject_b" TEXT,
ADD COLUMN     "subject_b_en" TEXT,
ADD COLUMN     "subject_en" TEXT;

-- AlterTable
ALTER TABLE "email_sends" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "language" "language" NOT NULL DEFAULT 'fr',
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "variant" TEXT;

-- CreateTable
CREATE TABLE "email_suppressions" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "customer_id" INTEGER,
    "reason" "suppression_reason" NOT NULL,
    "source" TEXT NOT NULL,
    "campaign_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_clicks" (
    "id" SERIAL NOT NULL,
    "send_id" INTEGER NOT NULL,
    "link_index" INTEGER NOT NULL,
    "clicked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_clicks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_events" (
    "id" SERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "kind" "suppression_reason" NOT NULL,
    "email" TEXT NOT NULL,
    "send_id" INTEGER,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_suppressions_email_key" ON "email_suppressions"("email");

-- CreateIndex
CREATE INDEX "email_suppressions_customer_id_idx" ON "email_suppressions"("customer_id");

-- CreateIndex
CREATE INDEX "email_suppressions_created_at_idx" ON "email_suppressions"("created_at");

-- CreateIndex
CREATE INDEX "email_clicks_send_id_idx" ON "email_clicks"("send_id");

-- CreateIndex
CREATE INDEX "email_clicks_clicked_at_idx" ON "email_clicks"("clicked_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_events_event_id_key" ON "email_events"("event_id");

-- CreateIndex
CREATE INDEX "email_events_received_at_idx" ON "email_events"("received_at");

-- CreateIndex
CREATE INDEX "email_sends_campaign_id_status_idx" ON "email_sends"("campaign_id", "status");

-- AddForeignKey
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_clicks" ADD CONSTRAINT "email_clicks_send_id_fkey" FOREIGN KEY ("send_id") REFERENCES "email_sends"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks (by hand)
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_send_rate_check" CHECK ("send_rate" BETWEEN 1 AND 1000);
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_ab_sample_percent_check" CHECK ("ab_sample_percent" BETWEEN 2 AND 50);
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_ab_wait_minutes_check" CHECK ("ab_wait_minutes" BETWEEN 1 AND 10080);
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_ab_winner_check" CHECK ("ab_winner" IN ('a', 'b'));
ALTER TABLE "email_sends" ADD CONSTRAINT "email_sends_variant_check" CHECK ("variant" IN ('a', 'b'));
ALTER TABLE "email_sends" ADD CONSTRAINT "email_sends_attempts_check" CHECK ("attempts" >= 0);
ALTER TABLE "email_clicks" ADD CONSTRAINT "email_clicks_link_index_check" CHECK ("link_index" >= 0);
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_email_check" CHECK ("email" = lower("email") AND "email" LIKE '%@%');
