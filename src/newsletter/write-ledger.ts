import path from "node:path";
import { writeFileAtomic } from "../shared/write-file-atomic.ts";
import { LEDGER_FILE, type Ledger } from "./ledger.ts";

/** The ledger's text: two-space JSON with a final newline, so diffs of the committed file stay small. */
export function serializeLedger(ledger: Ledger): string {
  return `${JSON.stringify({ start: ledger.start, issues: ledger.issues }, null, 2)}\n`;
}

/** Replaces `<root>/newsletter/issues.json` atomically (the edge): a crash leaves the previous ledger. */
export async function writeLedger(root: string, ledger: Ledger): Promise<void> {
  await writeFileAtomic(path.join(root, LEDGER_FILE), serializeLedger(ledger));
}
