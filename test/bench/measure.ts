// Timing and reporting for the bench: sequential requests over keep-alive connections (Node's fetch,
// undici), percentiles, the table and its PASS/MISS verdicts.

import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const TARGET_P95_MS = 100;
export const TARGET_RATIO = 3;

export interface Sample {
  ms: number;
  bytes: number;
}

export interface Timed {
  status: number;
  body: string;
  ms: number;
}

/** One request, timed from send to the last byte of the body (parsing JSON is left out for both sides). */
export async function timedGet(url: string, headers: Record<string, string> = {}): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface CaseResult {
  name: string;
  adminjs: { p50: number; p95: number; kb: number };
  floor: { p50: number; p95: number; kb: number };
  ratioP50: number;
  ratioP95: number;
  verdict: "PASS" | "MISS";
  note?: string;
}

export function summarise(name: string, adminjs: Sample[], floor: Sample[], note?: string): CaseResult {
  const stats = (samples: Sample[]) => ({
    p50: percentile(
      samples.map((s) => s.ms),
      50,
    ),
    p95: percentile(
      samples.map((s) => s.ms),
      95,
    ),
    kb: samples.length ? samples[0]!.bytes / 1024 : 0,
  });
  const a = stats(adminjs);
  const f = stats(floor);
  const ratioP50 = a.p50 / f.p50;
  const ratioP95 = a.p95 / f.p95;
  const verdict = a.p95 <= TARGET_P95_MS && ratioP95 <= TARGET_RATIO ? "PASS" : "MISS";
  return { name, adminjs: a, floor: f, ratioP50, ratioP95, verdict, ...(note ? { note } : {}) };
}

export function formatTable(results: CaseResult[]): string {
  const header = ["case", "adminjs p50", "p95", "kB", "floor p50", "p95", "kB", "ratio p50", "ratio p95", "verdict"];
  const rows = results.map((r) => [
    r.name,
    r.adminjs.p50.toFixed(1),
    r.adminjs.p95.toFixed(1),
    r.adminjs.kb.toFixed(1),
    r.floor.p50.toFixed(1),
    r.floor.p95.toFixed(1),
    r.floor.kb.toFixed(1),
    `${r.ratioP50.toFixed(2)}x`,
    `${r.ratioP95.toFixed(2)}x`,
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The closing line of every bench's report: the machine's CPUs and load, which make figures noisy. */
export function machineNote(): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  return `  ${os.cpus().length} CPUs, load average ${load}: other processes on this machine make the numbers noisy.\n`;
}

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../artifacts");

/**
 * The end of every bench: prints its report and machineNote(), and writes its figures to
 * test/artifacts/bench-<name>.json with the time, the CPUs and the load average. Returns the file's path.
 */
export async function writeBenchReport(
  name: string,
  report: string,
  figures: Record<string, unknown>,
): Promise<string> {
  process.stdout.write(`${report}${report.endsWith("\n") ? "" : "\n"}${machineNote()}`);
  const file = path.join(ARTIFACTS, `bench-${name}.json`);
  await mkdir(ARTIFACTS, { recursive: true });
  const record = { at: new Date().toISOString(), ...figures, cpus: os.cpus().length, loadAverage: os.loadavg() };
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** What http-load.mjs counted: requests sent, answered as the scenario expects, refused, failed. */
export interface HttpLoad {
  sent: number;
  ok: number;
  refused: number;
  errors: number;
  seconds: number;
}

/**
 * Runs http-load.mjs's `scenario` against `baseUrl` for `seconds` with `connections` keep-alive
 * connections, in a child process (the client never shares the server's event loop).
 */
export async function httpLoad(
  scenario: "collect" | "ab-events" | "track",
  baseUrl: string,
  seconds: number,
  connections: number,
  args: readonly string[],
): Promise<HttpLoad> {
  const script = fileURLToPath(new URL("./http-load.mjs", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [
    script,
    scenario,
    baseUrl,
    String(seconds),
    String(connections),
    ...args,
  ]);
  return JSON.parse(stdout) as HttpLoad;
}
