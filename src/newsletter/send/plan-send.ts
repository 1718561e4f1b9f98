import type { Subscriber } from "./read-subscribers.ts";
import type { SendRecord } from "./send-log.ts";

/** Who this run sends to, and who it leaves alone and why. */
export interface SendPlan {
  /** In file order. */
  queue: Subscriber[];
  /** The relay took their message in an earlier run. */
  alreadySent: Subscriber[];
  /** Refused for good (5xx) in an earlier run: reported, not retried unless asked. */
  failedBefore: { subscriber: Subscriber; response: string }[];
  /** Left `pending` by a crash: the relay may or may not have taken it. Skipped unless asked. */
  unknown: Subscriber[];
}

export interface PlanSendOptions {
  /** Send again to recipients left `pending` by a crash (they may get it twice). */
  resendUnknown: boolean;
  /** Send again to recipients refused with 5xx before. */
  retryFailed: boolean;
}

/**
 * Splits the subscribers by what the send log says about them (pure): a rerun sends only to those the relay
 * has not taken yet, so nobody gets a message twice unless the editor asks for it.
 */
export function planSend(
  subscribers: readonly Subscriber[],
  log: ReadonlyMap<string, SendRecord>,
  options: PlanSendOptions,
): SendPlan {
  const plan: SendPlan = { queue: [], alreadySent: [], failedBefore: [], unknown: [] };
  for (const subscriber of subscribers) {
    const record = log.get(subscriber.email.toLowerCase());
    if (record?.status === "sent") plan.alreadySent.push(subscriber);
    else if (record?.status === "failed" && !options.retryFailed)
      plan.failedBefore.push({ subscriber, response: record.response ?? "" });
    else if (record?.status === "pending" && !options.resendUnknown) plan.unknown.push(subscriber);
    else plan.queue.push(subscriber);
  }
  return plan;
}
