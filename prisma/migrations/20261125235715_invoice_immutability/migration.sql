-- An issued invoice is a legal record (issue 5, item 3). Once it has left draft, only its payment fields
-- may change: status (among pending, paid, failed, refunded), paid_at, payment_method, stripe_invoice_id,
-- stripe_payment_intent_id, amount_refunded and notes. It never goes back to draft, it is never deleted,
-- and its lines are frozen. Every path (the admin, the REST API, jobs, a psql session) meets these
-- triggers. A refusal raises SQLSTATE 'LC409' (class LC is the portal's own), which the services answer
-- as a 409 conflict and the admin as an error notice.

CREATE FUNCTION "invoices_keep_issued"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  frozen text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'Invoice % is issued: it cannot be deleted', OLD.invoice_number
        USING ERRCODE = 'LC409', HINT = 'An issued invoice is a legal record.';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    IF NEW.status <> 'draft' AND NEW.invoice_number LIKE 'LCD-DRAFT-%' THEN
      RAISE EXCEPTION 'Invoice % cannot leave draft without a legal number', OLD.invoice_number
        USING ERRCODE = 'LC409', HINT = 'Issue it: the number comes from invoice_number_sequences.';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = 'draft' THEN
    RAISE EXCEPTION 'Invoice % is issued: it cannot go back to draft', OLD.invoice_number
      USING ERRCODE = 'LC409';
  END IF;
  -- Every column but the payment fields, including any column added later: frozen unless listed here.
  SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO frozen
    FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
   WHERE n.value IS DISTINCT FROM o.value
     AND n.key NOT IN ('status', 'paid_at', 'payment_method', 'stripe_invoice_id', 'stripe_payment_intent_id',
                       'amount_refunded', 'notes');
  IF frozen IS NOT NULL THEN
    RAISE EXCEPTION 'Invoice % is issued: % cannot change', OLD.invoice_number, frozen
      USING ERRCODE = 'LC409', HINT = 'Only the payment fields of an issued invoice change.';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "invoices_keep_issued" BEFORE UPDATE OR DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION "invoices_keep_issued"();

-- A line is written only while its invoice is a draft. FOR SHARE waits for a transaction that is issuing
-- the invoice and then reads the status it committed: a line can never slip onto an invoice being issued.
CREATE FUNCTION "invoice_items_keep_issued"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  invoice_status text;
  invoice_no text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT status::text, invoice_number INTO invoice_status, invoice_no
      FROM invoices WHERE id = OLD.invoice_id FOR SHARE;
    IF FOUND AND invoice_status <> 'draft' THEN
      RAISE EXCEPTION 'Invoice % is issued: its lines cannot change', invoice_no USING ERRCODE = 'LC409';
    END IF;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.invoice_id <> OLD.invoice_id) THEN
    SELECT status::text, invoice_number INTO invoice_status, invoice_no
      FROM invoices WHERE id = NEW.invoice_id FOR SHARE;
    IF FOUND AND invoice_status <> 'draft' THEN
      RAISE EXCEPTION 'Invoice % is issued: its lines cannot change', invoice_no USING ERRCODE = 'LC409';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "invoice_items_keep_issued" BEFORE INSERT OR UPDATE OR DELETE ON "invoice_items"
  FOR EACH ROW EXECUTE FUNCTION "invoice_items_keep_issued"();
