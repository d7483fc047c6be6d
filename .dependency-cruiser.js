// The layer rules of the source tree, checked by `npm run lint:deps` (part of `npm run lint`):
//
// 1. no-circular: no import cycle, type-only imports included (a cycle of types still ties two files
//    into one unit that cannot be read or moved apart).
// 2. lib-imports-no-module: src/lib and src/db import no module (src/modules/, src/modules.ts) and
//    neither src/http nor src/admin: they are the ground everything stands on.
// 3. layers-reach-modules-through-the-list: src/http, src/admin and src/queues reach a module only
//    through src/modules.ts, the one ordered list of modules.
// 4. modules-meet-through-index: a module imports another module only through that module's public
//    src/modules/<m>/index.ts.
// 5. components-import-types-and-format: React components (bundled for the browser) import from src/
//    only types, src/lib/format and src/lib/status-tone. Type-only imports are exempt here, and only here, because this rule
//    is about what the browser bundle pulls in at run time.
//
// Violations that existed when the rules were introduced are listed in depcruise-baseline.json
// (`npm run lint:deps:baseline` rewrites it) and ignored; any new violation fails the lint.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles (type-only imports included) make files that cannot be understood or moved apart.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-imports-no-module",
      severity: "error",
      comment: "src/lib and src/db are shared ground: they import no module and neither http nor admin.",
      from: { path: "^src/(lib|db)/" },
      to: { path: "^src/(modules/|modules\\.ts$|http/|admin/)" },
    },
    {
      name: "layers-reach-modules-through-the-list",
      severity: "error",
      comment: "src/http, src/admin and src/queues reach modules only through src/modules.ts.",
      from: { path: "^src/(http|admin|queues)/" },
      to: { path: "^src/modules/" },
    },
    {
      name: "modules-meet-through-index",
      severity: "error",
      comment: "A module imports another module only through its public src/modules/<m>/index.ts.",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/[^/]+/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "components-import-types-and-format",
      severity: "error",
      comment:
        "Components are bundled for the browser: from src/ they import only types, src/lib/format and src/lib/status-tone " +
        "(type-only imports are exempt: they leave nothing in the bundle).",
      from: { path: "^components/" },
      to: { path: "^src/", pathNot: "^src/lib/(format|status-tone)(\\.ts$|/)", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too (rule 5 exempts them by their type).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
