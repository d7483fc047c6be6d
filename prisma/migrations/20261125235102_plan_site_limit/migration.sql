-- A customer's sites (archived ones aside) stay within max_sites of its plan: the plan of its running
-- subscription, or the plan named like its plan_type when it has none (the free plan). Checked when a
-- site is created, moved to another customer or brought back from the archive; the customer row is
-- locked first, so two concurrent creations cannot both take the last place.
CREATE FUNCTION sites_enforce_max_sites() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed integer;
  used integer;
BEGIN
  IF NEW.status = 'archived' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.customer_id = OLD.customer_id AND OLD.status <> 'archived' THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM customers WHERE id = NEW.customer_id FOR UPDATE;
  SELECT p.max_sites INTO allowed
    FROM customer_subscriptions s JOIN billing_plans p ON p.id = s.plan_id
   WHERE s.customer_id = NEW.customer_id AND s.status NOT IN ('cancelled', 'expired')
   ORDER BY s.started_at DESC
   LIMIT 1;
  IF allowed IS NULL THEN
    SELECT p.max_sites INTO allowed
      FROM customers c JOIN billing_plans p ON lower(p.name) = c.plan_type::text
     WHERE c.id = NEW.customer_id;
  END IF;
  IF allowed IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT count(*) INTO used FROM sites
   WHERE customer_id = NEW.customer_id AND status <> 'archived' AND id <> NEW.id;
  IF used >= allowed THEN
    RAISE EXCEPTION 'customer % already has % site(s), the most its plan allows (constraint "sites_customer_id_check")',
      NEW.customer_id, used
      USING ERRCODE = 'check_violation', CONSTRAINT = 'sites_customer_id_check';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER sites_max_sites BEFORE INSERT OR UPDATE OF customer_id, status ON sites
  FOR EACH ROW EXECUTE FUNCTION sites_enforce_max_sites();
