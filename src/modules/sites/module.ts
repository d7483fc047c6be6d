import { defineModule } from "../../module.js";
import { sitesTimeline } from "./timeline.js";
import { sitesResources } from "./resource.js";
import { sitesLocale } from "./locale.js";
import { sitesTables } from "./tables.js";
import { SITE_BACKUP_OPERATIONS, siteBackupDownloadRoutes, siteBackupRoutes } from "./backups/routes.js";
import { siteBackupJobs, siteBackupSchedules } from "./backups/jobs.js";

export const sitesModule = defineModule({
  name: "sites",
  // Its events in a customer\'s story (the customer 360 timeline).
  customerTimeline: sitesTimeline,
  tables: sitesTables,
  locale: sitesLocale,
  navigation: { name: ["Sites", "Sites"], icon: "Globe" },
  resources: sitesResources,
  // Backups and restore of site configs (backups/): REST, the session's download, the daily job.
  api: [{ routes: siteBackupRoutes, operations: SITE_BACKUP_OPERATIONS }],
  adminRoutes: siteBackupDownloadRoutes,
  jobs: siteBackupJobs,
  schedules: siteBackupSchedules,
});
