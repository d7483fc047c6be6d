-- CreateIndex
CREATE INDEX "ai_requests_billing_status_idx" ON "ai_requests"("billing_status");

-- CreateIndex
CREATE INDEX "ai_requests_completed_at_idx" ON "ai_requests"("completed_at");

-- CreateIndex
CREATE INDEX "ai_requests_priority_idx" ON "ai_requests"("priority");

-- CreateIndex
CREATE INDEX "invoices_paid_at_idx" ON "invoices"("paid_at");

-- CreateIndex
CREATE INDEX "site_monitoring_check_type_idx" ON "site_monitoring"("check_type");

-- CreateIndex
CREATE INDEX "admin_activity_log_resource_id_idx" ON "admin_activity_log"("resource_id");

-- CreateIndex
CREATE INDEX "admin_activity_log_ip_address_idx" ON "admin_activity_log"("ip_address");

-- CreateIndex
CREATE INDEX "email_sends_opened_at_idx" ON "email_sends"("opened_at");

-- CreateIndex
CREATE INDEX "email_sends_clicked_at_idx" ON "email_sends"("clicked_at");

-- Sites whose latest check failed: the dashboard's "down" alert and the monitoring list's is_up filter.
CREATE INDEX "site_monitoring_down_idx" ON "site_monitoring"("site_id", "check_time") WHERE NOT "is_up";

-- Text filters of the admin lists match case-insensitively anywhere in the value (ILIKE '%x%'):
-- trigram indexes let PostgreSQL answer those without reading the whole table. Kept here rather than in
-- schema.prisma, which cannot express operator classes without preview features.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);
CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);
CREATE INDEX "sites_name_trgm_idx" ON "sites" USING gin ("name" gin_trgm_ops);
CREATE INDEX "sites_domain_trgm_idx" ON "sites" USING gin ("domain" gin_trgm_ops);
CREATE INDEX "invoices_invoice_number_trgm_idx" ON "invoices" USING gin ("invoice_number" gin_trgm_ops);
CREATE INDEX "ai_requests_business_type_trgm_idx" ON "ai_requests" USING gin ("business_type" gin_trgm_ops);
CREATE INDEX "email_sends_email_trgm_idx" ON "email_sends" USING gin ("email" gin_trgm_ops);
