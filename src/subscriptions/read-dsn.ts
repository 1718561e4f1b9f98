import { simpleParser } from "mailparser";
import type { DeliveryEvent } from "./subscriber-store.ts";
import { validateAddress } from "./validate-address.ts";

/** The fields of one group in a delivery-status body (RFC 3464 section 2.1), names lower-cased. */
function fieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  for (const paragraph of text.replace(/\r\n/g, "\n").split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    let last = "";
    for (const line of paragraph.split("\n")) {
      if (/^[ \t]/.test(line) && last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
      else {
        const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
        if (!match) continue;
        last = (match[1] as string).toLowerCase();
        fields.set(last, (match[2] as string).trim());
      }
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

/**
 * The bounces in the text of a delivery status notification (pure): each per-recipient group with
 * `Action: failed` and a 5.x.x `Status` is a hard bounce; `failed` or `delayed` with 4.x.x is a soft one.
 * The address is the `Final-Recipient` (else `Original-Recipient`) of type rfc822. Other groups (the
 * per-message fields, `delivered`, `relayed`, `expanded`) give no event.
 */
export function dsnEvents(text: string): DeliveryEvent[] {
  const events: DeliveryEvent[] = [];
  for (const fields of fieldGroups(text)) {
    const action = (fields.get("action") ?? "").toLowerCase();
    const status = /^([245])\.\d{1,3}\.\d{1,3}/.exec(fields.get("status") ?? "");
    const recipient = fields.get("final-recipient") ?? fields.get("original-recipient") ?? "";
    const address = /^rfc822\s*;\s*(.+)$/i.exec(recipient)?.[1]?.trim().replace(/^<|>$/g, "");
    if (!status || !address || (action !== "failed" && action !== "delayed")) continue;
    const checked = validateAddress(address);
    if (!checked.ok) continue;
    const permanent = status[1] === "5" && action === "failed";
    if (!permanent && status[1] !== "4") continue;
    const detail = [fields.get("status"), fields.get("diagnostic-code")].filter(Boolean).join(" ");
    events.push({ email: checked.email, kind: permanent ? "hard-bounce" : "soft-bounce", detail });
  }
  return events;
}

/**
 * Reads one message with mailparser and returns its bounces: only a `multipart/report` with
 * `report-type=delivery-status` counts (a reader's reply never suppresses anyone). mailparser keeps the
 * `message/delivery-status` part in the message's text, where `dsnEvents` finds its groups.
 */
export async function readDsn(raw: string): Promise<{ isDsn: boolean; events: DeliveryEvent[] }> {
  const mail = await simpleParser(raw);
  const type = mail.headers.get("content-type") as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  const isDsn =
    type?.value?.toLowerCase() === "multipart/report" &&
    (type.params?.["report-type"] ?? "").toLowerCase() === "delivery-status";
  return { isDsn, events: isDsn ? dsnEvents(mail.text ?? "") : [] };
}
