import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { FormValue } from "./form-fields.ts";

/** A form's fields as Hono's `parseBody({ all: true })` gives them: a repeated field is an array. */
export type FormFields = Record<string, FormValue>;

/** A form read from a request, or the reason it was not. */
export type ReadFormResult = { ok: true; fields: FormFields } | { ok: false; reason: "too-large" };

/** `application/x-www-form-urlencoded` text to fields (pure); a repeated name gives an array, in order. */
export function parseUrlencoded(text: string): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields[name];
    if (seen === undefined) fields[name] = value;
    else fields[name] = [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/** Reads a Node request's body, at most `maxBytes`; null once it is larger (the rest is left unread). */
function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        incoming.off("data", onData);
        incoming.off("end", onEnd);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks, size));
    incoming.on("data", onData);
    incoming.once("end", onEnd);
    incoming.once("error", reject);
  });
}

/**
 * Reads a form post of at most `maxBytes` (the edge). A urlencoded body, what browsers and most one-click
 * unsubscribes send, is read straight from Node's request and parsed with `URLSearchParams`: no web
 * streams or `FormData` on the hot path. Other bodies (`multipart/form-data`, which RFC 8058 also allows)
 * go through Hono's parser, after the same size check.
 */
export async function readForm(c: Context, maxBytes: number): Promise<ReadFormResult> {
  const declared = Number(c.req.header("content-length") ?? Number.NaN);
  if (declared > maxBytes) return { ok: false, reason: "too-large" };
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (type === "application/x-www-form-urlencoded" || type === "") {
    let body: Buffer | null;
    if (incoming && typeof incoming.on === "function" && !incoming.readableDidRead)
      body = await readIncoming(incoming, maxBytes);
    else {
      const buffer = Buffer.from(await c.req.arrayBuffer());
      body = buffer.length > maxBytes ? null : buffer;
    }
    if (body === null) return { ok: false, reason: "too-large" };
    return { ok: true, fields: parseUrlencoded(body.toString("utf8")) };
  }
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > maxBytes) return { ok: false, reason: "too-large" };
  const form = await new Response(buffer, { headers: { "content-type": c.req.header("content-type") ?? "" } })
    .formData()
    .catch(() => null);
  const fields: FormFields = {};
  for (const [name, value] of form ?? []) {
    const seen = fields[name];
    if (seen === undefined) fields[name] = value;
    else fields[name] = [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { ok: true, fields };
}
