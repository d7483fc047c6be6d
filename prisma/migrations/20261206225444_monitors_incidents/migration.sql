-- CreateEnum
CREATE TYPE "monitor_state" AS ENUM ('pending', 'up', 'down');

-- CreateEnum
CREATE TYPE "maintenance_kind" AS ENUM ('one_off', 'weekly');

-- CreateTable
CREATE TABLE "monitors" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "type" "check_type" NOT NULL,
    "target" TEXT NOT NULL,
    "expected_status" INTEGER NOT NULL DEFAULT 200,
    "keyword" TEXT,
    "timeout_ms" INTEGER NOT NULL DEFAULT 10000,
    "ssl_warning_days" INTEGER NOT NULL DEFAULT 14,
    "dns_expected" JSONB,
    "interval_seconds" INTEGER NOT NULL DEFAULT 300,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "failure_threshold" INTEGER NOT NULL DEFAULT 3,
    "success_threshold" INTEGER NOT NULL DEFAULT 2,
    "state" "monitor_state" NOT NULL DEFAULT 'pending',
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "consecutive_successes" INTEGER NOT NULL DEFAULT 0,
    "last_checked_at" TIMESTAMPTZ(3),
    "next_check_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "monitor_id" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_by" INTEGER,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER,
    "title" TEXT NOT NULL,
    "kind" "maintenance_kind" NOT NULL DEFAULT 'weekly',
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "weekday" INTEGER DEFAULT 0,
    "start_minute" INTEGER DEFAULT 180,
    "duration_minutes" INTEGER DEFAULT 60,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "monitors_enabled_next_check_at_idx" ON "monitors"("enabled", "next_check_at");

-- CreateIndex
CREATE UNIQUE INDEX "monitors_site_id_type_target_key" ON "monitors"("site_id", "type", "target");

-- CreateIndex
CREATE INDEX "incidents_site_id_opened_at_idx" ON "incidents"("site_id", "opened_at");

-- CreateIndex
CREATE INDEX "incidents_monitor_id_idx" ON "incidents"("monitor_id");

-- CreateIndex
CREATE INDEX "incidents_acknowledged_by_idx" ON "incidents"("acknowledged_by");

-- CreateIndex
CREATE INDEX "incidents_resolved_at_idx" ON "incidents"("resolved_at");

-- CreateIndex
CREATE INDEX "incidents_opened_at_idx" ON "incidents"("opened_at");

-- CreateIndex
CREATE INDEX "maintenance_windows_site_id_idx" ON "maintenance_windows"("site_id");

-- CreateIndex
CREATE INDEX "maintenance_windows_created_by_idx" ON "maintenance_windows"("created_by");

-- AddForeignKey
ALTER TABLE "monitors" ADD CONSTRAINT "monitors_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_acknowledged_by_fkey" FOREIGN KEY ("acknowledged_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one open incident per monitor (two check runs racing open one).
CREATE UNIQUE INDEX "incidents_one_open_per_monitor" ON "incidents"("monitor_id") WHERE "resolved_at" IS NULL;

-- Ranges a form or the API could get wrong.
ALTER TABLE "monitors"
  ADD CONSTRAINT "monitors_expected_status_range" CHECK ("expected_status" BETWEEN 100 AND 599),
  ADD CONSTRAINT "monitors_timeout_range" CHECK ("timeout_ms" BETWEEN 100 AND 60000),
  ADD CONSTRAINT "monitors_ssl_warning_days_range" CHECK ("ssl_warning_days" BETWEEN 0 AND 365),
  ADD CONSTRAINT "monitors_interval_range" CHECK ("interval_seconds" BETWEEN 30 AND 86400),
  ADD CONSTRAINT "monitors_failure_threshold_range" CHECK ("failure_threshold" BETWEEN 1 AND 100),
  ADD CONSTRAINT "monitors_success_threshold_range" CHECK ("success_threshold" BETWEEN 1 AND 100),
  ADD CONSTRAINT "monitors_target_length" CHECK (char_length("target") BETWEEN 1 AND 2048);

ALTER TABLE "maintenance_windows"
  ADD CONSTRAINT "maintenance_windows_one_off" CHECK ("kind" <> 'one_off' OR ("starts_at" IS NOT NULL AND "ends_at" IS NOT NULL AND "ends_at" > "starts_at")),
  ADD CONSTRAINT "maintenance_windows_weekly" CHECK ("kind" <> 'weekly' OR ("weekday" BETWEEN 0 AND 6 AND "start_minute" BETWEEN 0 AND 1439 AND "duration_minutes" BETWEEN 1 AND 10080)),
  ADD CONSTRAINT "maintenance_windows_title_length" CHECK (char_length("title") BETWEEN 1 AND 200);
