-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "customer_status" AS ENUM ('active', 'suspended', 'cancelled');

-- CreateEnum
CREATE TYPE "plan_type" AS ENUM ('free', 'starter', 'pro', 'enterprise');

-- CreateEnum
CREATE TYPE "site_status" AS ENUM ('draft', 'building', 'active', 'suspended', 'archived');

-- CreateEnum
CREATE TYPE "template_status" AS ENUM ('draft', 'active', 'archived');

-- CreateEnum
CREATE TYPE "ai_request_type" AS ENUM ('services', 'content', 'images', 'full_site');

-- CreateEnum
CREATE TYPE "ai_request_status" AS ENUM ('pending', 'processing', 'completed', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "ai_billing_status" AS ENUM ('pending', 'billed', 'paid', 'refunded');

-- CreateEnum
CREATE TYPE "admin_role" AS ENUM ('super_admin', 'admin', 'editor', 'viewer');

-- CreateEnum
CREATE TYPE "admin_status" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "billing_plan_status" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "subscription_status" AS ENUM ('active', 'cancelled', 'expired', 'suspended');

-- CreateEnum
CREATE TYPE "invoice_status" AS ENUM ('pending', 'paid', 'failed', 'refunded');

-- CreateEnum
CREATE TYPE "check_type" AS ENUM ('http', 'ssl', 'dns');

-- CreateEnum
CREATE TYPE "ab_test_status" AS ENUM ('draft', 'running', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "campaign_status" AS ENUM ('draft', 'scheduled', 'sending', 'sent', 'cancelled');

-- CreateEnum
CREATE TYPE "email_send_status" AS ENUM ('pending', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained');

-- CreateEnum
CREATE TYPE "reward_type" AS ENUM ('credit', 'discount', 'cash');

-- CreateEnum
CREATE TYPE "referral_status" AS ENUM ('pending', 'earned', 'paid');

-- CreateTable
CREATE TABLE "customers" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "plan_type" "plan_type" NOT NULL DEFAULT 'free',
    "status" "customer_status" NOT NULL DEFAULT 'active',

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sites" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "config_path" TEXT,
    "status" "site_status" NOT NULL DEFAULT 'draft',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_configs" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "config_data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "templates" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "config_template" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "template_status" NOT NULL DEFAULT 'draft',

    CONSTRAINT "templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_requests" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "site_id" INTEGER,
    "request_type" "ai_request_type" NOT NULL,
    "business_type" TEXT NOT NULL,
    "terminology" TEXT,
    "request_data" JSONB NOT NULL,
    "status" "ai_request_status" NOT NULL DEFAULT 'pending',
    "priority" INTEGER NOT NULL DEFAULT 5,
    "estimated_cost" DECIMAL(5,2) DEFAULT 2.00,
    "actual_cost" DECIMAL(5,2),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigned_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "admin_id" INTEGER,
    "admin_notes" TEXT,
    "generated_content" JSONB,
    "customer_feedback" INTEGER,
    "customer_notes" TEXT,
    "billing_status" "ai_billing_status" NOT NULL DEFAULT 'pending',

    CONSTRAINT "ai_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "admin_role" NOT NULL DEFAULT 'admin',
    "password_hash" TEXT NOT NULL,
    "last_login" TIMESTAMPTZ(3),
    "permissions" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "admin_status" NOT NULL DEFAULT 'active',

    CONSTRAINT "admin_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_sessions" (
    "id" TEXT NOT NULL,
    "admin_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "admin_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_plans" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "price_monthly" DECIMAL(8,2),
    "price_yearly" DECIMAL(8,2),
    "features" JSONB,
    "ai_credits_included" INTEGER NOT NULL DEFAULT 0,
    "max_sites" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "billing_plan_status" NOT NULL DEFAULT 'active',

    CONSTRAINT "billing_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_subscriptions" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "status" "subscription_status" NOT NULL DEFAULT 'active',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "current_period_start" TIMESTAMPTZ(3),
    "current_period_end" TIMESTAMPTZ(3),
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "stripe_subscription_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "subscription_id" INTEGER,
    "invoice_number" TEXT NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "tax_amount" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "total_amount" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "status" "invoice_status" NOT NULL DEFAULT 'pending',
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "stripe_invoice_id" TEXT,
    "payment_method" TEXT,
    "notes" TEXT,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_items" (
    "id" SERIAL NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "ai_request_id" INTEGER,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unit_price" DECIMAL(8,2) NOT NULL,
    "total_price" DECIMAL(10,2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_metrics" (
    "id" SERIAL NOT NULL,
    "metric_date" DATE NOT NULL,
    "total_customers" INTEGER NOT NULL DEFAULT 0,
    "active_customers" INTEGER NOT NULL DEFAULT 0,
    "new_customers" INTEGER NOT NULL DEFAULT 0,
    "churned_customers" INTEGER NOT NULL DEFAULT 0,
    "total_sites" INTEGER NOT NULL DEFAULT 0,
    "active_sites" INTEGER NOT NULL DEFAULT 0,
    "monthly_revenue" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "ai_requests_count" INTEGER NOT NULL DEFAULT 0,
    "ai_revenue" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_monitoring" (
    "id" SERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "check_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "response_time_ms" INTEGER,
    "is_up" BOOLEAN NOT NULL DEFAULT true,
    "error_message" TEXT,
    "check_type" "check_type" NOT NULL DEFAULT 'http',

    CONSTRAINT "site_monitoring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_activity_log" (
    "id" SERIAL NOT NULL,
    "admin_id" INTEGER,
    "action" TEXT NOT NULL,
    "resource_type" TEXT,
    "resource_id" INTEGER,
    "old_values" JSONB,
    "new_values" JSONB,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admin_activity_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_versions" (
    "id" SERIAL NOT NULL,
    "template_id" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "config_data" JSONB NOT NULL,
    "changelog" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "template_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_ab_tests" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "template_a_id" INTEGER NOT NULL,
    "template_b_id" INTEGER NOT NULL,
    "traffic_split" INTEGER NOT NULL DEFAULT 50,
    "start_date" DATE,
    "end_date" DATE,
    "status" "ab_test_status" NOT NULL DEFAULT 'draft',
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "template_ab_tests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_campaigns" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "content_html" TEXT NOT NULL,
    "content_text" TEXT,
    "segment_criteria" JSONB,
    "status" "campaign_status" NOT NULL DEFAULT 'draft',
    "scheduled_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_sends" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "customer_id" INTEGER,
    "email" TEXT NOT NULL,
    "status" "email_send_status" NOT NULL DEFAULT 'pending',
    "sent_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "opened_at" TIMESTAMPTZ(3),
    "clicked_at" TIMESTAMPTZ(3),
    "error_message" TEXT,

    CONSTRAINT "email_sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_program" (
    "id" SERIAL NOT NULL,
    "referrer_id" INTEGER NOT NULL,
    "referred_id" INTEGER,
    "referral_code" TEXT,
    "reward_type" "reward_type" NOT NULL DEFAULT 'credit',
    "reward_amount" DECIMAL(8,2),
    "status" "referral_status" NOT NULL DEFAULT 'pending',
    "earned_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "sid" VARCHAR NOT NULL,
    "sess" JSON NOT NULL,
    "expire" TIMESTAMP(6) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE UNIQUE INDEX "customers_email_key" ON "customers"("email");

-- CreateIndex
CREATE INDEX "customers_created_at_idx" ON "customers"("created_at");

-- CreateIndex
CREATE INDEX "customers_plan_type_idx" ON "customers"("plan_type");

-- CreateIndex
CREATE INDEX "customers_status_idx" ON "customers"("status");

-- CreateIndex
CREATE INDEX "customers_name_idx" ON "customers"("name");

-- CreateIndex
CREATE UNIQUE INDEX "sites_domain_key" ON "sites"("domain");

-- CreateIndex
CREATE INDEX "sites_customer_id_idx" ON "sites"("customer_id");

-- CreateIndex
CREATE INDEX "sites_status_idx" ON "sites"("status");

-- CreateIndex
CREATE INDEX "sites_created_at_idx" ON "sites"("created_at");

-- CreateIndex
CREATE INDEX "site_configs_created_at_idx" ON "site_configs"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "site_configs_site_id_version_key" ON "site_configs"("site_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "templates_name_key" ON "templates"("name");

-- CreateIndex
CREATE INDEX "templates_category_idx" ON "templates"("category");

-- CreateIndex
CREATE INDEX "templates_status_idx" ON "templates"("status");

-- CreateIndex
CREATE INDEX "templates_created_at_idx" ON "templates"("created_at");

-- CreateIndex
CREATE INDEX "idx_ai_requests_status" ON "ai_requests"("status");

-- CreateIndex
CREATE INDEX "idx_ai_requests_customer" ON "ai_requests"("customer_id");

-- CreateIndex
CREATE INDEX "idx_ai_requests_created" ON "ai_requests"("created_at");

-- CreateIndex
CREATE INDEX "ai_requests_site_id_idx" ON "ai_requests"("site_id");

-- CreateIndex
CREATE INDEX "ai_requests_admin_id_idx" ON "ai_requests"("admin_id");

-- CreateIndex
CREATE INDEX "ai_requests_request_type_idx" ON "ai_requests"("request_type");

-- CreateIndex
CREATE INDEX "ai_requests_status_priority_created_at_idx" ON "ai_requests"("status", "priority", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "admin_users_email_key" ON "admin_users"("email");

-- CreateIndex
CREATE INDEX "admin_users_role_idx" ON "admin_users"("role");

-- CreateIndex
CREATE INDEX "admin_users_status_idx" ON "admin_users"("status");

-- CreateIndex
CREATE INDEX "admin_users_created_at_idx" ON "admin_users"("created_at");

-- CreateIndex
CREATE INDEX "admin_sessions_admin_id_idx" ON "admin_sessions"("admin_id");

-- CreateIndex
CREATE INDEX "admin_sessions_expires_at_idx" ON "admin_sessions"("expires_at");

-- CreateIndex
CREATE INDEX "admin_sessions_created_at_idx" ON "admin_sessions"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "billing_plans_name_key" ON "billing_plans"("name");

-- CreateIndex
CREATE INDEX "billing_plans_status_idx" ON "billing_plans"("status");

-- CreateIndex
CREATE UNIQUE INDEX "customer_subscriptions_stripe_subscription_id_key" ON "customer_subscriptions"("stripe_subscription_id");

-- CreateIndex
CREATE INDEX "customer_subscriptions_customer_id_idx" ON "customer_subscriptions"("customer_id");

-- CreateIndex
CREATE INDEX "customer_subscriptions_plan_id_idx" ON "customer_subscriptions"("plan_id");

-- CreateIndex
CREATE INDEX "customer_subscriptions_status_idx" ON "customer_subscriptions"("status");

-- CreateIndex
CREATE INDEX "customer_subscriptions_created_at_idx" ON "customer_subscriptions"("created_at");

-- CreateIndex
CREATE INDEX "customer_subscriptions_current_period_end_idx" ON "customer_subscriptions"("current_period_end");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_invoice_number_key" ON "invoices"("invoice_number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_stripe_invoice_id_key" ON "invoices"("stripe_invoice_id");

-- CreateIndex
CREATE INDEX "invoices_customer_id_idx" ON "invoices"("customer_id");

-- CreateIndex
CREATE INDEX "invoices_subscription_id_idx" ON "invoices"("subscription_id");

-- CreateIndex
CREATE INDEX "invoices_status_idx" ON "invoices"("status");

-- CreateIndex
CREATE INDEX "invoices_issued_at_idx" ON "invoices"("issued_at");

-- CreateIndex
CREATE INDEX "invoices_due_at_idx" ON "invoices"("due_at");

-- CreateIndex
CREATE INDEX "invoice_items_invoice_id_idx" ON "invoice_items"("invoice_id");

-- CreateIndex
CREATE INDEX "invoice_items_ai_request_id_idx" ON "invoice_items"("ai_request_id");

-- CreateIndex
CREATE INDEX "invoice_items_created_at_idx" ON "invoice_items"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "business_metrics_metric_date_key" ON "business_metrics"("metric_date");

-- CreateIndex
CREATE INDEX "site_monitoring_site_id_check_time_idx" ON "site_monitoring"("site_id", "check_time");

-- CreateIndex
CREATE INDEX "site_monitoring_check_time_idx" ON "site_monitoring"("check_time");

-- CreateIndex
CREATE INDEX "admin_activity_log_admin_id_idx" ON "admin_activity_log"("admin_id");

-- CreateIndex
CREATE INDEX "admin_activity_log_resource_type_resource_id_idx" ON "admin_activity_log"("resource_type", "resource_id");

-- CreateIndex
CREATE INDEX "admin_activity_log_action_idx" ON "admin_activity_log"("action");

-- CreateIndex
CREATE INDEX "admin_activity_log_created_at_idx" ON "admin_activity_log"("created_at");

-- CreateIndex
CREATE INDEX "template_versions_created_by_idx" ON "template_versions"("created_by");

-- CreateIndex
CREATE INDEX "template_versions_created_at_idx" ON "template_versions"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "template_versions_template_id_version_key" ON "template_versions"("template_id", "version");

-- CreateIndex
CREATE INDEX "template_ab_tests_template_a_id_idx" ON "template_ab_tests"("template_a_id");

-- CreateIndex
CREATE INDEX "template_ab_tests_template_b_id_idx" ON "template_ab_tests"("template_b_id");

-- CreateIndex
CREATE INDEX "template_ab_tests_created_by_idx" ON "template_ab_tests"("created_by");

-- CreateIndex
CREATE INDEX "template_ab_tests_status_idx" ON "template_ab_tests"("status");

-- CreateIndex
CREATE INDEX "template_ab_tests_created_at_idx" ON "template_ab_tests"("created_at");

-- CreateIndex
CREATE INDEX "email_campaigns_created_by_idx" ON "email_campaigns"("created_by");

-- CreateIndex
CREATE INDEX "email_campaigns_status_idx" ON "email_campaigns"("status");

-- CreateIndex
CREATE INDEX "email_campaigns_created_at_idx" ON "email_campaigns"("created_at");

-- CreateIndex
CREATE INDEX "email_sends_customer_id_idx" ON "email_sends"("customer_id");

-- CreateIndex
CREATE INDEX "email_sends_status_idx" ON "email_sends"("status");

-- CreateIndex
CREATE INDEX "email_sends_sent_at_idx" ON "email_sends"("sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_sends_campaign_id_email_key" ON "email_sends"("campaign_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "referral_program_referral_code_key" ON "referral_program"("referral_code");

-- CreateIndex
CREATE INDEX "referral_program_referrer_id_idx" ON "referral_program"("referrer_id");

-- CreateIndex
CREATE INDEX "referral_program_referred_id_idx" ON "referral_program"("referred_id");

-- CreateIndex
CREATE INDEX "referral_program_status_idx" ON "referral_program"("status");

-- CreateIndex
CREATE INDEX "referral_program_created_at_idx" ON "referral_program"("created_at");

-- CreateIndex
CREATE INDEX "IDX_session_expire" ON "session"("expire");

-- AddForeignKey
ALTER TABLE "sites" ADD CONSTRAINT "sites_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_configs" ADD CONSTRAINT "site_configs_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_sessions" ADD CONSTRAINT "admin_sessions_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_subscriptions" ADD CONSTRAINT "customer_subscriptions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_subscriptions" ADD CONSTRAINT "customer_subscriptions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "billing_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "customer_subscriptions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_ai_request_id_fkey" FOREIGN KEY ("ai_request_id") REFERENCES "ai_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_monitoring" ADD CONSTRAINT "site_monitoring_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_activity_log" ADD CONSTRAINT "admin_activity_log_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "templates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_template_a_id_fkey" FOREIGN KEY ("template_a_id") REFERENCES "templates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_template_b_id_fkey" FOREIGN KEY ("template_b_id") REFERENCES "templates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "admin_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_sends" ADD CONSTRAINT "email_sends_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "email_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_sends" ADD CONSTRAINT "email_sends_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_program" ADD CONSTRAINT "referral_program_referrer_id_fkey" FOREIGN KEY ("referrer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_program" ADD CONSTRAINT "referral_program_referred_id_fkey" FOREIGN KEY ("referred_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Value ranges the spec states in comments (Prisma has no syntax for CHECK constraints).
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_priority_check" CHECK ("priority" BETWEEN 1 AND 10);
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_customer_feedback_check" CHECK ("customer_feedback" BETWEEN 1 AND 5);
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_costs_check" CHECK ("estimated_cost" >= 0 AND "actual_cost" >= 0);
ALTER TABLE "admin_users" ADD CONSTRAINT "admin_users_permissions_check" CHECK ("permissions" IS NULL OR jsonb_typeof("permissions") = 'array');
ALTER TABLE "billing_plans" ADD CONSTRAINT "billing_plans_values_check" CHECK ("price_monthly" >= 0 AND "price_yearly" >= 0 AND "ai_credits_included" >= 0 AND "max_sites" >= 0);
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_traffic_split_check" CHECK ("traffic_split" BETWEEN 0 AND 100);
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_distinct_templates_check" CHECK ("template_a_id" <> "template_b_id");
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_dates_check" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date");
ALTER TABLE "referral_program" ADD CONSTRAINT "referral_program_distinct_customers_check" CHECK ("referred_id" IS NULL OR "referred_id" <> "referrer_id");
