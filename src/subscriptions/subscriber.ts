/** Where an address stands. Only `confirmed` is ever sent an issue. */
export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed" | "bounced" | "complained";

/** Every status, in the order lists and counts show them. */
export const STATUSES: readonly SubscriberStatus[] = [
  "pending",
  "confirmed",
  "unsubscribed",
  "bounced",
  "complained",
];

/** Statuses that suppress an address for good: a form post never subscribes it again. */
export const SUPPRESSED: readonly SubscriberStatus[] = ["bounced", "complained"];

/** One row of the store. */
export interface SubscriberRecord {
  /** Lower-cased, validated address: the key. */
  email: string;
  status: SubscriberStatus;
  name: string | null;
  /** Topic slugs the reader chose, in the order given. */
  topics: string[];
  /** ISO 8601 (UTC). */
  created: string;
  /** ISO 8601 (UTC). */
  updated: string;
  /** Soft bounces counted since the last confirmation. */
  softBounces: number;
  /** Why the address is suppressed (the provider's or relay's words), or null. */
  reason: string | null;
}

/** True for a known status name. */
export function isStatus(text: string): text is SubscriberStatus {
  return (STATUSES as readonly string[]).includes(text);
}
