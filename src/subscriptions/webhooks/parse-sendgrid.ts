import type { DeliveryEvent } from "../subscriber-store.ts";
import { event, parseJson, record, type WebhookResult } from "./webhook-result.ts";

/** What a SendGrid `dropped` reason means for the address. */
function droppedKind(reason: string): DeliveryEvent["kind"] | null {
  if (/spam report/i.test(reason)) return "complaint";
  if (/unsubscribed/i.test(reason)) return "unsubscribe";
  if (/bounced address|invalid/i.test(reason)) return "hard-bounce";
  return null;
}

/**
 * Reads a SendGrid Event Webhook post (pure): a JSON array of events. `bounce` with `type: "bounce"` is a
 * hard bounce and `type: "blocked"` a soft one; `spamreport` is a complaint; `unsubscribe` and
 * `group_unsubscribe` unsubscribe; `dropped` counts by its reason (a bounced, invalid or spam-reporting
 * address). `deferred` gives no event: SendGrid retries, and reports a bounce if it gives up.
 */
export function parseSendgrid(body: string): WebhookResult {
  const json = parseJson(body);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return { ok: false, message: "expected a JSON array of SendGrid events" };
  const events: DeliveryEvent[] = [];
  for (const item of json.value) {
    const e = record(item);
    if (!e) continue;
    const detail = [e.status, e.reason].filter((x) => typeof x === "string" && x).join(" ");
    switch (e.event) {
      case "bounce":
        events.push(...event(e.email, e.type === "blocked" ? "soft-bounce" : "hard-bounce", detail));
        break;
      case "spamreport":
        events.push(...event(e.email, "complaint", "spamreport"));
        break;
      case "unsubscribe":
      case "group_unsubscribe":
        events.push(...event(e.email, "unsubscribe", String(e.event)));
        break;
      case "dropped": {
        const kind = droppedKind(String(e.reason ?? ""));
        if (kind) events.push(...event(e.email, kind, detail));
        break;
      }
    }
  }
  return { ok: true, events };
}
