import type { DeliveryEvent } from "../subscriber-store.ts";
import { validateAddress } from "../validate-address.ts";

/** A provider's payload read as delivery events, or why it could not be read. */
export type WebhookResult = { ok: true; events: DeliveryEvent[] } | { ok: false; message: string };

/** One event, or none when the address is not one the store could hold. */
export function event(email: unknown, kind: DeliveryEvent["kind"], detail: unknown): DeliveryEvent[] {
  if (typeof email !== "string") return [];
  // Providers may send `Name <address>`; the store keys on the bare, lower-cased address.
  const bare = /<([^<>]+)>\s*$/.exec(email)?.[1] ?? email;
  const checked = validateAddress(bare);
  if (!checked.ok) return [];
  return [{ email: checked.email, kind, detail: typeof detail === "string" ? detail : "" }];
}

/** Parses JSON, or says it is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: "the body is not JSON" };
  }
}

/** A plain object's fields, or null. */
export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
