// Loading a custom page's data: once when the page opens (or its parameters change), again every
// `refreshMs` while it stays open and when the window regains focus, never in a render loop. The
// request of a page that closes (or whose parameters change) is aborted.
//
// The effect depends only on `key` (a string built from the parameters): the loader itself is read from
// a ref, so a new function identity at each render (AdminJS's useTranslation() gives new ones every
// time) never starts another request.
import { useCallback, useEffect, useRef, useState } from "react";

/** Every minute while the page is open. */
export const PAGE_REFRESH_MS = 60_000;
/** Focus returning sooner than this after the last load does not reload. */
const FOCUS_MIN_GAP_MS = 5_000;

export interface PageData<T> {
  data: T | null;
  /** The message of a failed load (a network error), or the `error` key the handler answered. */
  error: string | null;
  /** Load again now (after an action that changed the data). */
  reload: () => void;
}

/**
 * `load(signal)` answers the page's data, or `{ error }` (a message key) when the handler refuses.
 * `key` names the parameters the data depends on: a new key loads again.
 */
export function usePageData<T extends object>(
  key: string,
  load: (signal: AbortSignal) => Promise<T | { error: string }>,
  refreshMs: number = PAGE_REFRESH_MS,
): PageData<T> {
  const loader = useRef(load);
  loader.current = load;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useRef<() => void>(() => undefined);

  useEffect(() => {
    let controller: AbortController | null = null;
    let last = 0;
    const fetchNow = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      last = Date.now();
      loader
        .current(current.signal)
        .then((body) => {
          if (current.signal.aborted) return;
          const refused = (body as { error?: unknown }).error;
          if (typeof refused === "string") setError(refused);
          else {
            setError(null);
            setData(body as T);
          }
        })
        .catch((err: unknown) => {
          if (current.signal.aborted) return;
          setError(err instanceof Error ? err.message : String(err));
        });
    };
    run.current = fetchNow;
    fetchNow();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== "hidden") fetchNow();
    }, refreshMs);
    const onFocus = () => {
      if (Date.now() - last >= FOCUS_MIN_GAP_MS) fetchNow();
    };
    window.addEventListener("focus", onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      controller?.abort();
      run.current = () => undefined;
    };
  }, [key, refreshMs]);

  const reload = useCallback(() => run.current(), []);
  return { data, error, reload };
}
