// One check of any type; never throws (a failure is a result the round records).
import { dnsCheck } from "./dns-check.js";
import { httpCheck } from "./http-check.js";
import { sslCheck } from "./ssl-check.js";
import { errorWords, type CheckEnv, type CheckResult, type CheckSpec } from "./check-env.js";

export async function runCheck(monitor: CheckSpec, env: CheckEnv): Promise<CheckResult> {
  try {
    switch (monitor.type) {
      case "http":
        return await httpCheck(monitor, env);
      case "ssl":
        return await sslCheck(monitor, env);
      case "dns":
        return await dnsCheck(monitor, env);
    }
  } catch (error) {
    return { isUp: false, statusCode: null, responseTimeMs: null, errorMessage: errorWords(error) };
  }
}
