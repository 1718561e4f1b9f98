import type { SendProgress } from "../ledger.ts";
import type { SendLog } from "./send-log.ts";

/** Writes the send progress into the ledger; null, or why it could not. */
export type RecordProgress = (
  progress: (previous: SendProgress | undefined) => SendProgress,
) => Promise<string | null>;

export interface LedgerProgressOptions {
  /** Messages the log already lists as sent when this run began. */
  alreadyAccepted: number;
  record: RecordProgress;
  now: () => number;
  /** Least time between two updates of the count while sending. */
  everyMs: number;
}

/** The log, plus what was recorded in the ledger through it. */
export interface LedgerProgressLog extends SendLog {
  /** Whether the ledger records this send (it does from the first `pending` line on). */
  readonly started: boolean;
  /** Updates of the count that could not be written (the log itself is complete). */
  readonly warnings: readonly string[];
}

/**
 * A send log that keeps the ledger's record of the send (`send: {started, accepted}` in
 * `newsletter/issues.json`) in step with it, so that a log emptied, deleted or cut short later is refused
 * instead of sent again:
 * - The record is made right after the run's first `pending` line is on disk, before that message's
 *   end-of-data mark: a run stopped earlier handed the relay nothing and leaves no record (the next run
 *   is free to start), and a relay can hold a message only once the record says that sending began. If it
 *   cannot be made, the append fails and the run stops before that message.
 * - `accepted` (the messages the log lists as sent) is rewritten after a `sent` line once `everyMs` has
 *   passed since the last update, and on `close`; an update that fails is kept as a warning.
 */
export function withLedgerProgress(log: SendLog, options: LedgerProgressOptions): LedgerProgressLog {
  const { alreadyAccepted, record, now, everyMs } = options;
  const warnings: string[] = [];
  let started = false;
  let sentThisRun = 0;
  let recordedCount = alreadyAccepted;
  let lastUpdate = 0;
  const update = async (): Promise<void> => {
    const accepted = alreadyAccepted + sentThisRun;
    lastUpdate = now();
    if (accepted === recordedCount) return;
    const problem = await record((previous) => ({
      started: previous?.started ?? new Date(now()).toISOString(),
      accepted,
    }));
    if (problem) warnings.push(problem);
    else recordedCount = accepted;
  };
  return {
    get started() {
      return started;
    },
    warnings,
    async append(entry) {
      await log.append(entry);
      if (entry.status === "pending" && !started) {
        const at = new Date(now()).toISOString();
        const problem = await record((previous) =>
          previous
            ? { started: previous.started, accepted: Math.max(previous.accepted, alreadyAccepted) }
            : { started: at, accepted: alreadyAccepted },
        );
        if (problem) throw new Error(`${problem}; the message to ${entry.email} was not handed over`);
        started = true;
        lastUpdate = now();
      } else if (entry.status === "sent") {
        sentThisRun++;
        if (started && now() - lastUpdate >= everyMs) await update();
      }
    },
    async close() {
      await log.close();
      if (started) await update();
    },
  };
}
