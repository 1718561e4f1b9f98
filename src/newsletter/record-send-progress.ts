import path from "node:path";
import { acquireLock } from "../shared/acquire-lock.ts";
import { formatDiagnostic, hasErrors } from "../shared/diagnostic.ts";
import { LEDGER_LOCK, type Ledger, readLedger, type SendProgress } from "./ledger.ts";
import { writeLedger } from "./write-ledger.ts";

/** The ledger with issue N's send progress set (pure); other issues are untouched. */
export function withSendProgress(ledger: Ledger, issue: number, progress: SendProgress): Ledger {
  return {
    ...ledger,
    issues: ledger.issues.map((i) => (i.number === issue ? { ...i, send: progress } : i)),
  };
}

/**
 * Records in `newsletter/issues.json` how far sending issue N got (the edge): under the ledger's lock
 * (waiting up to 30 s for a run that is making an issue), re-reading the ledger so that nothing written
 * meanwhile is lost. Returns null, or the message when it could not be recorded.
 */
export async function recordSendProgress(
  root: string,
  issue: number,
  progress: (previous: SendProgress | undefined) => SendProgress,
  now: Date,
): Promise<string | null> {
  const lock = await acquireLock(path.join(root, LEDGER_LOCK), {
    shown: LEDGER_LOCK,
    command: `npm run newsletter -- send ${issue} (recording progress)`,
    now,
    waitMs: 30_000,
  });
  if (!lock.ok) return lock.message;
  try {
    const { ledger, diagnostics } = await readLedger(root);
    if (hasErrors(diagnostics)) return diagnostics.map(formatDiagnostic).join("\n");
    const current = ledger.issues.find((i) => i.number === issue);
    if (!current) return `issue ${issue} is no longer in newsletter/issues.json`;
    await writeLedger(root, withSendProgress(ledger, issue, progress(current.send)));
    return null;
  } catch (e) {
    return `cannot update newsletter/issues.json: ${(e as Error).message}`;
  } finally {
    await lock.release();
  }
}
