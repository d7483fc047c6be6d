// The @adminjs/prisma resource, with list counts that stay cheap on big tables.
// AdminJS counts the whole filtered set on every list request to draw its pager; on a table of a
// million rows an exact count(*) costs more than the page itself. Above a threshold an unfiltered list
// uses PostgreSQL's own row estimate (pg_class.reltuples, kept fresh by autovacuum/ANALYZE).
import { Resource } from "@adminjs/prisma";
import type { Filter } from "adminjs";
import type { PrismaClient } from "@prisma/client";

export interface ListCountOptions {
  /** Above this many rows an unfiltered list shows the estimate instead of an exact count. */
  exactCountLimit: number;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
}

export class LocodPrismaResource extends Resource {
  static countOptions: ListCountOptions = { exactCountLimit: 100_000 };

  override async count(filter: Filter): Promise<number> {
    const hasFilters = Object.keys(filter?.filters ?? {}).length > 0;
    if (!hasFilters) {
      const estimate = await this.estimatedRows();
      if (estimate > LocodPrismaResource.countOptions.exactCountLimit) return estimate;
    }
    return super.count(filter);
  }

  private async estimatedRows(): Promise<number> {
    const model = (this as unknown as { model: DmmfModel }).model;
    const client = (this as unknown as { client: PrismaClient }).client;
    const table = model.dbName ?? model.name;
    const rows = await client.$queryRaw<{ estimate: number }[]>`
      SELECT GREATEST(reltuples, 0)::float8 AS estimate
        FROM pg_class WHERE oid = to_regclass(${`public."${table}"`})`;
    return Math.round(rows[0]?.estimate ?? 0);
  }
}
