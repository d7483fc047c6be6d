// The OpenAPI 3.1 document of /admin/api/v1, generated from the zod schemas the routes validate with
// (z.toJSONSchema), and a docs page that renders it with no CDN and nothing but an inline script.
import { z } from "zod";
import type { Column } from "../db/columns.js";
import { MAX_DATE, MIN_DATE } from "../lib/input-rules.js";

export interface NamedSchema {
  /** Name under components.schemas. */
  name: string;
  schema: z.ZodType;
}

export interface ApiResponse {
  description: string;
  schema?: NamedSchema;
  /** The record of a table, as its REST routes answer it: the model's name ("Invoice"). */
  record?: string;
  /** application/json unless said otherwise. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** One route, as the router mounts it and the document describes it. */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path below /admin/api/v1 (or below `server`), with {id} for a path parameter. */
  path: string;
  /** The path's server where it is not /admin/api/v1: "/" for the portal's root (/collect). */
  server?: string;
  tag: string;
  summary: string;
  description?: string;
  /** null: public, no token. Otherwise the `module.permission` it needs, or "" for any logged-in admin. */
  permission: string | null;
  idType?: "integer" | "string";
  /** Path parameters besides {id}: `/sites/{id}/backups/{version}`. */
  pathParams?: Record<string, { type: "integer" | "string"; description?: string }>;
  query?: z.ZodObject;
  body?: NamedSchema;
  /** A body the route accepts, shown with the body's schema. */
  example?: Record<string, unknown>;
  responses: Record<number, ApiResponse>;
}

export const API_BASE = "/admin/api/v1";

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ description: "RFC 9457 problem details; `errors` names each refused field" });

const PROBLEMS: Record<number, string> = {
  400: "Invalid input: `errors` names each field",
  401: "No token, or the token is invalid, expired or revoked",
  403: "The admin lacks the permission this route needs",
  404: "No such record or route",
  405: "The path does not take this method: `Allow` lists those it takes",
  409: "A unique value is taken, the record is still referenced, or the Idempotency-Key is in use or was used with another body",
  413: "The body is over 1 MB",
  415: "The body is not JSON (application/json)",
  429: "Too many requests (rate limit per token or IP, or failed logins): retry after Retry-After seconds",
};

type JsonSchema = Record<string, unknown>;

/** The first and last dates a date column takes (src/db/columns.ts MIN_DATE, MAX_DATE). */
export const DATE_RANGE = { from: MIN_DATE.toISOString().slice(0, 10), to: MAX_DATE.toISOString().slice(0, 10) };

/**
 * What a column's write schema checks in code (refinements JSON Schema cannot see), as JSON Schema
 * keywords for the document: a money column's range, a date's range (a text's length, enum values
 * and patterns come through from the schema itself).
 */
export function columnBounds(column: Column): JsonSchema {
  switch (column.type) {
    case "Decimal": {
      const step = 10 ** -column.scale;
      const max = Number(column.limit!.toString()) - step;
      const min = column.rule.negative ? -max : 0;
      return {
        minimum: min,
        maximum: Number(max.toFixed(column.scale)),
        description: `decimal, as text or number, ${min} to ${max.toFixed(column.scale)}; rounded half-up to ${column.scale} places`,
      };
    }
    case "DateTime":
      return {
        description: `${column.dateOnly ? "a date" : "a date and time"}, ${DATE_RANGE.from} to ${DATE_RANGE.to}`,
      };
    default:
      return {};
  }
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    // A format (date-time, date, email) says it; zod's long equivalent regex would bury it.
    override: ({ jsonSchema: json }) => {
      if (typeof json.format === "string") delete json.pattern;
      // Any value or null is any value: a JSON column (z.unknown()) that may be null.
      if (json.anyOf?.some((member) => typeof member === "object" && !Object.keys(member).length)) {
        delete json.anyOf;
        json.description ??= "Any JSON value";
      }
    },
  }) as JsonSchema;
  return rest;
}

