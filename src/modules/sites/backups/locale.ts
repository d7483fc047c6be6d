// The words of the sites' backups (French, English): the "Backups" action, its page and its notices,
// the backup columns of site_configs and their kinds. Merged into the sites module's locale.
import type { ModuleLocale, Words } from "../../../module.js";

export const siteBackupProperties: Record<string, Words> = {
  kind: ["Origine", "Kind"],
  note: ["Note", "Note"],
  createdBy: ["Créée par", "Created by"],
  createdById: ["Créée par", "Created by"],
  restoredFrom: ["Restaurée depuis la version", "Restored from version"],
};

export const siteBackupLocale: Required<Pick<ModuleLocale, "enums" | "messages" | "actions">> = {
  enums: {
    SiteConfigKind: {
      edit: ["Modification", "Edit"],
      manual: ["Sauvegarde manuelle", "Manual backup"],
      daily: ["Sauvegarde quotidienne", "Daily backup"],
      restore: ["Restauration", "Restore"],
    },
  },
  actions: { backups: ["Sauvegardes", "Backups"] },
  messages: {
    siteBackupsExplain: [
      "Chaque version de la configuration du site. Une sauvegarde enregistre la configuration actuelle comme nouvelle version ; une restauration écrit une nouvelle version identique à celle choisie, sans effacer l'actuelle.",
      "Every version of the site's configuration. A backup records the current configuration as a new version; a restore writes a new version equal to the chosen one, and the current one is kept.",
    ],
    siteBackupNote: ["Note (facultative)", "Note (optional)"],
    siteBackupNow: ["Sauvegarder maintenant", "Back up now"],
    siteBackupsNone: ["Ce site n'a encore aucune configuration.", "This site has no configuration yet."],
    siteBackupsTable: ["Versions de la configuration", "Configuration versions"],
    siteBackupCompareColumn: ["Comparer", "Compare"],
    siteBackupActionsColumn: ["Actions", "Actions"],
    siteBackupPick: ["Choisir la version {{version}} pour comparer", "Pick version {{version}} to compare"],
    siteBackupCurrent: ["actuelle", "current"],
    siteBackupRestoredFrom: ["(depuis v{{version}})", "(from v{{version}})"],
    siteBackupSystem: ["Système", "System"],
    siteBackupDownload: ["Télécharger (JSON)", "Download (JSON)"],
    siteBackupRestore: ["Restaurer", "Restore"],
    siteBackupRestoreConfirm: [
      "Restaurer la version {{version}} ? Une nouvelle version identique à la v{{version}} deviendra la configuration actuelle ; la v{{current}} reste dans l'historique.",
      "Restore version {{version}}? A new version equal to v{{version}} becomes the current configuration; v{{current}} stays in the history.",
    ],
    siteBackupCompare: ["Comparer les deux versions", "Compare the two versions"],
    siteBackupCompareHint: ["Cochez deux versions.", "Tick two versions."],
    siteBackupDiffTitle: ["De la v{{from}} à la v{{to}}", "From v{{from}} to v{{to}}"],
    siteBackupDiffSame: ["Les deux versions sont identiques.", "The two versions are the same."],
    siteBackupDiffCounts: [
      "{{changed}} modifiée(s), {{added}} ajoutée(s), {{removed}} supprimée(s)",
      "{{changed}} changed, {{added}} added, {{removed}} removed",
    ],
    siteBackupDiffPath: ["Clé", "Key"],
    siteBackupDiffChange: ["Changement", "Change"],
    siteBackupDiffBefore: ["Avant (v{{version}})", "Before (v{{version}})"],
    siteBackupDiffAfter: ["Après (v{{version}})", "After (v{{version}})"],
    siteBackupDiff_changed: ["modifiée", "changed"],
    siteBackupDiff_added: ["ajoutée", "added"],
    siteBackupDiff_removed: ["supprimée", "removed"],
    siteBackupDone: ["Sauvegarde enregistrée", "Backup saved"],
    siteRestoreDone: [
      "Version restaurée : elle est la configuration actuelle",
      "Version restored: it is the current configuration",
    ],
    siteBackupRefused_noSite: ["Ce site n'existe plus", "This site no longer exists"],
    siteBackupRefused_noVersion: ["Cette version n'existe pas", "This version does not exist"],
    siteBackupRefused_noConfig: [
      "Ce site n'a encore aucune configuration à sauvegarder",
      "This site has no configuration to back up yet",
    ],
    siteBackupRefused_currentMoved: [
      "Une autre version a été écrite entre-temps : rechargez la liste et recommencez",
      "Another version was written meanwhile: reload the list and try again",
    ],
    siteBackupRefused_isCurrent: [
      "Cette version est déjà la configuration actuelle",
      "This version is already the current configuration",
    ],
    siteBackupRefused_race: [
      "Une autre version a été écrite au même moment : réessayez",
      "Another version was written at the same moment: try again",
    ],
  },
};
