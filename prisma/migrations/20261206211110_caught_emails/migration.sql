-- CreateTable
CREATE TABLE "caught_emails" (
    "id" SERIAL NOT NULL,
    "from_address" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "cc" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "email_log_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caught_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "caught_emails_created_at_idx" ON "caught_emails"("created_at");

-- CreateIndex
CREATE INDEX "caught_emails_email_log_id_idx" ON "caught_emails"("email_log_id");

-- AddForeignKey
ALTER TABLE "caught_emails" ADD CONSTRAINT "caught_emails_email_log_id_fkey" FOREIGN KEY ("email_log_id") REFERENCES "email_log"("id") ON DELETE SET NULL ON UPDATE CASCADE;
