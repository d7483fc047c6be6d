// A row naming another table's row by two columns (the audit log's resource_type and resource_id, the
// table spec's `recordLink`): the named row rides on the answer as the id column's populated record,
// as a reference's would, so the page shows its title and links it. Answered per row:
// - the row exists and the admin may open it: its title and its show action;
// - it exists but the admin may not open it: its id only (no title, which could say too much);
// - it no longer exists (or the table is unknown): null, and the page says it was deleted.
import type { ActionContext, ActionResponse, After, BaseRecord, RecordJSON } from "adminjs";

export interface RecordLinkPaths {
  /** The property holding the table name. */
  table: string;
  /** The property holding the row's id. */
  id: string;
}

function hidden(record: RecordJSON): RecordJSON {
  return { ...record, title: "", params: {}, populated: {}, recordActions: [], bulkActions: [] };
}

/** Fills record.populated[paths.id] of each record of a list or show answer. */
export function recordLinks(paths: RecordLinkPaths): After<ActionResponse> {
  return async (response: ActionResponse, _request, context: ActionContext) => {
    const records = [
      ...((response.records as RecordJSON[] | undefined) ?? []),
      ...(response.record ? [response.record as RecordJSON] : []),
    ];
    const wanted = new Map<string, Set<string>>();
    for (const record of records) {
      const table = record.params[paths.table];
      const id = record.params[paths.id];
      if (typeof table !== "string" || id === null || id === undefined || id === "") continue;
      (wanted.get(table) ?? wanted.set(table, new Set()).get(table)!).add(String(id));
    }
    const found = new Map<string, RecordJSON>();
    await Promise.all(
      [...wanted].map(async ([table, ids]) => {
        let rows: BaseRecord[];
        try {
          rows = await context._admin.findResource(table).findMany([...ids]);
        } catch {
          // A table the portal no longer shows: its rows read as gone.
          return;
        }
        for (const row of rows) {
          const json = row.toJSON(context.currentAdmin);
          const show = json.recordActions.filter((a) => a.name === "show");
          found.set(
            `${table}:${json.id}`,
            show.length ? { ...json, recordActions: show, bulkActions: [] } : hidden(json),
          );
        }
      }),
    );
    for (const record of records) {
      const table = record.params[paths.table];
      const id = record.params[paths.id];
      if (typeof table !== "string" || id === null || id === undefined || id === "") continue;
      record.populated = { ...record.populated, [paths.id]: found.get(`${table}:${String(id)}`) ?? null };
    }
    return response;
  };
}
