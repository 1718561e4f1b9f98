/** The answer of the hub to one publish notification. */
export interface PingResult {
  url: string;
  ok: boolean;
  /** The HTTP status, or 0 when no answer came (refused, timed out). */
  status: number;
  /** Why it failed, for the editor; empty when ok. */
  message: string;
}

export interface PingOptions {
  /** Milliseconds to wait for each answer. Default 10 s. */
  timeoutMs?: number;
  /** The HTTP client (tests pass their own). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Tells a WebSub hub that a topic changed: a form-encoded POST with `hub.mode=publish` and `hub.url`, one
 * request per feed (the publish notification that hubs such as Google's and Superfeedr accept; the WebSub
 * recommendation leaves its form to the hub). A 2xx answer is success; the hub then fetches the feed
 * itself and pushes it to subscribers.
 */
export async function pingHub(hub: string, url: string, options: PingOptions = {}): Promise<PingResult> {
  const client = options.fetch ?? fetch;
  try {
    const response = await client(hub, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": url }).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: "follow",
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { url, ok: true, status: response.status, message: "" };
    return { url, ok: false, status: response.status, message: `the hub answered ${response.status}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    const reason =
      (e as Error).name === "TimeoutError" ? "no answer in time" : (cause ?? (e as Error).message);
    return { url, ok: false, status: 0, message: `the hub could not be reached (${reason})` };
  }
}
