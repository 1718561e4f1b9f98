import { readFile, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { acquireLock } from "../shared/acquire-lock.ts";
import { formatDiagnostic } from "../shared/diagnostic.ts";
import { LEDGER_FILE, LEDGER_LOCK, type Ledger, readLedger } from "./ledger.ts";
import { sendLogPath } from "./send/send-log.ts";
import { issueDir } from "./write-issue.ts";
import { writeLedger } from "./write-ledger.ts";

/** The ledger without its last issue; undoing issue 1 also forgets the window start it fixed (pure). */
export function withoutLastIssue(ledger: Ledger): Ledger {
  const issues = ledger.issues.slice(0, -1);
  return { start: issues.length === 0 ? null : ledger.start, issues };
}

/**
 * `npm run newsletter -- undo`: takes back the last issue before it is sent, so its articles are
 * candidates again. Refuses when the issue has a send log with any line, or when the ledger records
 * that its sending began (someone may have it). Holds the ledger's lock. Removes `newsletter/<N>/` first,
 * then its ledger entry: after a crash between, the issue is still recorded and `undo` finishes the job
 * (a folder the ledger does not know would block its number). Undoing issue 1 removes the ledger (and an
 * empty `newsletter/`). Returns the message and whether it worked.
 */
export async function undoLastIssue(root: string): Promise<{ ok: boolean; message: string }> {
  const lock = await acquireLock(path.join(root, LEDGER_LOCK), {
    shown: LEDGER_LOCK,
    command: "npm run newsletter -- undo",
    now: new Date(),
  });
  if (!lock.ok) return { ok: false, message: lock.message };
  let result: { ok: boolean; message: string };
  try {
    result = await undoLocked(root);
  } finally {
    await lock.release();
  }
  // Undoing issue 1 leaves the project as it shipped; the lock lived in newsletter/ until now.
  if (result.ok && !(await readFile(path.join(root, LEDGER_FILE)).catch(() => null)))
    await rmdir(path.join(root, "newsletter")).catch(() => undefined);
  return result;
}

async function undoLocked(root: string): Promise<{ ok: boolean; message: string }> {
  const { ledger, diagnostics } = await readLedger(root);
  if (diagnostics.length > 0) return { ok: false, message: diagnostics.map(formatDiagnostic).join("\n") };
  const last = ledger.issues.at(-1);
  if (!last) return { ok: false, message: "no issue is recorded in newsletter/issues.json: nothing to undo" };
  // The ledger's record outlives the log: a deleted log must not let a sent issue be taken back.
  if (last.send)
    return {
      ok: false,
      message: `issue ${last.number} has been sent or tried (newsletter/issues.json records that sending began at ${last.send.started}): it stays recorded`,
    };
  const log = await readFile(path.join(root, sendLogPath(last.number)), "utf8").catch(() => "");
  if (log.trim() !== "")
    return {
      ok: false,
      message: `issue ${last.number} has been sent or tried (${sendLogPath(last.number)} is not empty): it stays recorded`,
    };
  const rest = withoutLastIssue(ledger);
  await rm(path.join(root, issueDir(last.number)), { recursive: true, force: true });
  if (rest.issues.length > 0) await writeLedger(root, rest);
  // Undoing issue 1 leaves the project as it shipped: no ledger at all.
  else await rm(path.join(root, LEDGER_FILE), { force: true });
  return {
    ok: true,
    message: `Took back issue ${last.number} ("${last.subject}"): removed ${issueDir(last.number)}/ and its ledger entry; its articles go in the next issue`,
  };
}
