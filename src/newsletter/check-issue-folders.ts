import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { LEDGER_FILE, type Ledger } from "./ledger.ts";

const RESTORE = `git checkout -- ${LEDGER_FILE}`;

/** The numbers of the `newsletter/<N>` entries in the project, in order (the edge). */
export async function issueFolders(root: string): Promise<number[]> {
  try {
    const names = await readdir(path.join(root, "newsletter"));
    return names
      .filter((n) => /^[1-9]\d*$/.test(n))
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return [];
  }
}

/**
 * Why the next issue cannot be made, or null (pure): an issue folder the ledger does not record means the
 * ledger was lost or rolled back, and its number must never be reused (that folder may hold what was
 * sent, and its send log who got it).
 */
export function issueFolderProblem(
  ledger: Ledger,
  ledgerExists: boolean,
  folders: readonly number[],
): string | null {
  const unrecorded = folders.filter((n) => n > ledger.issues.length);
  if (unrecorded.length === 0) return null;
  const shown = unrecorded.map((n) => `newsletter/${n}/`);
  const list =
    shown.length > 3 ? `${shown.slice(0, 3).join(", ")} and ${shown.length - 3} more` : shown.join(", ");
  if (!ledgerExists || ledger.issues.length === 0)
    return (
      `${LEDGER_FILE} is ${ledgerExists ? "empty of issues" : "missing"}, but ${list} ${unrecorded.length === 1 ? "exists" : "exist"}: ` +
      `the ledger is the record of which articles went out, and without it issue numbers would be reused. ` +
      `Restore it (${RESTORE}, or from a backup) before making another issue`
    );
  const recorded = ledger.issues.length === 1 ? "issue 1" : `issues 1–${ledger.issues.length}`;
  return (
    `${list} ${unrecorded.length === 1 ? "exists" : "exist"}, but ${LEDGER_FILE} records only ${recorded}: an issue number is never reused. ` +
    `Restore the ledger (${RESTORE}), or, if issue ${unrecorded[0]} was never sent, remove ${shown[0]}`
  );
}

/** `issueFolderProblem` for the project at `root` (the edge). */
export async function checkIssueFolders(root: string, ledger: Ledger): Promise<string | null> {
  const exists = await stat(path.join(root, LEDGER_FILE)).then(
    () => true,
    () => false,
  );
  return issueFolderProblem(ledger, exists, await issueFolders(root));
}
