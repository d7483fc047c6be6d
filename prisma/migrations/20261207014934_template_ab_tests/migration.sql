-- CreateEnum
CREATE TYPE "ab_variant" AS ENUM ('A', 'B');

-- CreateEnum
CREATE TYPE "ab_event_kind" AS ENUM ('exposure', 'conversion');

-- AlterTable
ALTER TABLE "template_ab_tests" ADD COLUMN     "baseline_rate" DECIMAL(5,4) NOT NULL DEFAULT 0.05,
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "goal" VARCHAR(64) NOT NULL DEFAULT 'signup',
ADD COLUMN     "minimum_effect" DECIMAL(5,4) NOT NULL DEFAULT 0.10,
ADD COLUMN     "override_reason" TEXT,
ADD COLUMN     "rolled_up_at" TIMESTAMPTZ(3),
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "version_a_id" INTEGER,
ADD COLUMN     "version_b_id" INTEGER,
ADD COLUMN     "winner" "ab_variant";

-- CreateTable
CREATE TABLE "template_ab_events" (
    "id" SERIAL NOT NULL,
    "test_id" INTEGER NOT NULL,
    "event_id" VARCHAR(64) NOT NULL,
    "visitor_id" VARCHAR(64) NOT NULL,
    "variant" "ab_variant" NOT NULL,
    "kind" "ab_event_kind" NOT NULL,
    "goal" VARCHAR(64),
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "template_ab_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_ab_daily" (
    "id" SERIAL NOT NULL,
    "test_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "variant" "ab_variant" NOT NULL,
    "kind" "ab_event_kind" NOT NULL,
    "goal" VARCHAR(64) NOT NULL DEFAULT '',
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "template_ab_daily_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "template_ab_events_test_id_event_id_key" ON "template_ab_events"("test_id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "template_ab_daily_test_id_day_variant_kind_goal_key" ON "template_ab_daily"("test_id", "day", "variant", "kind", "goal");

-- CreateIndex
CREATE INDEX "template_ab_tests_version_a_id_idx" ON "template_ab_tests"("version_a_id");

-- CreateIndex
CREATE INDEX "template_ab_tests_version_b_id_idx" ON "template_ab_tests"("version_b_id");

-- AddForeignKey
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_version_a_id_fkey" FOREIGN KEY ("version_a_id") REFERENCES "template_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_version_b_id_fkey" FOREIGN KEY ("version_b_id") REFERENCES "template_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_ab_events" ADD CONSTRAINT "template_ab_events_test_id_fkey" FOREIGN KEY ("test_id") REFERENCES "template_ab_tests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_ab_daily" ADD CONSTRAINT "template_ab_daily_test_id_fkey" FOREIGN KEY ("test_id") REFERENCES "template_ab_tests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- By hand: the rates of the power calculation, a goal on conversions only, counts >= 0, a winner only on
-- a completed test.
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_baseline_rate_check"
  CHECK ("baseline_rate" > 0 AND "baseline_rate" < 1);
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_minimum_effect_check" CHECK ("minimum_effect" > 0);
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_effect_within_check"
  CHECK ("baseline_rate" * (1 + "minimum_effect") < 1);
ALTER TABLE "template_ab_tests" ADD CONSTRAINT "template_ab_tests_winner_check"
  CHECK ("winner" IS NULL OR "status" = 'completed');
ALTER TABLE "template_ab_events" ADD CONSTRAINT "template_ab_events_goal_check"
  CHECK (("kind" = 'conversion') = ("goal" IS NOT NULL));
ALTER TABLE "template_ab_daily" ADD CONSTRAINT "template_ab_daily_visitors_check" CHECK ("visitors" >= 0);

-- One running test per template pair, in either order.
CREATE UNIQUE INDEX "template_ab_tests_one_running_per_pair"
  ON "template_ab_tests" (LEAST("template_a_id", "template_b_id"), GREATEST("template_a_id", "template_b_id"))
  WHERE "status" = 'running';

-- A started test keeps its design: changing the split, the versions or the goal under way would move
-- visitors between variants or change what is measured (every path refuses it: 409).
CREATE FUNCTION "template_ab_tests_design_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'draft' AND (
       NEW."template_a_id", NEW."template_b_id", NEW."version_a_id", NEW."version_b_id",
       NEW."traffic_split", NEW."goal", NEW."baseline_rate", NEW."minimum_effect"
     ) IS DISTINCT FROM (
       OLD."template_a_id", OLD."template_b_id", OLD."version_a_id", OLD."version_b_id",
       OLD."traffic_split", OLD."goal", OLD."baseline_rate", OLD."minimum_effect"
     ) THEN
    RAISE EXCEPTION 'A started A/B test keeps its templates, versions, split, goal and planned effect'
      USING ERRCODE = 'LC409';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "template_ab_tests_design_frozen" BEFORE UPDATE ON "template_ab_tests"
  FOR EACH ROW EXECUTE FUNCTION "template_ab_tests_design_frozen"();
