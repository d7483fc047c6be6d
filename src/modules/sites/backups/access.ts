// The permission of the sites' "Backups" action, for the table spec's access (a read: the page itself;
// its writes are checked by the service, which accepts sites.backup or monitoring.backup).
export const SITE_BACKUP_ACTION_ACCESS = { backups: "view" } as const;
