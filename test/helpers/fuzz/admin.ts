// The AdminJS half of the fuzz run: every resource's new, edit, list, search and bulk delete actions,
// posted as the portal's forms post them (form fields, a logged-in session, the portal's Origin).
import type supertest from "supertest";
import { BAD_PAGING, badValuesFor, formEncode, marker, nestedJson, shorten, type FieldInfo } from "./inputs.js";
import { judgeAdmin } from "./judge.js";
import { pick } from "./rest.js";
import type { Sent } from "./report.js";

export interface AdminProperty {
  path: string;
  type: string;
  required: boolean;
  editable: boolean;
  enumValues: string[];
}

export interface AdminResource {
  id: string;
  properties: AdminProperty[];
  /** Secret columns of the table (never shown, never filtered or sorted on). */
  secret: string[];
}

interface AdminMutation {
  label: string;
  action: "new" | "edit" | "list" | "search" | "bulkDelete";
  fields: string[];
  pairs?: [string, string][];
  query?: [string, string][];
  search?: string;
}

const ROOT = "/admin/api/resources";

/** What the report shows of an AdminJS answer: its notice and record errors, or the start of its text. */
function adminAnswer(status: number, body: unknown, text: string | undefined): string {
  const { notice, record } = (body ?? {}) as { notice?: unknown; record?: { errors?: unknown; baseError?: unknown } };
  if (status === 200 && notice) return JSON.stringify({ notice, errors: record?.errors, baseError: record?.baseError });
  return (text ?? "").slice(0, 1000);
}

/** A valid form value of a required property of a new record. */
function baseFormValue(p: AdminProperty, m: string, refId: (field: string) => number): string {
  if (p.enumValues.length) return p.enumValues[0]!;
  switch (p.type) {
    case "number":
    case "float":
    case "currency":
      return "1";
    case "reference":
      return String(refId(p.path));
    case "boolean":
      return "true";
    case "datetime":
      return "2026-06-01T10:00:00.000Z";
    case "date":
      return "2026-06-01";
    case "mixed":
    case "key-value":
      return "{}";
    case "password":
      return `Fz-${m}-Passw0rd!long`;
    default:
      return /email/i.test(p.path) ? `${m}@fuzz.test` : `${m} ${p.path}`;
  }
}

function formMutations(
  resource: AdminResource,
  action: "new" | "edit",
  m: string,
  refId: (field: string) => number,
  takenEmail: string,
): AdminMutation[] {
  const editable = resource.properties.filter((p) => p.editable);
  const base: [string, string][] =
    action === "new" ? editable.filter((p) => p.required).map((p) => [p.path, baseFormValue(p, m, refId)]) : [];
  const withPair = (name: string, value: string): [string, string][] => [
    ...base.filter(([k]) => k !== name),
    [name, value],
  ];
  const out: AdminMutation[] = [];
  // As for REST: a refusal may name a field of the valid part of the form.
  const named = (...fields: string[]) => [...fields, ...base.map(([k]) => k).filter((k) => !fields.includes(k))];
  for (const p of editable) {
    const info: FieldInfo = { name: p.path, adminType: p.type, enumValues: p.enumValues, takenEmail };
    for (const value of badValuesFor(info, m)) {
      if (value.kind === "null") continue;
      out.push({
        label: `${p.path}: ${value.kind}`,
        action,
        fields: named(p.path),
        pairs: withPair(p.path, value.form),
      });
    }
    out.push({
      label: `${p.path}: form keys nested 130 deep`,
      action,
      fields: named(p.path),
      pairs: [...base.filter(([k]) => k !== p.path), [`${p.path}${".a".repeat(130)}`, m]],
    });
  }
  for (const [kind, key] of [
    ["unknown field", `fuzzUnknown_${m}`],
    ["__proto__ key", "__proto__.polluted"],
    ["constructor key", "constructor.prototype.polluted"],
    ["secret column", ...resource.secret.slice(0, 1)],
  ] as const) {
    if (key) out.push({ label: `${key}: ${kind}`, action, fields: named(key.split(".")[0]!), pairs: withPair(key, m) });
  }
  if (action === "new") {
    for (const [name] of base) {
      out.push({
        label: `${name}: missing required field`,
        action,
        fields: named(name),
        pairs: base.filter(([k]) => k !== name),
      });
    }
  }
  return out;
}

