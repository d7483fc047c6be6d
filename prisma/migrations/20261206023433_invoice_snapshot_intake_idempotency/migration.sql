-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "seller" JSONB,
ADD COLUMN     "vat_rate" DECIMAL(5,2);

-- An issued invoice keeps the seller's legal details and the VAT rate of its issue: the issuing workflow
-- writes them (settings billing.seller and billing.vat_rate at that moment) and the invoice document reads
-- them, never the live settings. Invoices issued before this migration take the current settings (their
-- defaults when unset, as src/modules/settings/values.ts has them). The backfill steps around the
-- invoices_keep_issued trigger, which freezes every column of an issued invoice, these two included from
-- now on.
ALTER TABLE "invoices" DISABLE TRIGGER "invoices_keep_issued";

UPDATE "invoices"
   SET "seller" = COALESCE(
         (SELECT "value" FROM "settings" WHERE "key" = 'billing.seller'),
         '{"name": "Locod-AI SAS", "address": ["10 rue de la Paix", "75002 Paris", "France"], "siret": "000 000 000 00000", "vatNumber": "FR00000000000", "email": "billing@locod-ai.com", "legalMentions": "Pénalités de retard : trois fois le taux d''intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €."}'::jsonb),
       "vat_rate" = COALESCE(
         (SELECT ("value" #>> '{}')::numeric(5,2) FROM "settings" WHERE "key" = 'billing.vat_rate'),
         20.00)
 WHERE "status" <> 'draft';

ALTER TABLE "invoices" ENABLE TRIGGER "invoices_keep_issued";

-- The wizard's idempotency keys are scoped per customer, and the hash of the body they were first used
-- with is kept beside them (src/modules/ai-queue/intake.ts).
-- DropIndex
DROP INDEX "ai_requests_idempotency_key_key";

-- AlterTable
ALTER TABLE "ai_requests" ADD COLUMN     "idempotency_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ai_requests_customer_id_idempotency_key_key" ON "ai_requests"("customer_id", "idempotency_key");
