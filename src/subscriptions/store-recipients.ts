import type { RecipientSource } from "../newsletter/send/recipient-source.ts";
import type { SubscriberStore } from "./subscriber-store.ts";

/**
 * The store as the newsletter's recipients: the confirmed subscribers, oldest first; a relay's 5xx for an
 * address marks it bounced (a hard bounce: suppressed for good), with the reply as the reason.
 */
export function storeRecipients(store: SubscriberStore, label: string, now: () => Date): RecipientSource {
  return {
    label: `the subscribers store (${label})`,
    async load() {
      const rows = await store.confirmed();
      return {
        subscribers: rows.map((r, i) => ({ email: r.email, name: r.name, line: i + 1 })),
        unsubscribed: 0,
        duplicates: 0,
        diagnostics: [],
      };
    },
    async refused(email, response) {
      await store.record([{ email: email.toLowerCase(), kind: "hard-bounce", detail: response }], now(), 1);
    },
    close: () => store.close(),
  };
}
