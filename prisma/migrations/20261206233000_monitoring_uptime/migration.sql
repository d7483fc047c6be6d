-- Uptime rollups and time partitions of site_monitoring (issue 14, item 3; README "Monitoring").
--
-- site_monitoring becomes a table partitioned by day of check_time (UTC), so that the retention job
-- drops a whole day behind the retention period (monitoring.raw_retention_days) instead of deleting
-- millions of rows, and creates the days ahead. PostgreSQL wants the partition key in the primary key:
-- it is now (id, check_time). Prisma still declares `id` alone as the model's id: ids come from one
-- sequence, so `id` stays unique, and Prisma's reads (findUnique by id: WHERE id = $1) and createMany
-- work unchanged. A row whose day has no partition yet lands in site_monitoring_default; the job moves
-- such rows into their day's partition when it creates it.

ALTER TABLE "site_monitoring" RENAME TO "site_monitoring_unpartitioned";
ALTER TABLE "site_monitoring_unpartitioned" RENAME CONSTRAINT "site_monitoring_pkey" TO "site_monitoring_unpartitioned_pkey";
ALTER TABLE "site_monitoring_unpartitioned" RENAME CONSTRAINT "site_monitoring_site_id_fkey" TO "site_monitoring_unpartitioned_site_id_fkey";
ALTER INDEX "site_monitoring_site_id_check_time_idx" RENAME TO "site_monitoring_unpartitioned_1";
ALTER INDEX "site_monitoring_check_time_idx" RENAME TO "site_monitoring_unpartitioned_2";
ALTER INDEX "site_monitoring_check_type_idx" RENAME TO "site_monitoring_unpartitioned_3";
ALTER INDEX "site_monitoring_down_idx" RENAME TO "site_monitoring_unpartitioned_4";
ALTER INDEX "site_monitoring_http_failures_idx" RENAME TO "site_monitoring_unpartitioned_5";

CREATE TABLE "site_monitoring" (
    "id" INTEGER NOT NULL DEFAULT nextval('site_monitoring_id_seq'),
    "site_id" INTEGER NOT NULL,
    "check_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "response_time_ms" INTEGER,
    "is_up" BOOLEAN NOT NULL DEFAULT true,
    "error_message" TEXT,
    "check_type" "check_type" NOT NULL DEFAULT 'http',

    CONSTRAINT "site_monitoring_pkey" PRIMARY KEY ("id", "check_time")
) PARTITION BY RANGE ("check_time");
ALTER SEQUENCE "site_monitoring_id_seq" OWNED BY "site_monitoring"."id";

CREATE TABLE "site_monitoring_default" PARTITION OF "site_monitoring" DEFAULT;

-- A partition for every day that has rows, and for the week ahead.
DO $$
DECLARE d date;
BEGIN
  FOR d IN
    SELECT DISTINCT (check_time AT TIME ZONE 'UTC')::date FROM "site_monitoring_unpartitioned"
    UNION SELECT generate_series((now() AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date + 7, '1 day')::date
  LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "site_monitoring" FOR VALUES FROM (%L) TO (%L)',
      'site_monitoring_p' || to_char(d, 'YYYYMMDD'),
      (d::timestamp AT TIME ZONE 'UTC'), ((d + 1)::timestamp AT TIME ZONE 'UTC'));
  END LOOP;
END $$;

INSERT INTO "site_monitoring" SELECT * FROM "site_monitoring_unpartitioned";
DROP TABLE "site_monitoring_unpartitioned";

CREATE INDEX "site_monitoring_site_id_check_time_idx" ON "site_monitoring"("site_id", "check_time");
CREATE INDEX "site_monitoring_check_time_idx" ON "site_monitoring"("check_time");
CREATE INDEX "site_monitoring_check_type_idx" ON "site_monitoring"("check_type");
CREATE INDEX "site_monitoring_down_idx" ON "site_monitoring"("site_id", "check_time") WHERE NOT "is_up";
CREATE INDEX "site_monitoring_http_failures_idx" ON "site_monitoring"("check_time", "site_id")
  WHERE "check_type" = 'http' AND NOT "is_up";
ALTER TABLE "site_monitoring" ADD CONSTRAINT "site_monitoring_site_id_fkey"
  FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the checks of one site and check type add up to, per UTC hour and per UTC day (rules/uptime.ts):
-- up and down checks outside maintenance (a failed check counts down, pending or not), checks inside a
-- maintenance window, and the response times of the up checks: count, sum, largest, and a histogram over
-- the fixed bounds RT_BOUNDS (bucket j: times in (RT_BOUNDS[j-1], RT_BOUNDS[j]]). Written only by the
-- rollup job, which recomputes a period from the raw rows (re-running gives the same rows).
CREATE TABLE "site_monitoring_hourly" (
    "site_id" INTEGER NOT NULL,
    "check_type" "check_type" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "up_count" INTEGER NOT NULL,
    "down_count" INTEGER NOT NULL,
    "maintenance_count" INTEGER NOT NULL,
    "rt_count" INTEGER NOT NULL,
    "rt_sum" BIGINT NOT NULL,
    "rt_max" INTEGER,
    "rt_buckets" INTEGER[] NOT NULL,

    CONSTRAINT "site_monitoring_hourly_pkey" PRIMARY KEY ("site_id", "check_type", "hour"),
    CONSTRAINT "site_monitoring_hourly_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE
);
CREATE INDEX "site_monitoring_hourly_hour_idx" ON "site_monitoring_hourly"("hour");

CREATE TABLE "site_monitoring_daily" (
    "site_id" INTEGER NOT NULL,
    "check_type" "check_type" NOT NULL,
    "day" DATE NOT NULL,
    "up_count" INTEGER NOT NULL,
    "down_count" INTEGER NOT NULL,
    "maintenance_count" INTEGER NOT NULL,
    "rt_count" INTEGER NOT NULL,
    "rt_sum" BIGINT NOT NULL,
    "rt_max" INTEGER,
    "rt_buckets" INTEGER[] NOT NULL,

    CONSTRAINT "site_monitoring_daily_pkey" PRIMARY KEY ("site_id", "check_type", "day"),
    CONSTRAINT "site_monitoring_daily_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE
);
CREATE INDEX "site_monitoring_daily_day_idx" ON "site_monitoring_daily"("day");

-- How far the rollup job has gone, per grain ('hour', 'day'): rollups exist for every period before
-- rolled_until, and uptime reads the raw rows from there on.
CREATE TABLE "site_monitoring_rollup_state" (
    "grain" TEXT NOT NULL,
    "rolled_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "site_monitoring_rollup_state_pkey" PRIMARY KEY ("grain")
);
