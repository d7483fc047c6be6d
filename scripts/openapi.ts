// Writes the OpenAPI document of /admin/api/v1 to a file without starting a server:
// `tsx scripts/openapi.ts [out]` (test/artifacts/openapi.json by default). `npm run lint:openapi` lints it.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { apiDocument } from "../src/http/api.js";

const out = resolve(process.argv[2] ?? "test/artifacts/openapi.json");
const document = await apiDocument();
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`${out}: ${Object.keys(document.paths).length} paths`);
