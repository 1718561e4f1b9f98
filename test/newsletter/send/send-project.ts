import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runNewsletter } from "../../../src/newsletter/run-newsletter.ts";
import { articleFile, makeProject, newsletterOptions, recorder } from "../project.ts";

/** A secret of the length sending demands (32 bytes or more). */
export const SECRET = "test-secret-of-at-least-32-bytes-0123456789";

/** A project with issue 1 made (two articles), ready to send. */
export async function projectWithIssue(): Promise<string> {
  const root = await makeProject({
    "a.md": articleFile("Alpha & <Omega>", "2024-03-07T09:00"),
    "b.md": articleFile("Beta", "2024-03-06T09:00"),
  });
  const io = recorder();
  const code = await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), io);
  if (code !== 0) throw new Error(io.errors.join("\n"));
  return root;
}

/** The 200 valid, subscribed addresses of `writeSubscribers`. */
export const VALID = Array.from({ length: 200 }, (_, i) => `reader${String(i).padStart(3, "0")}@example.org`);

/**
 * Writes subscribers.csv: the 200 valid addresses (one with a name), plus an invalid address, a duplicate
 * differing in case, and unsubscribed rows that must never get mail.
 */
export async function writeSubscribers(root: string): Promise<string> {
  const rows = [
    "email,name,status",
    ...VALID.map((e, i) => (i === 0 ? `${e},"Reader, First",subscribed` : `${e},,`)),
  ];
  rows.splice(
    5,
    0,
    "not an address,Bad,",
    "READER001@EXAMPLE.ORG,Dup,",
    "gone@example.org,Gone,unsubscribed",
  );
  const file = path.join(root, "subscribers.csv");
  await writeFile(file, `${rows.join("\n")}\n`);
  return file;
}

/** A reporter that keeps everything, progress included. */
export function sendRecorder() {
  const io = recorder();
  const progress: string[] = [];
  return { ...io, progress: (line: string) => void progress.push(line), progressLines: progress };
}
