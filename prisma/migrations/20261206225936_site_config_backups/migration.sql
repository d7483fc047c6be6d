-- CreateEnum
CREATE TYPE "SiteConfigKind" AS ENUM ('edit', 'manual', 'daily', 'restore');

-- AlterTable
ALTER TABLE "site_configs" ADD COLUMN     "created_by" INTEGER,
ADD COLUMN     "kind" "SiteConfigKind" NOT NULL DEFAULT 'edit',
ADD COLUMN     "note" VARCHAR(500),
ADD COLUMN     "restored_from" INTEGER;

-- CreateIndex
CREATE INDEX "site_configs_created_by_idx" ON "site_configs"("created_by");

-- AddForeignKey
ALTER TABLE "site_configs" ADD CONSTRAINT "site_configs_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A restore names the version it copied; nothing else does.
ALTER TABLE "site_configs" ADD CONSTRAINT "site_configs_restored_from_check"
  CHECK (("kind" = 'restore') = ("restored_from" IS NOT NULL) AND ("restored_from" IS NULL OR "restored_from" >= 1));

-- A backup or a restore is a snapshot: once written it never changes, whatever the path (the admin, the
-- REST API, a psql session), so a backup always holds what it held (src/modules/sites/backups). Only
-- its author may become null, when that admin account is deleted (ON DELETE SET NULL). Deleting a
-- version stays the table's delete permission. A refusal raises SQLSTATE 'LC409', answered as 409.
CREATE FUNCTION "site_configs_keep_snapshots"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  frozen text;
BEGIN
  IF OLD.kind = 'edit' THEN
    RETURN NEW;
  END IF;
  SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO frozen
    FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
   WHERE n.value IS DISTINCT FROM o.value
     AND NOT (n.key = 'created_by' AND n.value = 'null'::jsonb);
  IF frozen IS NOT NULL THEN
    RAISE EXCEPTION 'Version % of site % is a backup: % cannot change', OLD.version, OLD.site_id, frozen
      USING ERRCODE = 'LC409', HINT = 'A backup is a snapshot; restore it to make it current again.';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "site_configs_keep_snapshots" BEFORE UPDATE ON "site_configs"
  FOR EACH ROW EXECUTE FUNCTION "site_configs_keep_snapshots"();
