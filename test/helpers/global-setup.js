// jest globalSetup: prepares the test databases (see prepare-databases.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default function globalSetup(globalConfig) {
  execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(here, "prepare-databases.ts"), String(globalConfig.maxWorkers)],
    {
      stdio: "inherit",
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
}
