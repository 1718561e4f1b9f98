import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * One line of `newsletter/<N>/send-log.jsonl`:
 * - `pending`: about to hand the message to the relay;
 * - `sent`: the relay answered 250 (it took the message);
 * - `failed`: the relay refused for good (5xx); not retried unless asked;
 * - `deferred`: temporary failures (4xx, dropped connections) until the tries ran out; a rerun sends again.
 */
export type SendStatus = "pending" | "sent" | "failed" | "deferred";

export interface SendRecord {
  /** The address as sent to. */
  email: string;
  status: SendStatus;
  /** When, ISO 8601. */
  at: string;
  /** The relay's reply or the error, for `sent`, `failed` and `deferred`. */
  response?: string;
}

/** The log's path for issue N, relative to the project root. */
export function sendLogPath(issue: number): string {
  return `newsletter/${issue}/send-log.jsonl`;
}

/**
 * Each address's latest status (keys lower-cased), from the log's text (pure). A last line cut short by a
 * crash is ignored: it was never flushed as a whole.
 */
export function parseSendLog(text: string): Map<string, SendRecord> {
  const latest = new Map<string, SendRecord>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const record = JSON.parse(line) as SendRecord;
      if (typeof record.email === "string" && typeof record.status === "string")
        latest.set(record.email.toLowerCase(), record);
    } catch {
      // A torn last line from a crash mid-write.
    }
  }
  return latest;
}

/** Reads issue N's log (the edge); no log yet is an empty one. */
export async function readSendLog(root: string, issue: number): Promise<Map<string, SendRecord>> {
  try {
    return parseSendLog(await readFile(path.join(root, sendLogPath(issue)), "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw e;
  }
}

/** Appends records, one JSON line each, each flushed to disk (fsync) before the call returns. */
export interface SendLog {
  append(record: SendRecord): Promise<void>;
  close(): Promise<void>;
}

/** Opens issue N's log for appending (the edge). */
export async function openSendLog(root: string, issue: number): Promise<SendLog> {
  const file = path.join(root, sendLogPath(issue));
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "a");
  // A torn line from an earlier crash must not swallow the next record.
  const { size } = await handle.stat();
  if (size > 0) {
    const last = Buffer.alloc(1);
    const probe = await open(file, "r");
    await probe.read(last, 0, 1, size - 1);
    await probe.close();
    if (last[0] !== 0x0a) await handle.write("\n");
  }
  return {
    async append(record) {
      await handle.write(`${JSON.stringify(record)}\n`);
      await handle.sync();
    },
    close: () => handle.close(),
  };
}
