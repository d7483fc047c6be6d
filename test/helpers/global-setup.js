// jest globalSetup: prepares this run's test databases (see prepare-databases.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTestSecrets } from "./test-secrets.js";

const here = path.dirname(fileURLToPath(import.meta.url));

export function prepare(command, workers) {
  execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(here, "prepare-databases.ts"), command, String(workers)],
    {
      stdio: "inherit",
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
}

export default function globalSetup(globalConfig) {
  // Read by databases.ts in this process's children and in the jest workers started after this.
  process.env.LOCOD_TEST_RUN = String(process.pid);
  setTestSecrets();
  prepare("create", globalConfig.maxWorkers);
}
