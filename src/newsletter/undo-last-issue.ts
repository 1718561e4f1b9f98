import { readFile, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { formatDiagnostic } from "../shared/diagnostic.ts";
import { LEDGER_FILE, type Ledger, readLedger } from "./ledger.ts";
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
 * candidates again. Refuses when the issue has a send log with any line (someone may have it).
 * Writes the ledger first, then removes `newsletter/<N>/`: a crash between leaves a folder that the
 * next `npm run newsletter` overwrites. Undoing issue 1 removes the ledger (and an empty `newsletter/`). Returns the message and whether it worked.
 */
export async function undoLastIssue(root: string): Promise<{ ok: boolean; message: string }> {
  const { ledger, diagnostics } = await readLedger(root);
  if (diagnostics.length > 0) return { ok: false, message: diagnostics.map(formatDiagnostic).join("\n") };
  const last = ledger.issues.at(-1);
  if (!last) return { ok: false, message: "no issue is recorded in newsletter/issues.json: nothing to undo" };
  const log = await readFile(path.join(root, sendLogPath(last.number)), "utf8").catch(() => "");
  if (log.trim() !== "")
    return {
      ok: false,
      message: `issue ${last.number} has been sent or tried (${sendLogPath(last.number)} is not empty): it stays recorded`,
    };
  const rest = withoutLastIssue(ledger);
  if (rest.issues.length > 0) await writeLedger(root, rest);
  // Undoing issue 1 leaves the project as it shipped: no ledger at all.
  else await rm(path.join(root, LEDGER_FILE), { force: true });
  await rm(path.join(root, issueDir(last.number)), { recursive: true, force: true });
  if (rest.issues.length === 0) await rmdir(path.join(root, "newsletter")).catch(() => undefined);
  return {
    ok: true,
    message: `Took back issue ${last.number} ("${last.subject}"): removed ${issueDir(last.number)}/ and its ledger entry; its articles go in the next issue`,
  };
}
