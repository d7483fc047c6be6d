// After the run: the markers of refused requests must be nowhere in the database (no row written, no
// column changed by a request the portal refused).
import pg from "pg";
import { MARKER_PATTERN } from "./inputs.js";

/** Every marker found in any text, varchar or JSON column of any table, with where it was found. */
export async function markersInDatabase(databaseUrl: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const found = new Map<string, string[]>();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
          AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
        ORDER BY table_name, ordinal_position`,
    );
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await client.query<{ value: string }>(
        `SELECT "${column}"::text AS value FROM "${table}" WHERE "${column}"::text ILIKE '%fzm%'`,
      );
      for (const { value } of rows) {
        for (const match of value.matchAll(MARKER_PATTERN)) {
          const key = match[0].toLowerCase();
          found.set(key, [...new Set([...(found.get(key) ?? []), `${table}.${column}`])]);
        }
      }
    }
  } finally {
    await client.end();
  }
  return found;
}