/** The document: every operation given, the bearer scheme, and the shared problem+json answers. */
export function openApiDocument(operations: ApiOperation[], info: { title: string; version: string }) {
  const schemas: Record<string, JsonSchema> = { Problem: jsonSchema(ZProblem, "output") };
  const ref = (named: NamedSchema, io: "input" | "output") => {
    schemas[named.name] ??= jsonSchema(named.schema, io);
    return { $ref: `#/components/schemas/${named.name}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = [];
    if (op.idType) parameters.push({ name: "id", in: "path", required: true, schema: { type: op.idType } });
    for (const [name, param] of Object.entries(op.pathParams ?? {})) {
      parameters.push({
        name,
        in: "path",
        required: true,
        schema: { type: param.type },
        ...(param.description ? { description: param.description } : {}),
      });
    }
    for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
      const schema = field as z.ZodType;
      parameters.push({
        name,
        in: "query",
        required: !schema.safeParse(undefined).success,
        schema: jsonSchema(schema, "input"),
        ...(schema.description ? { description: schema.description } : {}),
      });
    }
    if (op.method === "post" && op.permission !== null) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
        description: "A retry with the same key and body gets the first answer again (kept 24 h)",
      });
    }
    if (op.method === "patch") {
      parameters.push({
        name: "If-Match",
        in: "header",
        required: false,
        schema: { type: "string" },
        description: "The ETag of the version read; 412 when the record changed since",
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, answer] of Object.entries(op.responses)) {
      const type = answer.contentType ?? "application/json";
      responses[status] = {
        description: answer.description,
        ...(answer.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(answer.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]),
              ),
            }
          : {}),
        ...(answer.schema ? { content: { [type]: { schema: ref(answer.schema, "output") } } } : {}),
        ...(answer.record
          ? { content: { [type]: { schema: { $ref: `#/components/schemas/${answer.record}` } } } }
          : {}),
        ...(!answer.schema && !answer.record && answer.contentType
          ? { content: { [type]: { schema: { type: "string" } } } }
          : {}),
        ...(!answer.schema && !answer.record && Number(status) >= 400
          ? { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }
          : {}),
      };
    }
    const problemCodes = [
      ...(op.body || op.query ? [400] : []),
      ...(op.permission !== null ? [401] : []),
      ...(op.permission ? [403] : []),
      ...(op.idType ? [404] : []),
      ...(op.method !== "get" && op.permission ? [409] : []),
      405,
      ...(op.body ? [413, 415] : []),
      429,
    ];
    for (const status of problemCodes) {
      responses[status] ??= {
        description: PROBLEMS[status],
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      };
    }
    const needs =
      op.permission === null ? "Public." : op.permission ? `Needs \`${op.permission}\`.` : "Any logged-in admin.";
    (paths[op.path] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      description: [op.description, needs].filter(Boolean).join("\n\n"),
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string = "") => c.toUpperCase())}`,
      ...(op.server ? { servers: [{ url: op.server }] } : {}),
      ...(op.permission === null ? { security: [] } : {}),
      ...(op.permission ? { "x-permission": op.permission } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: ref(op.body, "input"), ...(op.example ? { example: op.example } : {}) },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description:
        "Log in with POST /auth/login, then send `Authorization: Bearer <token>`. Errors are " +
        "application/problem+json (RFC 9457). Permissions follow the portal's matrix: each operation names the one it needs.",
      contact: { name: "Locod-AI", url: "https://locod-ai.dev" },
      license: { name: "Proprietary", url: "https://locod-ai.dev" },
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({
      name,
      description: `The routes of the ${name} module`,
    })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas,
    },
  };
}

/**
 * The docs page: the document embedded as JSON and drawn by a small inline script (the CSP allows
 * 'self' and inline scripts, no CDN; script-src-attr is 'none', so no inline event handlers).
 */
export function docsPage(document: object, title: string): string {
  // "<" escaped: the JSON cannot close its <script> element.
  const embedded = JSON.stringify(document).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1c1c38;background:#f6f7fb}
header{background:#4268f6;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.9}
main{max-width:1100px;margin:0 auto;padding:16px 24px}h2{margin:24px 0 8px;font-size:16px}
details{background:#fff;border:1px solid #dde1ee;border-radius:6px;margin:6px 0}summary{cursor:pointer;padding:8px 12px;display:flex;gap:12px;align-items:baseline}
.m{font:bold 12px monospace;text-transform:uppercase;min-width:56px;text-align:center;border-radius:4px;padding:2px 6px;color:#fff}
.get{background:#2f9e44}.post{background:#1971c2}.patch{background:#e67700}.delete{background:#c92a2a}
code,.p{font-family:ui-monospace,monospace}.p{font-weight:600}.s{color:#555}.perm{margin-left:auto;font:12px monospace;color:#4268f6}
.body{padding:4px 16px 12px;border-top:1px solid #eef}pre{background:#f1f3f9;padding:8px;border-radius:4px;overflow:auto;font-size:12px;max-height:360px}
h4{margin:12px 0 4px;font-size:13px}table{border-collapse:collapse}td{padding:2px 10px 2px 0;vertical-align:top}
</style></head>
<body><header><h1>${title}</h1><p>OpenAPI 3.1: <a style="color:#fff" href="openapi.json">openapi.json</a></p></header>
<main id="root"></main>
<script type="application/json" id="openapi">${embedded}</script>
<script>
(function () {
  var doc = JSON.parse(document.getElementById("openapi").textContent);
  var root = document.getElementById("root");
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }
  function resolve(schema) {
    var seen = {};
    return JSON.parse(JSON.stringify(schema, function (key, value) {
      if (value && typeof value === "object" && typeof value.$ref === "string") {
        var name = value.$ref.split("/").pop();
        if (seen[name]) return { $ref: value.$ref };
        seen[name] = true;
        var out = JSON.parse(JSON.stringify(doc.components.schemas[name]));
        seen[name] = false;
        return out;
      }
      return value;
    }));
  }
  function pre(schema) { return el("pre", {}, [JSON.stringify(resolve(schema), null, 2)]); }
  var p = el("p", {}, [doc.info.description]);
  root.append(p);
  var byTag = {};
  Object.keys(doc.paths).forEach(function (path) {
    Object.keys(doc.paths[path]).forEach(function (method) {
      var op = doc.paths[path][method];
      (byTag[op.tags[0]] = byTag[op.tags[0]] || []).push({ path: path, method: method, op: op });
    });
  });
  Object.keys(byTag).forEach(function (tag) {
    root.append(el("h2", {}, [tag]));
    byTag[tag].forEach(function (entry) {
      var op = entry.op;
      var body = el("div", { class: "body" }, [el("p", {}, [op.description || ""])]);
      if (op.parameters) {
        var rows = op.parameters.map(function (prm) {
          return el("tr", {}, [el("td", {}, [el("code", {}, [prm.name])]), el("td", {}, [prm.in + (prm.required ? ", required" : "")]),
            el("td", {}, [el("code", {}, [JSON.stringify(prm.schema)])])]);
        });
        body.append(el("h4", {}, ["Parameters"]), el("table", {}, rows));
      }
      if (op.requestBody) {
        body.append(el("h4", {}, ["Request body (application/json)"]), pre(op.requestBody.content["application/json"].schema));
      }
      Object.keys(op.responses).forEach(function (status) {
        var r = op.responses[status];
        body.append(el("h4", {}, [status + " " + r.description]));
        Object.keys(r.content || {}).forEach(function (type) { body.append(el("div", { class: "s" }, [type]), pre(r.content[type].schema)); });
      });
      var summary = el("summary", {}, [el("span", { class: "m " + entry.method }, [entry.method]), el("span", { class: "p" }, [doc.servers[0].url + entry.path]),
        el("span", { class: "s" }, [op.summary]), el("span", { class: "perm" }, [op["x-permission"] || (op.security ? "public" : "any logged-in admin")])]);
      root.append(el("details", {}, [summary, body]));
    });
  });
})();
</script></body></html>`;
}
