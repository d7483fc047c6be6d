-- AlterTable
ALTER TABLE "sites" ADD COLUMN     "template_id" INTEGER,
ADD COLUMN     "template_version_id" INTEGER;

-- AlterTable
ALTER TABLE "template_versions" ADD COLUMN     "activated_at" TIMESTAMPTZ(3),
ADD COLUMN     "activated_by" INTEGER,
ADD COLUMN     "previous_version_id" INTEGER;

-- CreateIndex
CREATE INDEX "sites_template_id_created_at_idx" ON "sites"("template_id", "created_at");

-- CreateIndex
CREATE INDEX "sites_template_version_id_idx" ON "sites"("template_version_id");

-- CreateIndex
CREATE INDEX "template_versions_activated_by_idx" ON "template_versions"("activated_by");

-- CreateIndex
CREATE INDEX "template_versions_previous_version_id_idx" ON "template_versions"("previous_version_id");

-- AddForeignKey
ALTER TABLE "sites" ADD CONSTRAINT "sites_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "templates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sites" ADD CONSTRAINT "sites_template_version_id_fkey" FOREIGN KEY ("template_version_id") REFERENCES "template_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_activated_by_fkey" FOREIGN KEY ("activated_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "template_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Versions are semantic versions (MAJOR.MINOR.PATCH, with an optional pre-release and build): 1.2.0-beta.
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_version_semver_check"
  CHECK ("version" ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$');

-- A site's version belongs to the template it names (a version without its template is meaningless).
ALTER TABLE "sites" ADD CONSTRAINT "sites_template_version_needs_template_check"
  CHECK ("template_version_id" IS NULL OR "template_id" IS NOT NULL);

-- Exactly one active version per template: keep the newest active one where several were active, then
-- let the index refuse a second (activation is a conditional update; a racing loser meets this index).
UPDATE "template_versions" v SET "is_active" = false
 WHERE v."is_active"
   AND EXISTS (SELECT 1 FROM "template_versions" w
                WHERE w."template_id" = v."template_id" AND w."is_active"
                  AND (w."created_at", w."id") > (v."created_at", v."id"));
UPDATE "template_versions" SET "activated_at" = "created_at" WHERE "is_active" AND "activated_at" IS NULL;
CREATE UNIQUE INDEX "template_versions_one_active" ON "template_versions" ("template_id") WHERE "is_active";
