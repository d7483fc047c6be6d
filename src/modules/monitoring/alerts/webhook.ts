// The Slack-compatible incoming webhook: a POST of JSON {text, blocks}. Slack, Mattermost, Rocket.Chat,
// Discord's /slack endpoint and Google Chat (text) read this body. The URL is a secret (whoever has it
// posts to the channel): it never leaves the server; screens show its hint.

/** The host and the last four characters: enough to tell two webhooks apart, not to use one. */
export function webhookHint(url: string): string {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    host = "?";
  }
  return `${host}/…${url.slice(-4)}`;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Posts `body` to `url`; resolves when the receiver answers 2xx, else throws with the status (or the
 * network error) in words that never include the URL itself.
 */
export async function postWebhook(url: string, body: unknown, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Locod-AI-monitoring/1.0" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    if (name === "TimeoutError" || name === "AbortError")
      throw new Error(`no answer within ${timeoutMs} ms`, { cause: err });
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : "";
    throw new Error(`the webhook could not be reached${cause ? `: ${cause.replaceAll(url, "<url>")}` : ""}`, {
      cause: err,
    });
  }
  // Drained so the connection is reused; the answer itself is not needed.
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`the webhook answered HTTP ${res.status}`);
}
