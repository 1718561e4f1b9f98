import type { DeliveryEvent } from "../subscriber-store.ts";
import { event, parseJson, record, type WebhookResult } from "./webhook-result.ts";

/** An Amazon SNS message as posted to an HTTP(S) subscription. */
export interface SnsMessage {
  Type: "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation";
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  Token?: string;
  SubscribeURL?: string;
}

const TYPES = new Set(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]);
const REQUIRED = [
  "MessageId",
  "TopicArn",
  "Message",
  "Timestamp",
  "SignatureVersion",
  "Signature",
  "SigningCertURL",
];

/** Reads the SNS envelope (pure): every field the signature covers must be there as text. */
export function parseSnsMessage(
  body: string,
): { ok: true; message: SnsMessage } | { ok: false; message: string } {
  const json = parseJson(body);
  if (!json.ok) return json;
  const m = record(json.value);
  if (!m || typeof m.Type !== "string" || !TYPES.has(m.Type))
    return {
      ok: false,
      message: "expected an Amazon SNS message (Type Notification or SubscriptionConfirmation)",
    };
  for (const key of REQUIRED)
    if (typeof m[key] !== "string") return { ok: false, message: `the SNS message has no ${key}` };
  if (m.Type !== "Notification" && (typeof m.SubscribeURL !== "string" || typeof m.Token !== "string"))
    return { ok: false, message: "the SNS confirmation has no SubscribeURL or Token" };
  return { ok: true, message: m as unknown as SnsMessage };
}

/**
 * Reads the SES notification inside an SNS Notification's `Message` (pure): `Bounce` (bounceType
 * `Permanent` suppresses each bounced recipient, `Transient` and `Undetermined` count as soft) and
 * `Complaint` (each complained recipient). Both `notificationType` (feedback notifications) and `eventType`
 * (event publishing) are read; `Delivery` and other types give no event.
 */
export function parseSesNotification(messageText: string): WebhookResult {
  const json = parseJson(messageText);
  if (!json.ok) return { ok: false, message: "the SNS Message is not an SES notification (not JSON)" };
  const n = record(json.value);
  if (!n) return { ok: false, message: "the SNS Message is not an SES notification" };
  const type = n.notificationType ?? n.eventType;
  const events: DeliveryEvent[] = [];
  if (type === "Bounce") {
    const bounce = record(n.bounce);
    const permanent = bounce?.bounceType === "Permanent";
    const recipients = Array.isArray(bounce?.bouncedRecipients) ? bounce.bouncedRecipients : [];
    for (const r of recipients) {
      const rec = record(r);
      const detail = [bounce?.bounceType, bounce?.bounceSubType, rec?.status, rec?.diagnosticCode]
        .filter((x) => typeof x === "string" && x)
        .join(" ");
      events.push(...event(rec?.emailAddress, permanent ? "hard-bounce" : "soft-bounce", detail));
    }
  } else if (type === "Complaint") {
    const complaint = record(n.complaint);
    const recipients = Array.isArray(complaint?.complainedRecipients) ? complaint.complainedRecipients : [];
    const detail =
      typeof complaint?.complaintFeedbackType === "string" ? complaint.complaintFeedbackType : "complaint";
    for (const r of recipients) events.push(...event(record(r)?.emailAddress, "complaint", detail));
  }
  return { ok: true, events };
}
