import type { SubscriberList } from "./read-subscribers.ts";

/**
 * Who an issue goes to when `send` has no `--to FILE`: a subscribers store (the subscriptions service's).
 * The send path knows only this seam; the store itself lives in `src/subscriptions/`.
 */
export interface RecipientSource {
  /** Where the recipients come from, for messages: `the subscribers store (sqlite data/subscribers.db)`. */
  label: string;
  /** The confirmed subscribers, each once. */
  load(): Promise<SubscriberList>;
  /** The relay refused this address for good (5xx): it is never sent to again. */
  refused(email: string, response: string): Promise<void>;
  close(): Promise<void>;
}
