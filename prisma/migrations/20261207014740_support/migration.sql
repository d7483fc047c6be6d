-- CreateEnum
CREATE TYPE "support_ticket_status" AS ENUM ('open', 'pending', 'resolved', 'closed');

-- CreateEnum
CREATE TYPE "support_priority" AS ENUM ('low', 'normal', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "support_message_kind" AS ENUM ('customer', 'reply', 'note');

-- CreateTable
CREATE TABLE "support_tickets" (
    "id" SERIAL NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "status" "support_ticket_status" NOT NULL DEFAULT 'open',
    "priority" "support_priority" NOT NULL DEFAULT 'normal',
    "assignee_id" INTEGER,
    "customer_id" INTEGER,
    "site_id" INTEGER,
    "ai_request_id" INTEGER,
    "invoice_id" INTEGER,
    "requester_email" VARCHAR(320) NOT NULL,
    "requester_name" VARCHAR(200),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigned_at" TIMESTAMPTZ(3),
    "first_response_due_at" TIMESTAMPTZ(3),
    "resolution_due_at" TIMESTAMPTZ(3),
    "first_response_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "awaiting_reply_since" TIMESTAMPTZ(3),
    "escalation_level" INTEGER NOT NULL DEFAULT 1,
    "escalated_at" TIMESTAMPTZ(3),
    "csat_score" INTEGER,
    "csat_comment" VARCHAR(2000),
    "csat_at" TIMESTAMPTZ(3),

    CONSTRAINT "support_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_messages" (
    "id" SERIAL NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "kind" "support_message_kind" NOT NULL,
    "author_id" INTEGER,
    "from_address" VARCHAR(320),
    "body" TEXT NOT NULL,
    "email_message_id" VARCHAR(998),
    "in_reply_to" VARCHAR(998),
    "event_id" VARCHAR(200),
    "email_log_id" INTEGER,
    "canned_reply_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_attachments" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(255) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_canned_replies" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "language" "language" NOT NULL DEFAULT 'fr',
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_canned_replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_sla_policies" (
    "id" SERIAL NOT NULL,
    "priority" "support_priority" NOT NULL,
    "first_response_minutes" INTEGER NOT NULL,
    "resolution_minutes" INTEGER NOT NULL,
    "reassign_after_minutes" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_sla_policies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "support_tickets_status_created_at_idx" ON "support_tickets"("status", "created_at");

-- CreateIndex
CREATE INDEX "support_tickets_assignee_id_status_idx" ON "support_tickets"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "support_tickets_customer_id_status_idx" ON "support_tickets"("customer_id", "status");

-- CreateIndex
CREATE INDEX "support_tickets_site_id_idx" ON "support_tickets"("site_id");

-- CreateIndex
CREATE INDEX "support_tickets_ai_request_id_idx" ON "support_tickets"("ai_request_id");

-- CreateIndex
CREATE INDEX "support_tickets_invoice_id_idx" ON "support_tickets"("invoice_id");

-- CreateIndex
CREATE INDEX "support_tickets_created_at_idx" ON "support_tickets"("created_at");

-- CreateIndex
CREATE INDEX "support_tickets_first_response_due_at_idx" ON "support_tickets"("first_response_due_at");

-- CreateIndex
CREATE INDEX "support_tickets_resolution_due_at_idx" ON "support_tickets"("resolution_due_at");

-- CreateIndex
CREATE UNIQUE INDEX "support_messages_email_message_id_key" ON "support_messages"("email_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "support_messages_event_id_key" ON "support_messages"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "support_messages_email_log_id_key" ON "support_messages"("email_log_id");

-- CreateIndex
CREATE INDEX "support_messages_ticket_id_created_at_idx" ON "support_messages"("ticket_id", "created_at");

-- CreateIndex
CREATE INDEX "support_messages_author_id_idx" ON "support_messages"("author_id");

-- CreateIndex
CREATE INDEX "support_messages_canned_reply_id_idx" ON "support_messages"("canned_reply_id");

-- CreateIndex
CREATE INDEX "support_messages_created_at_idx" ON "support_messages"("created_at");

-- CreateIndex
CREATE INDEX "support_attachments_message_id_idx" ON "support_attachments"("message_id");

-- CreateIndex
CREATE INDEX "support_canned_replies_created_by_idx" ON "support_canned_replies"("created_by");

-- CreateIndex
CREATE UNIQUE INDEX "support_canned_replies_language_title_key" ON "support_canned_replies"("language", "title");

-- CreateIndex
CREATE UNIQUE INDEX "support_sla_policies_priority_key" ON "support_sla_policies"("priority");

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_ai_request_id_fkey" FOREIGN KEY ("ai_request_id") REFERENCES "ai_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_email_log_id_fkey" FOREIGN KEY ("email_log_id") REFERENCES "email_log"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_canned_reply_id_fkey" FOREIGN KEY ("canned_reply_id") REFERENCES "support_canned_replies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_attachments" ADD CONSTRAINT "support_attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "support_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_canned_replies" ADD CONSTRAINT "support_canned_replies_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Value ranges Prisma cannot declare.
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_csat_score_check" CHECK ("csat_score" BETWEEN 1 AND 5);
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_escalation_level_check" CHECK ("escalation_level" BETWEEN 1 AND 2);
ALTER TABLE "support_attachments" ADD CONSTRAINT "support_attachments_size_bytes_check" CHECK ("size_bytes" >= 0);
ALTER TABLE "support_sla_policies" ADD CONSTRAINT "support_sla_policies_first_response_minutes_check" CHECK ("first_response_minutes" > 0);
ALTER TABLE "support_sla_policies" ADD CONSTRAINT "support_sla_policies_resolution_minutes_check" CHECK ("resolution_minutes" > 0);
ALTER TABLE "support_sla_policies" ADD CONSTRAINT "support_sla_policies_reassign_after_minutes_check" CHECK ("reassign_after_minutes" > 0);

-- The open tickets of a customer (the customer list counts them) and the inbox's unanswered ones.
CREATE INDEX "support_tickets_open_customer_idx" ON "support_tickets"("customer_id") WHERE "status" IN ('open', 'pending');
CREATE INDEX "support_tickets_awaiting_idx" ON "support_tickets"("awaiting_reply_since") WHERE "awaiting_reply_since" IS NOT NULL;

