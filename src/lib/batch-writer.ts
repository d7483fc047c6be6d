// Rows written in batches: one write of everything waiting every `maxWaitMs` (200 ms) or as soon as
// `maxRows` (1,000) are waiting, whichever comes first, instead of one statement per row. The caller
// answers before its row is written; a crash loses at most the last batch. Used by the public
// ingestion routes (site analytics' /collect, A/B tests' /ab/events).

export interface BatchWriter<Row> {
  push(row: Row): void;
  /** Writes what is waiting now and waits for every write in flight (tests, shutdown). */
  flush(): Promise<void>;
}

export interface BatchOptions {
  maxRows?: number;
  maxWaitMs?: number;
}

export function batchWriter<Row>(
  write: (rows: Row[]) => Promise<unknown>,
  onError: (err: Error, lost: number) => void,
  options: BatchOptions = {},
): BatchWriter<Row> {
  const maxRows = options.maxRows ?? 1_000;
  const maxWaitMs = options.maxWaitMs ?? 200;
  let waiting: Row[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<unknown>>();

  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = waiting;
    waiting = [];
    if (rows.length === 0) return;
    const written = write(rows).catch((err: Error) => onError(err, rows.length));
    inFlight.add(written);
    void written.finally(() => inFlight.delete(written));
  };

  return {
    push(row) {
      waiting.push(row);
      if (waiting.length >= maxRows) flushNow();
      else if (!timer) {
        timer = setTimeout(flushNow, maxWaitMs);
        timer.unref();
      }
    },
    async flush() {
      flushNow();
      await Promise.all([...inFlight]);
    },
  };
}
