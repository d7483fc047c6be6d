// The auth module's words, French and English side by side: the login form.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const authLocale: ModuleLocale = {
  messages: {
    // The login page (AdminJS's form; src/http/login-throttle.ts).
    invalidCredentials: ["E-mail ou mot de passe incorrect", "Invalid e-mail or password"],
    // Login protection (throttle.ts).
    tooManyLoginAttempts: [
      "Trop de tentatives de connexion échouées : réessayez plus tard.",
      "Too many failed login attempts: try again later.",
    ],
  },
};
