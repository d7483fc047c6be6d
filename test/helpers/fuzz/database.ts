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

/**
 * E-mails a unique index keeps apart that differ only by case (`A@x.test` beside `a@x.test`): each
 * as `table: address (count)`.
 */
export async function caseDuplicateEmails(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT DISTINCT tablename FROM pg_indexes
        WHERE schemaname = 'public' AND indexdef ILIKE 'CREATE UNIQUE%' AND indexdef ~* '\\(\\s*"?email"?\\s*\\)'`,
    );
    const out: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ address: string; n: string }>(
        `SELECT lower(email) AS address, count(*) AS n FROM "${tablename}" GROUP BY 1 HAVING count(*) > 1`,
      );
      out.push(...rows.map((r) => `${tablename}: ${r.address} (${r.n})`));
    }
    return out;
  } finally {
    await client.end();
  }
}
