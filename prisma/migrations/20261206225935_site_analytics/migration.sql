-- CreateEnum
CREATE TYPE "SiteAnalyticsEventKind" AS ENUM ('pageview', 'goal', 'vital');

-- CreateEnum
CREATE TYPE "WebVital" AS ENUM ('LCP', 'INP', 'CLS');

-- CreateTable
CREATE TABLE "site_analytics_events" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "SiteAnalyticsEventKind" NOT NULL,
    "path" VARCHAR(512) NOT NULL,
    "referrer_host" VARCHAR(253),
    "visitor_hash" VARCHAR(32) NOT NULL,
    "goal" VARCHAR(100),
    "metric" "WebVital",
    "value" DECIMAL(12,4),

    CONSTRAINT "site_analytics_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_analytics_daily" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "page_views" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,
    "top_pages" JSONB NOT NULL DEFAULT '[]',
    "top_referrers" JSONB NOT NULL DEFAULT '[]',
    "goals" JSONB NOT NULL DEFAULT '[]',
    "vitals" JSONB NOT NULL DEFAULT '{}',
    "rolled_up_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_analytics_daily_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_analytics_events_site_id_day_idx" ON "site_analytics_events"("site_id", "day");

-- CreateIndex
CREATE INDEX "site_analytics_events_day_idx" ON "site_analytics_events"("day");

-- CreateIndex
CREATE INDEX "site_analytics_daily_day_idx" ON "site_analytics_daily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "site_analytics_daily_site_id_day_key" ON "site_analytics_daily"("site_id", "day");

-- AddForeignKey
ALTER TABLE "site_analytics_events" ADD CONSTRAINT "site_analytics_events_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_analytics_daily" ADD CONSTRAINT "site_analytics_daily_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Raw events live a few days (the rollup deletes them): their ids may start again from 1 after 2^31.
ALTER SEQUENCE "site_analytics_events_id_seq" AS integer CYCLE;

-- A goal has a name, a vital a metric and a value; nothing else carries them.
ALTER TABLE "site_analytics_events" ADD CONSTRAINT "site_analytics_events_kind_check" CHECK (
  (kind = 'pageview' AND goal IS NULL AND metric IS NULL AND value IS NULL)
  OR (kind = 'goal' AND goal IS NOT NULL AND metric IS NULL AND value IS NULL)
  OR (kind = 'vital' AND goal IS NULL AND metric IS NOT NULL AND value IS NOT NULL AND value >= 0));
ALTER TABLE "site_analytics_daily" ADD CONSTRAINT "site_analytics_daily_counts_check"
  CHECK (page_views >= 0 AND visitors >= 0);
