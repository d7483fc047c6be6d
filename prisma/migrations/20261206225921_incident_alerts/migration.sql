-- CreateEnum
CREATE TYPE "alert_channel_kind" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "incident_notification_kind" AS ENUM ('opened', 'escalated', 'reminder', 'resolved', 'customer_notice', 'customer_resolved');

-- CreateEnum
CREATE TYPE "incident_notification_status" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "alert_channels" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "alert_channel_kind" NOT NULL,
    "email" TEXT,
    "admin_id" INTEGER,
    "secret_webhook_url" TEXT,
    "webhook_hint" TEXT,
    "language" "language" NOT NULL DEFAULT 'fr',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_on_call" (
    "id" SERIAL NOT NULL,
    "level" INTEGER NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_on_call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_escalation_levels" (
    "id" SERIAL NOT NULL,
    "level" INTEGER NOT NULL,
    "after_minutes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_escalation_levels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_notifications" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "kind" "incident_notification_kind" NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "target" TEXT NOT NULL,
    "channel_id" INTEGER,
    "customer_id" INTEGER,
    "recipient" TEXT NOT NULL,
    "status" "incident_notification_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email_log_id" INTEGER,
    "ack_link" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "incident_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_channels_admin_id_idx" ON "alert_channels"("admin_id");

-- CreateIndex
CREATE INDEX "alert_on_call_channel_id_idx" ON "alert_on_call"("channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_on_call_level_channel_id_key" ON "alert_on_call"("level", "channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_escalation_levels_level_key" ON "alert_escalation_levels"("level");

-- CreateIndex
CREATE UNIQUE INDEX "incident_notifications_email_log_id_key" ON "incident_notifications"("email_log_id");

-- CreateIndex
CREATE INDEX "incident_notifications_status_next_attempt_at_idx" ON "incident_notifications"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "incident_notifications_channel_id_idx" ON "incident_notifications"("channel_id");

-- CreateIndex
CREATE INDEX "incident_notifications_customer_id_idx" ON "incident_notifications"("customer_id");

-- CreateIndex
CREATE INDEX "incident_notifications_created_at_idx" ON "incident_notifications"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "incident_notifications_incident_id_kind_seq_target_key" ON "incident_notifications"("incident_id", "kind", "seq", "target");

-- AddForeignKey
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_on_call" ADD CONSTRAINT "alert_on_call_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_email_log_id_fkey" FOREIGN KEY ("email_log_id") REFERENCES "email_log"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Checks: a channel has what its kind needs; levels 1 to 3; delays within a week.
ALTER TABLE "alert_channels"
  ADD CONSTRAINT "alert_channels_target" CHECK (("kind" = 'email' AND ("email" IS NOT NULL OR "admin_id" IS NOT NULL)) OR ("kind" = 'webhook' AND "secret_webhook_url" IS NOT NULL)),
  ADD CONSTRAINT "alert_channels_name_length" CHECK (char_length("name") BETWEEN 1 AND 200);
ALTER TABLE "alert_on_call"
  ADD CONSTRAINT "alert_on_call_level_range" CHECK ("level" BETWEEN 1 AND 3);
ALTER TABLE "alert_escalation_levels"
  ADD CONSTRAINT "alert_escalation_levels_level_range" CHECK ("level" BETWEEN 1 AND 3),
  ADD CONSTRAINT "alert_escalation_levels_after_range" CHECK ("after_minutes" BETWEEN 0 AND 10080);
