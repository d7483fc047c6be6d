-- CreateEnum
CREATE TYPE "language" AS ENUM ('fr', 'en');

-- CreateEnum
CREATE TYPE "ai_generation_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "email_log_status" AS ENUM ('queued', 'sent', 'failed');

-- AlterEnum
ALTER TYPE "invoice_status" ADD VALUE 'draft';

-- DropIndex
DROP INDEX "invoice_items_ai_request_id_idx";

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "language" "language" NOT NULL DEFAULT 'fr';

-- AlterTable
ALTER TABLE "ai_requests" ADD COLUMN     "idempotency_key" TEXT;

-- CreateTable
CREATE TABLE "ai_generations" (
    "id" SERIAL NOT NULL,
    "ai_request_id" INTEGER NOT NULL,
    "admin_id" INTEGER,
    "model" TEXT NOT NULL,
    "status" "ai_generation_status" NOT NULL DEFAULT 'queued',
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "cost" DECIMAL(8,4),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "ai_generations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_log" (
    "id" SERIAL NOT NULL,
    "template" TEXT NOT NULL,
    "language" "language" NOT NULL DEFAULT 'fr',
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "customer_id" INTEGER,
    "ai_request_id" INTEGER,
    "status" "email_log_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" INTEGER,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ai_generations_ai_request_id_idx" ON "ai_generations"("ai_request_id");

-- CreateIndex
CREATE INDEX "ai_generations_admin_id_idx" ON "ai_generations"("admin_id");

-- CreateIndex
CREATE INDEX "ai_generations_status_idx" ON "ai_generations"("status");

-- CreateIndex
CREATE INDEX "ai_generations_created_at_idx" ON "ai_generations"("created_at");

-- CreateIndex
CREATE INDEX "email_log_customer_id_idx" ON "email_log"("customer_id");

-- CreateIndex
CREATE INDEX "email_log_status_idx" ON "email_log"("status");

-- CreateIndex
CREATE INDEX "email_log_created_at_idx" ON "email_log"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_log_ai_request_id_template_key" ON "email_log"("ai_request_id", "template");

-- CreateIndex
CREATE INDEX "settings_updated_by_idx" ON "settings"("updated_by");

-- CreateIndex
CREATE UNIQUE INDEX "ai_requests_idempotency_key_key" ON "ai_requests"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_items_ai_request_id_key" ON "invoice_items"("ai_request_id");

-- AddForeignKey
ALTER TABLE "ai_generations" ADD CONSTRAINT "ai_generations_ai_request_id_fkey" FOREIGN KEY ("ai_request_id") REFERENCES "ai_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_generations" ADD CONSTRAINT "ai_generations_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_ai_request_id_fkey" FOREIGN KEY ("ai_request_id") REFERENCES "ai_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
