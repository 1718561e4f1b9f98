import { event, parseJson, record, type WebhookResult } from "./webhook-result.ts";

// Postmark's bounce types (developer docs, "Bounce webhook" and the bounce API's type list).
const HARD = new Set(["HardBounce", "BadEmailAddress", "ManuallyDeactivated"]);
const SOFT = new Set(["SoftBounce", "Transient", "DnsError", "Blocked"]);

/**
 * Reads a Postmark webhook (pure): a Bounce record (hard types suppress, soft ones count; others such as
 * AutoResponder are ignored), a SpamComplaint, and a SubscriptionChange that suppresses sending (its reason:
 * HardBounce, SpamComplaint or ManualSuppression, an unsubscribe). Delivery, open and click records give no event.
 */
export function parsePostmark(body: string): WebhookResult {
  const json = parseJson(body);
  if (!json.ok) return json;
  const p = record(json.value);
  if (!p || typeof p.RecordType !== "string")
    return { ok: false, message: "expected a Postmark webhook object with a RecordType" };
  const detail = [p.Type, p.Description, p.Details].filter((x) => typeof x === "string" && x).join(": ");
  switch (p.RecordType) {
    case "Bounce": {
      const type = String(p.Type ?? "");
      if (type === "SpamComplaint") return { ok: true, events: event(p.Email, "complaint", detail) };
      if (type === "Unsubscribe") return { ok: true, events: event(p.Email, "unsubscribe", detail) };
      if (HARD.has(type)) return { ok: true, events: event(p.Email, "hard-bounce", detail) };
      if (SOFT.has(type)) return { ok: true, events: event(p.Email, "soft-bounce", detail) };
      return { ok: true, events: [] };
    }
    case "SpamComplaint":
      return { ok: true, events: event(p.Email, "complaint", detail || "SpamComplaint") };
    case "SubscriptionChange": {
      if (p.SuppressSending !== true) return { ok: true, events: [] };
      const why = String(p.SuppressionReason ?? "");
      const kind =
        why === "HardBounce" ? "hard-bounce" : why === "SpamComplaint" ? "complaint" : "unsubscribe";
      return { ok: true, events: event(p.Recipient, kind, `SubscriptionChange: ${why}`) };
    }
    default:
      return { ok: true, events: [] };
  }
}
