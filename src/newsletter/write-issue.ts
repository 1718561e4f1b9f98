import path from "node:path";
import { writeFileAtomic } from "../shared/write-file-atomic.ts";
import type { IssueFiles } from "./build-issue.ts";

/** The folder of issue N, relative to the project root. */
export function issueDir(number: number): string {
  return `newsletter/${number}`;
}

/**
 * Writes issue N's four files into `<root>/newsletter/<N>/` (the edge), each one atomically. The ledger is
 * written after them, so a crash in between leaves files that the next run simply writes again.
 */
export async function writeIssue(root: string, number: number, files: IssueFiles): Promise<string[]> {
  const dir = path.join(root, issueDir(number));
  const outputs: [string, string | Buffer][] = [
    ["email.mjml", files.mjml],
    ["email.html", files.html],
    ["email.txt", files.text],
    ["email.eml", files.eml],
  ];
  for (const [name, data] of outputs) await writeFileAtomic(path.join(dir, name), data);
  return outputs.map(([name]) => `${issueDir(number)}/${name}`);
}
