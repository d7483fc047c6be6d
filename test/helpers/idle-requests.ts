// How many API requests an open page makes while nobody touches it: a custom page loads its data once
// and refreshes on a minute's interval (components/use-page-data.ts), never in a render loop.
import type { Page } from "playwright-core";

/** The 10 seconds a page is watched once its data is shown. */
export const IDLE_WINDOW_MS = 10_000;
/** At most one refresh may fall into the window (the interval is a minute); a render loop makes hundreds. */
export const IDLE_REQUEST_LIMIT = 2;

/**
 * The URLs of the requests to AdminJS's API (/admin/api/...) that `page` sends over IDLE_WINDOW_MS,
 * counted from when `ready` (a selector of the page's loaded data) is visible.
 */
export async function idleApiRequests(page: Page, ready: string): Promise<string[]> {
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  const seen: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/admin/api/")) seen.push(url.pathname + url.search);
  };
  page.on("request", onRequest);
  try {
    // The observation window itself: what the page does on its own for 10 seconds.
    await page.waitForTimeout(IDLE_WINDOW_MS);
  } finally {
    page.off("request", onRequest);
  }
  return seen;
}
