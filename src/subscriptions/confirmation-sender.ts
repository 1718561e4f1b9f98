import { classifySmtpError } from "../newsletter/send/smtp-error.ts";
import { type ConfirmationMail, composeConfirmation } from "./confirmation-mail.ts";
import { createMailQueue, type DeliverMail, type MailQueueOptions } from "./mail-queue.ts";

/** Sends confirmation mails in the background, so a form post answers at once. */
export interface ConfirmationSender {
  /** Queues one confirmation mail composed at `now`; false when the queue is full (the caller logs it). */
  send(mail: ConfirmationMail, now: Date): boolean;
  /** Resolves when everything queued so far has been handed over or has failed for good. */
  drain(): Promise<void>;
  /** For shutdown: gives up the retries still waiting (each reported), then resolves like `drain`. */
  stop(): Promise<void>;
}

/** A mail not sent in the end, for the log: never its address. */
export interface SendFailure {
  tries: number;
  outcome: "failed" | "shutdown";
  /** The relay's reply or the error, on one line (addresses are the logger's to redact). */
  response: string;
}

/** The log line for a mail not sent (pure). */
export function describeFailure(f: SendFailure): string {
  const how =
    f.outcome === "shutdown"
      ? "stopped while waiting to retry"
      : `${f.tries} ${f.tries === 1 ? "try" : "tries"}`;
  return `confirmation mail not sent (${how}): ${f.response}`;
}

/**
 * Confirmation mails composed and handed to `deliver` in this thread, through a bounded queue: the relay's
 * 4xx and dropped connections are tried again, a 5xx is not (RFC 5321 4.2.1); each mail not sent in the end
 * goes to `onFailure`.
 */
export function createConfirmationSender(
  deliver: DeliverMail,
  onFailure: (f: SendFailure) => void,
  options: MailQueueOptions = {},
): ConfirmationSender {
  const queue = createMailQueue(
    deliver,
    ({ error, tries, outcome }) => onFailure({ tries, outcome, response: classifySmtpError(error).response }),
    { retryable: (e) => !classifySmtpError(e).permanent, ...options },
  );
  return {
    send: (mail, now) => queue.push(mail.to, () => composeConfirmation(mail, now)),
    drain: () => queue.drain(),
    stop: () => queue.stop(),
  };
}
