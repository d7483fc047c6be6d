-- The AI queue list filtered by status, newest first (its default sort): without this index PostgreSQL
-- walks idx_ai_requests_created backwards and discards every other status, which on a million rows
-- took 19 ms for page 100 of "rejected" and 270 ms for page 1000 (`npm run bench`); with it, 3 ms and
-- 30 ms. The spec's (status) and (status, priority, created_at) indexes serve counts and the queue's
-- "take next" order, not this one. Built inside the migration's transaction: writes to ai_requests wait
-- for it (about a second per million rows here).
-- CreateIndex
CREATE INDEX "ai_requests_status_created_at_idx" ON "ai_requests"("status", "created_at");
