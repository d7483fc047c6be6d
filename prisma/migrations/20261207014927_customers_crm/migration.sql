-- CreateTable
CREATE TABLE "customer_notes" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "body" TEXT NOT NULL,
    "mentions" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3),

    CONSTRAINT "customer_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_note_revisions" (
    "id" SERIAL NOT NULL,
    "note_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "edited_by" INTEGER,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_note_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_tasks" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "owner_id" INTEGER,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "done_at" TIMESTAMPTZ(3),
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_email_templates" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "subject_fr" TEXT NOT NULL,
    "body_fr" TEXT NOT NULL,
    "subject_en" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_email_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_emails" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "template_id" INTEGER,
    "email_log_id" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sent_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_notes_customer_id_created_at_idx" ON "customer_notes"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "customer_notes_author_id_idx" ON "customer_notes"("author_id");

-- CreateIndex
CREATE INDEX "customer_notes_mentions_idx" ON "customer_notes" USING GIN ("mentions");

-- CreateIndex
CREATE INDEX "customer_note_revisions_note_id_edited_at_idx" ON "customer_note_revisions"("note_id", "edited_at");

-- CreateIndex
CREATE INDEX "customer_note_revisions_edited_by_idx" ON "customer_note_revisions"("edited_by");

-- CreateIndex
CREATE INDEX "customer_tasks_customer_id_created_at_idx" ON "customer_tasks"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "customer_tasks_owner_id_done_due_at_idx" ON "customer_tasks"("owner_id", "done", "due_at");

-- CreateIndex
CREATE INDEX "customer_tasks_created_by_idx" ON "customer_tasks"("created_by");

-- CreateIndex
CREATE UNIQUE INDEX "customer_email_templates_name_key" ON "customer_email_templates"("name");

-- CreateIndex
CREATE UNIQUE INDEX "customer_emails_email_log_id_key" ON "customer_emails"("email_log_id");

-- CreateIndex
CREATE INDEX "customer_emails_customer_id_created_at_idx" ON "customer_emails"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "customer_emails_template_id_idx" ON "customer_emails"("template_id");

-- CreateIndex
CREATE INDEX "customer_emails_sent_by_idx" ON "customer_emails"("sent_by");

-- AddForeignKey
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_note_revisions" ADD CONSTRAINT "customer_note_revisions_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "customer_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_note_revisions" ADD CONSTRAINT "customer_note_revisions_edited_by_fkey" FOREIGN KEY ("edited_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_tasks" ADD CONSTRAINT "customer_tasks_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_tasks" ADD CONSTRAINT "customer_tasks_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_tasks" ADD CONSTRAINT "customer_tasks_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "customer_email_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_email_log_id_fkey" FOREIGN KEY ("email_log_id") REFERENCES "email_log"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_sent_by_fkey" FOREIGN KEY ("sent_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- By hand: a note or task says something; a template has both languages; a task is done exactly when it has a done time.
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_body_not_blank" CHECK (length(btrim("body")) > 0);
ALTER TABLE "customer_tasks" ADD CONSTRAINT "customer_tasks_title_not_blank" CHECK (length(btrim("title")) > 0);
ALTER TABLE "customer_tasks" ADD CONSTRAINT "customer_tasks_done_at" CHECK ("done" = ("done_at" IS NOT NULL));
ALTER TABLE "customer_email_templates" ADD CONSTRAINT "customer_email_templates_texts_not_blank"
  CHECK (length(btrim("subject_fr")) > 0 AND length(btrim("body_fr")) > 0 AND length(btrim("subject_en")) > 0 AND length(btrim("body_en")) > 0);
-- The dashboard lists an owner's open tasks by due date.
CREATE INDEX "customer_tasks_open_by_owner_idx" ON "customer_tasks"("owner_id", "due_at") WHERE NOT "done";
-- A customer's AI requests newest first (the customer 360 timeline).
CREATE INDEX "ai_requests_customer_id_created_at_idx" ON "ai_requests"("customer_id", "created_at");
