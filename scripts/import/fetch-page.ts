import { decodeHtml } from "../../src/import/decode-page.ts";
import { printable } from "../../src/shared/diagnostic.ts";

/** A fetched page, or why it could not be fetched. */
export type FetchResult = { html: string; url: string } | { error: string };

/** Limits of `fetchPage`. */
export interface FetchOptions {
  /** Milliseconds for the whole fetch, redirects included. Default 15000. */
  timeoutMs?: number;
  /** Largest body read, in bytes. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed. Default 5. */
  maxRedirects?: number;
}

/**
 * Fetches a web page with Node's `fetch` for the HTML importer: http(s) only (redirects too), at most
 * `maxRedirects` redirects, `timeoutMs` in all, at most `maxBytes` read. The body is decoded with the
 * charset of the `Content-Type` header, else as a saved page is (`decodeHtml`). Errors are values with
 * a message for the editor, never thrown.
 */
export async function fetchPage(given: string, options: FetchOptions = {}): Promise<FetchResult> {
  const address = given.trim();
  const { timeoutMs = 15_000, maxBytes = 5 * 1024 * 1024, maxRedirects = 5 } = options;
  let url: URL;
  // `new URL` drops line breaks and tabs without a word: an address holding one (or a space, or another
  // control character) is a paste gone wrong, refused rather than fetched as some other address.
  if (/\s/.test(address) || printable(address) !== address)
    return {
      error: `--url "${printable(address)}" is not an address: it holds a space, line break or control character (expected https://…)`,
    };
  try {
    url = new URL(address);
  } catch {
    return { error: `--url "${printable(address)}" is not an address (expected https://…)` };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        return { error: `${url.href}: only http and https addresses are fetched` };
      const response = await fetch(url, {
        redirect: "manual",
        signal,
        headers: {
          accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
          "user-agent": "Gazette-importer",
        },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= maxRedirects) return { error: `${url.href}: more than ${maxRedirects} redirects` };
        url = new URL(response.headers.get("location") as string, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { error: `${url.href}: the server answered ${response.status} ${response.statusText}`.trim() };
      }
      const type = response.headers.get("content-type") ?? "";
      if (type && !/html|xml|text\/plain/i.test(type)) {
        await response.body?.cancel();
        return { error: `${url.href}: not a web page (Content-Type ${type})` };
      }
      const bytes = await readLimited(response, maxBytes);
      if ("error" in bytes) return { error: `${url.href}: ${bytes.error}` };
      // As for an empty saved file (CONTRACTS "Importer": empty input cannot be read): say so, exit 1.
      if (bytes.data.byteLength === 0) return { error: `${url.href}: the server sent an empty page` };
      return { html: decodeHtml(bytes.data, type), url: url.href };
    }
  } catch (error) {
    const e = error as Error;
    if (e.name === "TimeoutError" || e.name === "AbortError")
      return { error: `${url.href}: no answer within ${timeoutMs} ms` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { error: `${url.href}: could not fetch (${cause?.code ?? cause?.message ?? e.message})` };
  }
}

async function readLimited(
  response: Response,
  maxBytes: number,
): Promise<{ data: Uint8Array } | { error: string }> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { error: `the page is larger than ${maxBytes} bytes` };
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { error: `the page is larger than ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  }
  const data = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.byteLength;
  }
  return { data };
}