function listMutations(resource: AdminResource, m: string): AdminMutation[] {
  const out: AdminMutation[] = [];
  for (const p of resource.properties) {
    const info: FieldInfo = { name: p.path, adminType: p.type, enumValues: p.enumValues };
    for (const value of badValuesFor(info, m)) {
      out.push({
        label: `filters.${p.path}: ${value.kind}`,
        action: "list",
        fields: [p.path, "filters"],
        query: [[`filters.${p.path}`, value.form]],
      });
    }
    if (p.type === "datetime" || p.type === "date") {
      for (const bound of ["from", "to"]) {
        out.push({
          label: `filters.${p.path}~~${bound}: bad date`,
          action: "list",
          fields: [p.path, "filters"],
          query: [[`filters.${p.path}~~${bound}`, `abc${m}`]],
        });
      }
    }
  }
  for (const name of [`fuzzUnknown_${m}`, ...resource.secret, "passwordHash", "__proto__", "constructor"]) {
    out.push({
      label: `filters.${name}: unknown or secret filter`,
      action: "list",
      fields: [name, "filters"],
      query: [[`filters.${name}`, m]],
    });
    out.push({ label: `sortBy: ${name}`, action: "list", fields: ["sortBy", name], query: [["sortBy", name]] });
  }
  for (const value of BAD_PAGING) {
    for (const param of ["page", "perPage"]) {
      out.push({ label: `${param}: ${value}`, action: "list", fields: [param], query: [[param, value]] });
    }
  }
  for (const direction of ["sideways", `${m}\u0000`, "../../../etc/passwd"]) {
    out.push({
      label: `direction: ${shorten(direction, 20)}`,
      action: "list",
      fields: ["direction"],
      query: [["direction", direction]],
    });
  }
  for (const value of badValuesFor({ name: "query" }, m)) {
    out.push({ label: `search: ${value.kind}`, action: "search", fields: ["query", "q"], search: value.form });
  }
  for (const ids of ["abc", "2147483648", "-1", "999999,abc", "../../../etc/passwd", `${m}\u0000`, "1e309"]) {
    out.push({
      label: `recordIds: ${shorten(ids, 20)}`,
      action: "bulkDelete",
      fields: ["recordIds"],
      query: [["recordIds", ids]],
    });
  }
  out.push({
    label: "filters: nested 130 deep",
    action: "list",
    fields: ["filters"],
    query: [[`filters${".a".repeat(130)}`, m]],
  });
  out.push({
    label: "filters: JSON nested 5,000 deep",
    action: "list",
    fields: ["filters"],
    query: [["filters", nestedJson(5_000, "array")]],
  });
  return out;
}

export interface AdminRun {
  agent: supertest.Agent;
  seed: number;
  runs: number;
  next: () => number;
  /** A stored record of the resource to edit, if it has one. */
  recordOf: (resourceId: string) => string | undefined;
  refId: (field: string) => number;
  takenEmail: string;
}

/** Each resource's form actions get `runs` cases each, and its list, search and bulk actions `runs` together. */
export async function fuzzAdmin(resources: readonly AdminResource[], run: AdminRun): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (const [index, resource] of resources.entries()) {
    const record = run.recordOf(resource.id);
    const catalogues: AdminMutation[][] = [
      formMutations(resource, "new", "fzm0x", run.refId, run.takenEmail),
      ...(record ? [formMutations(resource, "edit", "fzm0x", run.refId, run.takenEmail)] : []),
      listMutations(resource, "fzm0x"),
    ];
    for (const [part, catalogue] of catalogues.entries()) {
      for (const mutation of pick(catalogue, run.runs, run.seed + 1000 + index * 10 + part)) {
        const m = marker(run.next());
        const swap = (s: string) => s.replace(/fzm0x/g, m);
        const query = mutation.query ? `?${formEncode(mutation.query.map(([k, v]) => [swap(k), swap(v)]))}` : "";
        let url: string;
        let route: string;
        let req: supertest.Test;
        let form: string | undefined;
        switch (mutation.action) {
          case "new":
          case "edit":
            url =
              mutation.action === "new"
                ? `${ROOT}/${resource.id}/actions/new`
                : `${ROOT}/${resource.id}/records/${record}/edit`;
            route =
              mutation.action === "new"
                ? `POST ${ROOT}/${resource.id}/actions/new`
                : `POST ${ROOT}/${resource.id}/records/{id}/edit`;
            form = formEncode(mutation.pairs!.map(([k, v]) => [swap(k), swap(v)]));
            req = run.agent.post(url).type("form").send(form);
            break;
          case "list":
            url = `${ROOT}/${resource.id}/actions/list${query}`;
            route = `GET ${ROOT}/${resource.id}/actions/list`;
            req = run.agent.get(url);
            break;
          case "search":
            url = `${ROOT}/${resource.id}/actions/search/${formEncode([["", swap(mutation.search!)]]).slice(1)}`;
            route = `GET ${ROOT}/${resource.id}/actions/search/{query}`;
            req = run.agent.get(url);
            break;
          case "bulkDelete":
            url = `${ROOT}/${resource.id}/bulk/bulkDelete${query}`;
            route = `POST ${ROOT}/${resource.id}/bulk/bulkDelete`;
            req = run.agent.post(url);
            break;
        }
        const res = await req;
        const answer = {
          status: res.status,
          contentType: String(res.headers["content-type"] ?? ""),
          body: res.body as unknown,
        };
        sent.push({
          surface: "AdminJS",
          route,
          mutation: swap(mutation.label),
          request: `${route.split(" ")[0]} ${url}${form ? ` ${form}` : ""}`,
          marker: m,
          status: res.status,
          answer: adminAnswer(res.status, res.body, res.text),
          refused: res.status >= 400 || (res.body as { notice?: { type?: string } })?.notice?.type === "error",
          verdict: judgeAdmin(answer, mutation.fields.map(swap)),
        });
      }
    }
  }
  return sent;
}
