// `npm run lint:i18n`: fails, listing them, when an enum value of the schema, a property, a boolean, an
// action (AdminJS's and the modules'), a resource, a sidebar group or a page of the back-office has no
// words in French or in English. AdminJS is built from the modules as the server builds it, without
// connecting to anything (the Prisma client connects on its first query, which never comes).
import { locales } from "adminjs";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../src/config.js";
import type { Deps } from "../src/deps.js";
import { buildAdmin, translations } from "../src/admin/index.js";
import { missingWords, unwordedEnums, type ShownAdmin } from "../src/admin/i18n-check.js";
import { mergeTranslations } from "../src/admin/merge-translations.js";
import { ENUMS } from "../src/admin/locale.js";
import { createPrisma } from "../src/db/prisma.js";
import { createLogger } from "../src/lib/logger.js";
import { MODULES } from "../src/modules.js";

// Signing secrets of this run only: nothing is signed, but the configuration requires them.
const secret = () => randomBytes(48).toString("base64url");
const config = loadConfig({
  NODE_ENV: "development",
  DATABASE_URL: "postgresql://lint@127.0.0.1:1/none",
  SESSION_SECRET: secret(),
  JWT_SECRET: secret(),
  WIZARD_WEBHOOK_SECRET: secret(),
});
const prisma = createPrisma(config.databaseUrl);
// No queue, Redis or pg pool: building the resources reads none of them.
const deps = {
  config,
  prisma,
  log: createLogger("silent"),
} as unknown as Deps;

const admin = await buildAdmin(deps, MODULES);
const shown: ShownAdmin = {
  resources: admin.resources.map((resource) => {
    const decorated = resource.decorate();
    const visible = Object.values(decorated.properties).filter((p) =>
      (["list", "show", "edit", "filter"] as const).some((where) => p.isVisible(where)),
    );
    return {
      id: decorated.id(),
      properties: visible.map((p) => ({
        path: p.propertyPath,
        type: p.type(),
        values: (p.availableValues() ?? []).map((v) => String(v.value)),
      })),
      actions: Object.keys(decorated.actions),
    };
  }),
  navigation: MODULES.flatMap((m) => (m.navigation ? [m.navigation.name[0]] : [])),
  pages: Object.keys(admin.options.pages ?? {}),
};

const { fr, en } = translations(MODULES);
const missing = [
  ...unwordedEnums(ENUMS),
  // The browser gets AdminJS's own English under the portal's; French is the portal's alone.
  ...missingWords(shown, { fr, en: mergeTranslations(locales.en as never, en) }),
];
await prisma.$disconnect();

if (missing.length) {
  console.error(`lint:i18n: ${missing.length} word(s) missing:\n${missing.map((m) => `  ${m}`).join("\n")}`);
  process.exit(1);
}
const properties = shown.resources.reduce((n, r) => n + r.properties.length, 0);
const actions = shown.resources.reduce((n, r) => n + r.actions.length, 0);
console.log(
  `lint:i18n: ${shown.resources.length} resources, ${properties} properties, ${actions} actions and every enum value worded in French and English`,
);
