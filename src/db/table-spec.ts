// One table as the portal exposes it, declared once in its module's tables.ts: who may do what, which
// columns a generic create or edit may write and how they are checked, which columns belong to a
// workflow or never leave the server, and how lists filter, sort and show it. The AdminJS resource
// (src/admin) and the REST CRUD routes (src/http/crud-routes.ts) are both built from it, so the two
// write paths accept and refuse the same fields with the same reasons.
import type { PrismaClient } from "@prisma/client";
import type { z } from "zod";
import type { Config } from "../config.js";
import type { Queues } from "../queues/queues.js";
import type { Permission, PermissionModule } from "../modules/auth/permissions.js";

/** What a JSON column must hold. */
export type JsonShape = "any" | "object" | "array" | "string-array";

/**
 * How a writable column is checked, on top of what its Prisma type says (type, nullability, enum
 * values, decimal precision): every rule holds for both write paths.
 */
export interface ColumnRule {
  /** Long free text: kept as typed (line ends normalised), not trimmed. */
  text?: boolean;
  /** An e-mail address: trimmed and checked. */
  email?: boolean;
  /** Lowercased before it is checked and stored (e-mails that logins compare that way). */
  lowercase?: boolean;
  /** A regular expression the trimmed value must match. */
  pattern?: string;
  /** Integers: bounds (the column's CHECK constraint, or common sense). */
  min?: number;
  max?: number;
  /** Text: at most this many characters. */
  maxLength?: number;
  /** JSON columns: the shape the value must have. */
  json?: JsonShape;
  /** JSON string arrays: what each string must look like. */
  itemPattern?: string;
  /** JSON string arrays: the values an item may take. */
  itemValues?: readonly string[];
  /** Written only on create (a natural key); an edit refuses it. */
  createOnly?: boolean;
  /** Decimals: may be below zero (an amount that can be negative); by default they cannot. */
  negative?: boolean;
  /** Text: a hostname (RFC 1123: no scheme, port, path or space), stored lowercased. */
  hostname?: boolean;
  /** Text: an IANA time zone name ("Europe/Paris"). */
  timeZone?: boolean;
  /** Text: a path relative to a folder (no `..`, no leading `/`, no backslash). */
  relativePath?: boolean;
}

/** A built-in action of a table: the REST routes and the AdminJS actions of the same name. */
export type TableAction = "list" | "search" | "show" | "new" | "edit" | "delete" | "bulkDelete";

/**
 * What a table's service writes need: the shared connections, never a module's own clients (a module
 * builds those from config where it needs them).
 */
export interface WriteDeps {
  prisma: PrismaClient;
  config: Config;
  queues: Pick<Queues, "byName">;
}

/**
 * Writes a module's service makes instead of a plain insert, update or delete (its rules and side
 * effects with the audit row, in one transaction): the AdminJS forms and the REST routes both use them.
 * `data` holds the checked values by Prisma field name (a foreign key by its column field, `customerId`);
 * each returns the row as written. A refusal is an AppError naming its fields.
 */
export interface RecordWrites {
  create?(data: Record<string, unknown>): Promise<Record<string, unknown>>;
  update?(id: string, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  delete?(id: string): Promise<void>;
}

/**
 * A table whose rows belong to this table's rows: a record's page lists the newest of them, each linked
 * to its page, with a link to the list filtered on the record for the rest. Shown only to an admin who
 * may list that table.
 */
export interface RelatedTable {
  /** The table holding the rows (its name, which is its resource id): "invoice_items". */
  table: string;
  /** Its column (Prisma field name) holding this table's id: "invoiceId". */
  via: string;
  /** How many of the newest rows the page lists (default 5). */
  limit?: number;
}

/**
 * A column naming any table's row by two columns (the audit log's resource_type and resource_id): shown
 * as the table's name and the row's title, linked to its page while the row exists.
 */
export interface RecordLink {
  /** The column holding the table name. */
  table: string;
  /** The column holding the row's id. */
  id: string;
  /** The column holding what was done to it, shown as the action's words. */
  action?: string;
}

export interface TableSpec<M extends PermissionModule = PermissionModule> {
  /** The Prisma model; the table's name (its @@map) is the AdminJS resource id and the REST path. */
  model: string;
  /** The permission module of the table (and of its REST path, /<module>/<table>). */
  module: M;
  /**
   * Permission per action; null: the action does not exist for this table (no button, no route). Unset
   * actions default to list/search/show -> view, new -> create (or edit), edit -> edit, delete -> delete,
   * or none where the module has no such permission. Custom AdminJS actions name theirs here too.
   */
  actions?: Partial<Record<string, Permission<M> | null>>;
  /**
   * The columns a generic create or edit may write (Prisma field names, a foreign key by its scalar
   * field: `customerId`), with their checks. Every other column is refused by both write paths.
   */
  writable: Record<string, ColumnRule>;
  /**
   * Columns a workflow of the module owns: written only by its services (Take, Complete, issue, pay,
   * refund...), never by a generic create or edit, which refuse them by name.
   */
  workflow?: string[];
  /**
   * Values a create takes that are not columns (a password to hash), handed to `writes.create` and never
   * returned; an update refuses them. Each schema's messages are its refusal's words.
   */
  createInputs?: Record<string, z.ZodType>;
  /** Columns that never leave the server: not returned, filtered, sorted or exported. */
  secrets?: string[];
  /** A created-by reference (foreign key field): the acting admin on create, never written from input. */
  author?: string;
  /** Columns offered as list filters (AdminJS's filter panel); REST filters any readable column by equality. */
  filters?: string[];
  /** Columns a list may be sorted by; default: every readable column but JSON and long text. */
  sorts?: string[];
  /** Default list order. */
  order?: { by: string; direction: "asc" | "desc" };
  /** Columns of the list view, in order. */
  list?: string[];
  /**
   * What names a row wherever it is shown (list links, references, filters, page headings): columns,
   * or a relation's column ("customer.name"), joined by " · " where several are filled. The first plain
   * text column is also what a search looks in. Without it AdminJS guesses, and often shows an id.
   */
  title?: readonly string[];
  /**
   * Integer columns holding another table's id without a foreign key (a denormalised copy): by field,
   * the Prisma model they point at. Shown as that row's title, like a relation.
   */
  references?: Record<string, string>;
  /** Tables whose rows belong to a row of this one, listed on its page (newest first). */
  related?: readonly RelatedTable[];
  /** A pair of columns naming a row of any table (audit rows): shown by name and linked. */
  recordLink?: RecordLink;
  /**
   * Table constraints a single field cannot explain (two columns together), by constraint name: the
   * field to blame, the message key (messages.<key> of the module's locale) and its English words for
   * the REST API. Unique, foreign-key and one-column CHECK constraints are found from the error itself.
   */
  constraints?: Record<string, { field: string; message: string; text: string }>;
  /** The module's service writes, where a plain insert, update or delete would skip its rules. */
  writes?: (deps: WriteDeps) => RecordWrites;
}

export function defineTable<M extends PermissionModule>(spec: TableSpec<M>): TableSpec<M> {
  return spec;
}
