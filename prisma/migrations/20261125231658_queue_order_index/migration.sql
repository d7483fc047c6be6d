-- DropIndex
DROP INDEX "ai_requests_priority_idx";

-- CreateIndex
CREATE INDEX "ai_requests_priority_created_at_id_idx" ON "ai_requests"("priority", "created_at", "id");
