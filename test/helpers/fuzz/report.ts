// What the fuzz run sent and how each answer was judged, and the report of its failures grouped by
// class and route (a compact one for the test's failure message, the full one as markdown).
import { shorten } from "./inputs.js";
import type { Verdict } from "./judge.js";

export interface Sent {
  surface: "REST" | "AdminJS";
  /** METHOD and route template, e.g. `POST /customers/customers`. */
  route: string;
  /** What was wrong with the input, e.g. `email: NUL byte`. */
  mutation: string;
  /** The request as sent, shortened. */
  request: string;
  marker: string;
  status: number;
  /** Refused: a 4xx/5xx, or an AdminJS error notice (what it sent must then be nowhere in the database). */
  refused: boolean;
  /** The answer's start, for the report. */
  answer: string;
  verdict: Verdict;
}

export interface Failure {
  failure: string;
  sent: Sent;
}

export function failuresOf(sent: readonly Sent[], extra: readonly Failure[] = []): Failure[] {
  return [
    ...sent.filter((s) => s.verdict.outcome === "failure").map((s) => ({ failure: s.verdict.failure!, sent: s })),
    ...extra,
  ];
}

interface Group {
  failure: string;
  route: string;
  count: number;
  mutations: Set<string>;
  example: Sent;
}

export function groupFailures(failures: readonly Failure[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { failure, sent } of failures) {
    const key = `${failure}\u0000${sent.surface} ${sent.route}`;
    const group = groups.get(key) ?? {
      failure,
      route: `${sent.surface} ${sent.route}`,
      count: 0,
      mutations: new Set<string>(),
      example: sent,
    };
    group.count += 1;
    group.mutations.add(sent.mutation.replace(/^[^:]*: /, ""));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.failure.localeCompare(b.failure) || b.count - a.count);
}

/** A few lines per class: its count and its routes with their counts (for the test's failure message). */
export function compactReport(seed: number, sent: readonly Sent[], failures: readonly Failure[]): string {
  const lines = [`fuzz seed ${seed}: ${sent.length} requests, ${failures.length} failures`];
  const byClass = new Map<string, Group[]>();
  for (const group of groupFailures(failures))
    byClass.set(group.failure, [...(byClass.get(group.failure) ?? []), group]);
  for (const [failure, groups] of byClass) {
    const total = groups.reduce((n, g) => n + g.count, 0);
    lines.push(`- ${failure}: ${total} on ${groups.length} routes`);
    for (const g of groups.slice(0, 8))
      lines.push(`    ${g.count} × ${g.route} (e.g. ${shorten(g.example.mutation, 80)})`);
    if (groups.length > 8) lines.push(`    … ${groups.length - 8} more routes`);
  }
  lines.push("Replay with FUZZ_SEED and FUZZ_RUNS; FUZZ_REPORT=<file.md> writes every failure with an example.");
  return lines.join("\n");
}

/** The whole report as markdown: totals per outcome, then each class with its routes and one example each. */
export function markdownReport(
  seed: number,
  runs: number,
  sent: readonly Sent[],
  failures: readonly Failure[],
): string {
  const count = (outcome: string) => sent.filter((s) => s.verdict.outcome === outcome).length;
  const out = [
    `# Fuzz report`,
    "",
    `Seed ${seed}, ${runs} runs per operation: ${sent.length} requests (${count("accepted")} accepted, ` +
      `${count("refused")} refused as they should be, ${count("failure")} failures), ${failures.length} failures in all.`,
    "",
  ];
  const byClass = new Map<string, Group[]>();
  for (const group of groupFailures(failures))
    byClass.set(group.failure, [...(byClass.get(group.failure) ?? []), group]);
  for (const [failure, groups] of byClass) {
    const total = groups.reduce((n, g) => n + g.count, 0);
    out.push(`## ${failure} (${total})`, "");
    const kinds = new Map<string, number>();
    for (const f of failures.filter((x) => x.failure === failure)) {
      const kind = `${f.sent.surface} ${f.sent.route.split(" ")[0]} ${f.sent.mutation.replace(/^[^:]*: /, "").replace(/fzm\d+x/g, "…")}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    out.push(
      `By input: ${[...kinds.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${kind} (${n})`)
        .join("; ")}`,
      "",
    );
    out.push("| route | count | inputs | example request | answer |", "| --- | --- | --- | --- | --- |");
    for (const g of groups) {
      const cell = (s: string) => shorten(s, 700).replace(/\|/g, "\\|").replace(/\n/g, " ");
      out.push(
        `| ${g.route} | ${g.count} | ${cell([...g.mutations].join(", "))} | ${cell(g.example.request)} | ${g.example.status} ${cell(g.example.answer).slice(0, 600)} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
