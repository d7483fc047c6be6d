-- The invoice a billing e-mail (a payment reminder) is about: the 24-hour rule and the renderer read it.
ALTER TABLE "email_log" ADD COLUMN "invoice_id" INTEGER;

CREATE INDEX "email_log_invoice_id_template_created_at_idx" ON "email_log"("invoice_id", "template", "created_at");

ALTER TABLE "email_log" ADD CONSTRAINT "email_log_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Reminders recorded before: their invoice is in their audit row.
UPDATE "email_log" e
   SET invoice_id = a.resource_id
  FROM "admin_activity_log" a
 WHERE e.template = 'invoice.reminder'
   AND a.action = 'invoice.send_reminder' AND a.resource_type = 'invoices'
   AND (a.new_values ->> 'emailLogId')::int = e.id;
