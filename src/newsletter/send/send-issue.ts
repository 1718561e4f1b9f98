import type { Subscriber } from "./read-subscribers.ts";
import type { SendLog } from "./send-log.ts";
import { classifySmtpError } from "./smtp-error.ts";

/**
 * Hands one message to the relay; resolves with its 250 reply, rejects with nodemailer's error. It awaits
 * `handing` after the whole message went out and before the end-of-data mark, the moment from which the
 * relay may have it.
 */
export type Deliver = (to: string, raw: Buffer, handing: () => Promise<void>) => Promise<string>;

export interface Progress {
  sent: number;
  failed: number;
  remaining: number;
  /** Estimated seconds until the queue is done. */
  secondsLeft: number;
}

export interface SendDeps {
  deliver: Deliver;
  /** The recipient's own message (personal To and unsubscribe link). */
  compose: (subscriber: Subscriber) => Promise<Buffer>;
  log: SendLog;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  progress: (p: Progress) => void;
}

export interface SendOptions {
  /** Messages a second handed to the relay, at most. */
  perSecond: number;
  /** Attempts per recipient for temporary failures. Default 4. */
  tries: number;
  /** Wait before the first retry, doubled for each further one. Default 1000 ms. */
  backoffMs: number;
}

export interface SendSummary {
  sent: string[];
  failed: { email: string; response: string }[];
  /** Temporary failures on every try: a rerun sends to them again. */
  deferred: { email: string; response: string }[];
}

interface Job {
  subscriber: Subscriber;
  tries: number;
  notBefore: number;
}

/**
 * Sends to each subscriber in turn, at most `perSecond`, logging `pending` once the relay may have the
 * message (before its end-of-data mark) and the outcome after the relay's answer (each line flushed). A
 * temporary failure (4xx, dropped connection) goes back in the queue with a growing delay while the others
 * go on; a permanent one (5xx) is recorded once and not retried. An error marked `fatal` (the relay refuses
 * the connection as configured: TLS, login), or a line the log cannot take, stops the run: it is thrown,
 * and the log stays as it is (a message whose `sent` line could not be written stays `pending`: unknown).
 */
export async function sendIssue(
  subscribers: readonly Subscriber[],
  deps: SendDeps,
  options: SendOptions,
): Promise<SendSummary> {
  const summary: SendSummary = { sent: [], failed: [], deferred: [] };
  const queue: Job[] = subscribers.map((subscriber) => ({ subscriber, tries: 0, notBefore: 0 }));
  const gap = 1000 / options.perSecond;
  const started = deps.now();
  let nextSlot = started;
  const at = (): string => new Date(deps.now()).toISOString();
  while (queue.length > 0) {
    const now = deps.now();
    const index = queue.findIndex((job) => job.notBefore <= now);
    if (index < 0) {
      await deps.sleep(Math.max(1, Math.min(...queue.map((j) => j.notBefore)) - now));
      continue;
    }
    if (nextSlot > now) await deps.sleep(nextSlot - now);
    nextSlot = Math.max(deps.now(), nextSlot) + gap;
    const [job] = queue.splice(index, 1) as [Job];
    const { email } = job.subscriber;
    const raw = await deps.compose(job.subscriber);
    job.tries++;
    // A line the log could not take stops the run: what the relay has must be on record before more goes.
    let logFailure: unknown = null;
    const append = async (record: Parameters<SendLog["append"]>[0]): Promise<void> => {
      try {
        await deps.log.append(record);
      } catch (e) {
        logFailure = e;
        throw e;
      }
    };
    try {
      const response = await deps.deliver(email, raw, () => append({ email, status: "pending", at: at() }));
      await append({ email, status: "sent", at: at(), response });
      summary.sent.push(email);
    } catch (e) {
      if (logFailure) throw logFailure;
      // The relay refuses us, not this recipient (TLS, login): stop, leaving the log as it is.
      if ((e as { fatal?: boolean }).fatal) throw e;
      const failure = classifySmtpError(e);
      if (failure.permanent) {
        await deps.log.append({ email, status: "failed", at: at(), response: failure.response });
        summary.failed.push({ email, response: failure.response });
      } else {
        await deps.log.append({ email, status: "deferred", at: at(), response: failure.response });
        if (job.tries < options.tries) {
          queue.push({ ...job, notBefore: deps.now() + options.backoffMs * 2 ** (job.tries - 1) });
        } else summary.deferred.push({ email, response: failure.response });
      }
    }
    const done = summary.sent.length + summary.failed.length + summary.deferred.length;
    const elapsed = (deps.now() - started) / 1000;
    const secondsLeft = Math.max(
      queue.length / options.perSecond,
      done > 0 ? (elapsed / done) * queue.length : 0,
    );
    deps.progress({
      sent: summary.sent.length,
      failed: summary.failed.length,
      remaining: queue.length,
      secondsLeft,
    });
  }
  return summary;
}

/** `sent 120 · failed 3 · remaining 77 · about 8 s left` */
export function formatProgress(p: Progress): string {
  const left =
    p.secondsLeft >= 90 ? `${Math.round(p.secondsLeft / 60)} min` : `${Math.ceil(p.secondsLeft)} s`;
  return `sent ${p.sent} · failed ${p.failed} · remaining ${p.remaining} · about ${left} left`;
}
