// The settings module's words, French and English side by side: admin users, sessions, the activity log, security alerts, password resets, the e-mail log, caught e-mails and settings.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const settingsLocale: ModuleLocale = {
  resources: {
    admin_users: {
      label: ["Utilisateurs admin", "Admin users"],
      common: ["id", "createdAt", "status", "name", "email"],
      properties: {
        role: ["Rôle", "Role"],
        password: ["Mot de passe", "Password"],
        passwordHash: ["Empreinte du mot de passe", "Password hash"],
        lastLogin: ["Dernière connexion", "Last login"],
        permissions: ["Permissions (JSON)", "Permissions (JSON)"],
        language: ["Langue du back-office", "Back-office language"],
      },
    },
    admin_sessions: {
      label: ["Sessions API", "API sessions"],
      common: ["createdAt", "admin", "ipAddress", "userAgent"],
      properties: {
        id: ["Identifiant du jeton", "Token id"],
        expiresAt: ["Expire le", "Expires at"],
      },
    },
    admin_activity_log: {
      label: ["Journal d'activité", "Activity log"],
      common: ["id", "createdAt", "admin", "ipAddress", "userAgent"],
      properties: {
        action: ["Action", "Action"],
        resourceType: ["Type de ressource", "Resource type"],
        resourceId: ["ID de la ressource", "Resource id"],
        oldValues: ["Anciennes valeurs (JSON)", "Old values (JSON)"],
        newValues: ["Nouvelles valeurs (JSON)", "New values (JSON)"],
      },
    },
    email_log: {
      label: ["E-mails envoyés", "E-mail log"],
      common: ["id", "createdAt", "status", "customer"],
      properties: {
        template: ["Modèle", "Template"],
        language: ["Langue", "Language"],
        toAddress: ["Destinataire", "To"],
        subject: ["Objet", "Subject"],
        aiRequest: ["Demande IA", "AI request"],
        invoice: ["Facture", "Invoice"],
        attempts: ["Tentatives", "Attempts"],
        lastError: ["Dernière erreur", "Last error"],
        messageId: ["Identifiant du message", "Message id"],
        sentAt: ["Envoyé le", "Sent at"],
      },
    },
    // E-mails kept instead of sent when SMTP_URL is unset outside production (src/lib/email/mailer.ts).
    caught_emails: {
      label: ["E-mails interceptés", "Caught e-mails"],
      common: ["id", "createdAt"],
      properties: {
        fromAddress: ["Expéditeur", "From"],
        toAddress: ["Destinataire", "To"],
        cc: ["Copie", "Cc"],
        subject: ["Objet", "Subject"],
        text: ["Texte", "Text"],
        html: ["Version HTML", "HTML version"],
        emailLog: ["E-mail du journal", "E-mail log entry"],
      },
    },
    settings: {
      label: ["Réglages", "Settings"],
      common: [],
      properties: {
        key: ["Clé", "Key"],
        value: ["Valeur (JSON)", "Value (JSON)"],
        updatedAt: ["Modifié le", "Updated at"],
        updater: ["Modifié par", "Updated by"],
      },
    },
    security_alerts: {
      label: ["Alertes de sécurité", "Security alerts"],
      common: ["id", "createdAt", "admin", "email", "ipAddress"],
      properties: {
        kind: ["Type d'alerte", "Alert kind"],
        details: ["Détails (JSON)", "Details (JSON)"],
        acknowledgedAt: ["Prise en compte le", "Acknowledged at"],
        acknowledger: ["Prise en compte par", "Acknowledged by"],
      },
    },
    password_reset_tokens: {
      label: ["Réinitialisations de mot de passe", "Password resets"],
      common: ["id", "createdAt", "admin"],
      properties: {
        requester: ["Demandée par", "Requested by"],
        expiresAt: ["Expire le", "Expires at"],
        usedAt: ["Utilisée le", "Used at"],
        tokenHash: ["Empreinte du jeton", "Token hash"],
      },
    },
  },
  enums: {
    AdminRole: {
      super_admin: ["Super admin", "Super admin"],
      admin: ["Admin", "Admin"],
      editor: ["Éditeur", "Editor"],
      viewer: ["Lecteur", "Viewer"],
    },
    AdminStatus: { active: ["Actif", "Active"], disabled: ["Désactivé", "Disabled"] },
    SecurityAlertKind: {
      failed_login_burst: ["Rafale d'échecs de connexion", "Burst of failed logins"],
      account_locked: ["Compte verrouillé", "Account locked"],
      new_ip_login: ["Connexion depuis une nouvelle IP", "Login from a new IP"],
      forced_logout: ["Déconnexion forcée", "Forced logout"],
    },
    EmailLogStatus: { queued: ["En file", "Queued"], sent: ["Envoyé", "Sent"], failed: ["Échec", "Failed"] },
  },
  messages: {
    // Security alerts (resource.ts).
    securityAlertAcknowledged: ["Alerte prise en compte", "Alert acknowledged"],
    securityAlertAlreadyAcknowledged: [
      "Cette alerte était déjà prise en compte",
      "This alert was already acknowledged",
    ],
    securityAlertsAcknowledged: ["Alertes prises en compte", "Alerts acknowledged"],
    // The admin user form (resource.ts).
    passwordTooShort: ["12 caractères au moins", "At least 12 characters"],
    passwordTooLong: ["64 caractères (72 octets) au plus", "At most 64 characters (72 bytes)"],
    passwordHint: [
      "12 à 64 caractères. En modification, laisser vide pour garder le mot de passe actuel.",
      "12 to 64 characters. When editing, leave empty to keep the current password.",
    ],
    permissionsHint: [
      'Vide : les droits du rôle. Sinon un tableau qui les restreint, ex. ["ai_queue.view", "customers.view"]',
      'Empty: the role\'s rights. Otherwise an array narrowing them, e.g. ["ai_queue.view", "customers.view"]',
    ],
    // Admin users and passwords (src/modules/settings/service.ts, password-policy.ts).
    passwordNewHint: [
      "12 à 64 caractères, ni un mot de passe courant, ni l'e-mail ou le nom de la personne. Ensuite, seule la personne le change (lien de réinitialisation ou « Changer mon mot de passe »).",
      "12 to 64 characters, not a common password, nor the person's e-mail or name. Afterwards only its owner changes it (reset link or “Change my password”).",
    ],
    passwordRepeated: [
      "Quelques caractères répétés : trop facile à deviner",
      "A few characters repeated: too easy to guess",
    ],
    passwordSequence: [
      "Une suite de l'alphabet, de chiffres ou du clavier : trop facile à deviner",
      "A run of the alphabet, digits or keyboard: too easy to guess",
    ],
    passwordCommon: [
      "Mot de passe trop courant (ou un mot de passe courant entouré de chiffres ou de symboles)",
      "Too common a password (or a common one with digits or symbols around it)",
    ],
    passwordContainsEmail: ["Ne doit pas contenir l'adresse e-mail", "Must not contain the e-mail address"],
    passwordContainsName: ["Ne doit pas contenir le nom de la personne", "Must not contain the person's name"],
    passwordUseReset: [
      "Le mot de passe d'un autre ne se choisit pas : utilisez « Réinitialiser le mot de passe »",
      "Another person's password is not chosen for them: use “Reset password”",
    ],
    passwordMismatch: ["Les deux nouveaux mots de passe diffèrent", "The two new passwords differ"],
    currentPasswordWrong: ["Mot de passe actuel incorrect", "The current password is wrong"],
    passwordUnchanged: [
      "Le nouveau mot de passe doit différer de l'actuel",
      "The new password must differ from the current one",
    ],
    passwordChangedElsewhere: [
      "Le mot de passe a été changé entre-temps : recommencez",
      "The password was changed meanwhile: try again",
    ],
    resetTokenUnknown: ["Ce lien de réinitialisation n'est pas valide", "This reset link is not valid"],
    resetTokenUsed: ["Ce lien de réinitialisation a déjà servi", "This reset link has already been used"],
    resetTokenExpired: ["Ce lien de réinitialisation a expiré", "This reset link has expired"],
    notLoggedIn: ["Connectez-vous d'abord", "Log in first"],
    adminNotFound: ["Cet utilisateur admin n'existe pas", "No such admin user"],
    selfDisable: ["Vous ne pouvez pas désactiver votre propre compte", "You cannot disable your own account"],
    lastSuperAdmin: [
      "C'est le dernier super admin actif : nommez d'abord un autre super_admin",
      "This is the last active super admin: promote another admin to super_admin first",
    ],
    alreadyDisabled: ["Ce compte est déjà désactivé", "This account is already disabled"],
    alreadyActive: ["Ce compte est déjà actif", "This account is already active"],
    permissionUnknown: [
      "Permission inconnue (voir la matrice des permissions)",
      "Unknown permission (see the permission matrix)",
    ],
    disableExplain: [
      "Le compte ne pourra plus se connecter, et toutes ses sessions (navigateur et jetons API) prennent fin maintenant.",
      "The account will no longer be able to log in, and all its sessions (browser and API tokens) end now.",
    ],
    enableExplain: [
      "Le compte pourra de nouveau se connecter avec son mot de passe.",
      "The account will be able to log in again with its password.",
    ],
    resetPasswordExplain: [
      "Un lien à usage unique, valable une heure, est envoyé par e-mail à la personne : c'est elle qui choisit son nouveau mot de passe. Ses sessions prennent fin quand elle l'a choisi.",
      "A one-time link, valid for one hour, is e-mailed to the person: they choose their new password themselves. Their sessions end once they have.",
    ],
    forceLogoutExplain: [
      "Toutes les sessions du compte (navigateur et jetons API) prennent fin maintenant ; il devra se reconnecter.",
      "All the account's sessions (browser and API tokens) end now; it will have to log in again.",
    ],
    disableDone: ["Compte désactivé, sessions terminées", "Account disabled, sessions ended"],
    enableDone: ["Compte réactivé", "Account enabled"],
    resetPasswordDone: ["Lien de réinitialisation envoyé par e-mail", "Reset link e-mailed"],
    forceLogoutDone: ["Toutes les sessions du compte sont terminées", "All the account's sessions have ended"],
    accountChangePassword: ["Changer mon mot de passe", "Change my password"],
    // The account page inside the layout (components/AccountPassword.tsx, account-routes.ts).
    accountSignedInAs: ["Compte", "Account"],
    accountCurrentPassword: ["Mot de passe actuel", "Current password"],
    accountNewPassword: ["Nouveau mot de passe", "New password"],
    accountConfirmPassword: ["Le même, une seconde fois", "The same, once more"],
    accountPasswordRules: [
      "12 à 64 caractères ; ni un mot de passe courant, ni votre e-mail ou votre nom. Une phrase de plusieurs mots fait un bon mot de passe.",
      "12 to 64 characters; not a common password, nor your e-mail or name. A sentence of several words makes a good password.",
    ],
    accountSave: ["Enregistrer", "Save"],
    accountPasswordChanged: [
      "Votre mot de passe est changé. Vos autres sessions (autres navigateurs, jetons API) ont pris fin.",
      "Your password is changed. Your other sessions (other browsers, API tokens) have ended.",
    ],
    accountLocked: [
      "Trop de mots de passe erronés : réessayez plus tard.",
      "Too many wrong passwords: try again later.",
    ],
    accountNoSession: ["Connectez-vous d'abord.", "Log in first."],
    // Caught e-mails (src/modules/settings/resource.ts, components/CaughtEmailHtml.tsx).
    deleteAllExplain: [
      "Tous les e-mails interceptés sont supprimés. Les e-mails du journal restent.",
      "Every caught e-mail is deleted. The e-mail log keeps its entries.",
    ],
    deleteAllDone: ["E-mails interceptés supprimés", "Caught e-mails deleted"],
    caughtEmailNoHtml: ["Pas de version HTML", "No HTML version"],
    caughtEmailHtmlTitle: ["Aperçu HTML de l'e-mail", "HTML preview of the e-mail"],
  },
  pages: {
    account: ["Mon compte", "My account"],
  },
  actions: {
    bulkAcknowledge: ["Prendre en compte", "Acknowledge"],
    // Admin users (src/modules/settings/resource.ts).
    disable: ["Désactiver", "Disable"],
    enable: ["Réactiver", "Enable"],
    resetPassword: ["Réinitialiser le mot de passe", "Reset password"],
    forceLogout: ["Déconnecter partout", "Log out everywhere"],
    // Caught e-mails: empty the box.
    deleteAll: ["Tout supprimer", "Delete all"],
    // The audit log's words for what this module records (admin_activity_log.action, dots as underscores).
    settings_update: ["Paramètre modifié", "Setting updated"],
  },
};
