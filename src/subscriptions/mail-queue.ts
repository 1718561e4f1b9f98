/** Confirmation mails waiting for the relay, sent in the background so a form post answers at once. */
export interface MailQueue {
  /** Queues one message; false when the queue is full (the mail is dropped, the caller logs it). */
  push(to: string, message: () => Promise<Buffer>): boolean;
  /** Resolves when everything queued so far has been handed over or has failed for good (retries included). */
  drain(): Promise<void>;
  /**
   * For shutdown: messages waiting for a retry are given up at once, and so are those that fail from now
   * on (each reported to `onError`); then resolves like `drain`.
   */
  stop(): Promise<void>;
}

/** Hands one message to the relay. */
export type DeliverMail = (to: string, raw: Buffer) => Promise<unknown>;

/** How the queue behaves; every field has a default. */
export interface MailQueueOptions {
  /** Messages handed to the relay at once. Default 2. */
  concurrency?: number;
  /** Messages waiting at most (a retry waiting counts). Default 1000. */
  capacity?: number;
  /** Whether a failure is worth another try (the relay's 4xx, a dropped connection). Default: never. */
  retryable?: (e: unknown) => boolean;
  /** The waits before each new try, in ms; their number is the number of retries. Default 5 s, 30 s, 2 min. */
  retryDelays?: readonly number[];
  /** Schedules a retry; default `setTimeout` (tests pass their own clock). */
  schedule?: (run: () => void, ms: number) => { cancel(): void };
}

/** Why a message was not sent, for the log (never with its address). */
export interface MailFailure {
  error: unknown;
  /** Tries made, the last included. */
  tries: number;
  /** "failed" (for good, or out of retries) or "shutdown" (given up while waiting for a retry). */
  outcome: "failed" | "shutdown";
}

interface Job {
  to: string;
  message: () => Promise<Buffer>;
  tries: number;
}

// Not unref'd: a retry waiting keeps the process alive; `stop` cancels it at shutdown.
const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return { cancel: () => clearTimeout(timer) };
};

/**
 * A bounded queue in front of the relay: `concurrency` messages at a time, at most `capacity` waiting, so a
 * flood of form posts cannot grow memory or turn the service into a mail cannon. A failure the relay may
 * get over (`retryable`: its 4xx, a dropped connection) is tried again after each of `retryDelays`; a
 * permanent one, or the last retry's, is reported to `onError` (the caller logs it without the address).
 * Nothing is dropped without a report.
 */
export function createMailQueue(
  deliver: DeliverMail,
  onError: (failure: MailFailure) => void,
  options: MailQueueOptions = {},
): MailQueue {
  const concurrency = options.concurrency ?? 2;
  const capacity = options.capacity ?? 1000;
  const retryable = options.retryable ?? (() => false);
  const delays = options.retryDelays ?? [5_000, 30_000, 120_000];
  const schedule = options.schedule ?? defaultSchedule;
  const waiting: Job[] = [];
  const retrying = new Map<Job, { cancel(): void }>();
  let running = 0;
  let stopping = false;
  let idle: (() => void)[] = [];
  const settle = (): void => {
    if (running === 0 && waiting.length === 0 && retrying.size === 0) {
      const done = idle;
      idle = [];
      for (const resolve of done) resolve();
    }
  };
  const pump = (): void => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift() as Job;
      running++;
      job.tries++;
      job
        .message()
        .then((raw) => deliver(job.to, raw))
        .catch((error: unknown) => {
          const delay = delays[job.tries - 1];
          const again = delay !== undefined && retryable(error);
          if (again && stopping) onError({ error, tries: job.tries, outcome: "shutdown" });
          else if (again) {
            const timer = schedule(() => {
              retrying.delete(job);
              waiting.push(job);
              pump();
            }, delay);
            retrying.set(job, timer);
          } else onError({ error, tries: job.tries, outcome: "failed" });
        })
        .finally(() => {
          running--;
          pump();
        });
    }
    settle();
  };
  const drain = (): Promise<void> =>
    running === 0 && waiting.length === 0 && retrying.size === 0
      ? Promise.resolve()
      : new Promise((resolve) => idle.push(resolve));
  return {
    push(to, message) {
      if (waiting.length + retrying.size >= capacity) return false;
      waiting.push({ to, message, tries: 0 });
      pump();
      return true;
    },
    drain,
    stop() {
      stopping = true;
      for (const [job, timer] of retrying) {
        timer.cancel();
        onError({
          error: new Error("the service stopped before the retry"),
          tries: job.tries,
          outcome: "shutdown",
        });
      }
      retrying.clear();
      settle();
      return drain();
    },
  };
}

/** Replaces every email address in a message with `<address>`: relay errors quote the recipient. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]@,;:"']+@[^\s<>()[\]@,;:"']+/g, "<address>");
}
