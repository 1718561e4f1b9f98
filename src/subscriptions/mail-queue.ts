/** Confirmation mails waiting for the relay, sent in the background so a form post answers at once. */
export interface MailQueue {
  /** Queues one message; false when the queue is full (the mail is dropped, the caller logs it). */
  push(to: string, message: () => Promise<Buffer>): boolean;
  /** Resolves when everything queued so far has been handed over or has failed. */
  drain(): Promise<void>;
}

/** Hands one message to the relay. */
export type DeliverMail = (to: string, raw: Buffer) => Promise<unknown>;

/**
 * A bounded queue in front of the relay: `concurrency` messages at a time, at most `capacity` waiting, so a
 * flood of form posts cannot grow memory or turn the service into a mail cannon. A failed hand-off is
 * reported to `onError` (without the address, which never goes into a log) and not retried: the reader can
 * subscribe again.
 */
export function createMailQueue(
  deliver: DeliverMail,
  onError: (e: unknown) => void,
  options: { concurrency?: number; capacity?: number } = {},
): MailQueue {
  const concurrency = options.concurrency ?? 2;
  const capacity = options.capacity ?? 1000;
  const waiting: { to: string; message: () => Promise<Buffer> }[] = [];
  let running = 0;
  let idle: (() => void)[] = [];
  const pump = (): void => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift() as { to: string; message: () => Promise<Buffer> };
      running++;
      job
        .message()
        .then((raw) => deliver(job.to, raw))
        .catch(onError)
        .finally(() => {
          running--;
          pump();
        });
    }
    if (running === 0 && waiting.length === 0) {
      const done = idle;
      idle = [];
      for (const resolve of done) resolve();
    }
  };
  return {
    push(to, message) {
      if (waiting.length >= capacity) return false;
      waiting.push({ to, message });
      pump();
      return true;
    },
    drain: () =>
      running === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise((resolve) => idle.push(resolve)),
  };
}

/** Replaces every email address in a message with `<address>`: relay errors quote the recipient. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]@,;:"']+@[^\s<>()[\]@,;:"']+/g, "<address>");
}
