import { event, parseJson, record } from "./webhook-result.ts";

/** Mailgun's signature block, checked by `verifyMailgunSignature`. */
export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

/** A Mailgun webhook: its signature block and the events it reports. */
export type MailgunResult =
  | { ok: true; signature: MailgunSignature | null; events: ReturnType<typeof event> }
  | { ok: false; message: string };

/**
 * Reads a Mailgun webhook (pure): `{"signature": {timestamp, token, signature}, "event-data": {…}}`.
 * `failed` with `severity: "permanent"` is a hard bounce, `"temporary"` a soft one; `complained` is a
 * complaint; `unsubscribed` unsubscribes. Other events (delivered, opened…) give none.
 */
export function parseMailgun(body: string): MailgunResult {
  const json = parseJson(body);
  if (!json.ok) return json;
  const p = record(json.value);
  const data = record(p?.["event-data"]);
  if (!p || !data) return { ok: false, message: 'expected a Mailgun webhook object with "event-data"' };
  const s = record(p.signature);
  const signature =
    s && typeof s.token === "string" && typeof s.signature === "string" && s.timestamp !== undefined
      ? { timestamp: String(s.timestamp), token: s.token, signature: s.signature }
      : null;
  const status = record(data["delivery-status"]);
  const detail = [status?.code, status?.message, data.reason]
    .filter((x) => x !== undefined && x !== "")
    .join(" ");
  let events: ReturnType<typeof event> = [];
  if (data.event === "failed")
    events = event(data.recipient, data.severity === "permanent" ? "hard-bounce" : "soft-bounce", detail);
  else if (data.event === "complained") events = event(data.recipient, "complaint", "complained");
  else if (data.event === "unsubscribed") events = event(data.recipient, "unsubscribe", "unsubscribed");
  return { ok: true, signature, events };
}
