// An http monitor's check: GET the target (redirects followed), the expected status, the keyword in
// the body when one is set, all within the monitor's timeout.
import { STATUS_CODES } from "node:http";
import { request } from "undici";
import { httpUrl } from "../rules/check-target.js";
import { elapsedMs, errorWords, type CheckEnv, type CheckResult, type CheckSpec } from "./check-env.js";

/** Bodies beyond this are not searched further for the keyword (a page, not a download). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const USER_AGENT = "Locod-AI-Monitor/1.0";

function statusWords(status: number, expected: number): string {
  const words = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  return expected === 200 ? words : `${words} (expected ${expected})`;
}

async function readText(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function httpCheck(monitor: CheckSpec, env: CheckEnv): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), monitor.timeoutMs);
  try {
    const res = await request(httpUrl(monitor.target), {
      method: "GET",
      dispatcher: env.http,
      signal: controller.signal,
      headers: { "user-agent": USER_AGENT, accept: "text/html,*/*" },
      headersTimeout: monitor.timeoutMs,
      bodyTimeout: monitor.timeoutMs,
    });
    let text: string | null = null;
    if (monitor.keyword && res.statusCode === monitor.expectedStatus) text = await readText(res.body);
    else await res.body.dump();
    const responseTimeMs = elapsedMs(started);
    const base = { statusCode: res.statusCode, responseTimeMs };
    if (res.statusCode !== monitor.expectedStatus) {
      return { ...base, isUp: false, errorMessage: statusWords(res.statusCode, monitor.expectedStatus) };
    }
    if (monitor.keyword && !text!.includes(monitor.keyword)) {
      return { ...base, isUp: false, errorMessage: `keyword "${monitor.keyword.slice(0, 200)}" not found` };
    }
    return { ...base, isUp: true, errorMessage: null };
  } catch (error) {
    const timedOut =
      controller.signal.aborted ||
      ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"].includes(
        (error as { code?: string }).code ?? "",
      );
    return {
      isUp: false,
      statusCode: null,
      responseTimeMs: elapsedMs(started),
      errorMessage: timedOut ? `timeout of ${monitor.timeoutMs}ms exceeded` : errorWords(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
