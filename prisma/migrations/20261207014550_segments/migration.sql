-- CreateTable
CREATE TABLE "segments" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "criteria" JSONB NOT NULL,
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "segments_name_key" ON "segments"("name");

-- CreateIndex
CREATE INDEX "segments_created_by_idx" ON "segments"("created_by");

-- CreateIndex
CREATE INDEX "segments_created_at_idx" ON "segments"("created_at");

-- AddForeignKey
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A segment has a name to pick it by, and its criteria are a JSON object (the campaigns module's zod
-- schema checks the rest before any write).
ALTER TABLE "segments" ADD CONSTRAINT "segments_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 200);
ALTER TABLE "segments" ADD CONSTRAINT "segments_criteria_check" CHECK (jsonb_typeof("criteria") = 'object');
