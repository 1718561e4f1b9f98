import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, error, warning } from "../../shared/diagnostic.ts";

/**
 * One line of `newsletter/<N>/send-log.jsonl`:
 * - `pending`: the whole message went to the relay and only its end-of-data mark and the relay's answer
 *   were left: from here on the relay may have it;
 * - `sent`: the relay answered 250 (it took the message);
 * - `failed`: the relay refused for good (5xx); not retried unless asked;
 * - `deferred`: a temporary failure (4xx, a dropped connection): the relay did not take it; sent again.
 */
export type SendStatus = "pending" | "sent" | "failed" | "deferred";

const STATUSES: readonly SendStatus[] = ["pending", "sent", "failed", "deferred"];

export interface SendRecord {
  /** The address as sent to. */
  email: string;
  status: SendStatus;
  /** When, ISO 8601. */
  at: string;
  /** The relay's reply or the error, for `sent`, `failed` and `deferred`. */
  response?: string;
}

/** What the log says, and how it ends. */
export interface ParsedSendLog {
  /** Each address's latest record; keys lower-cased. */
  latest: Map<string, SendRecord>;
  /** Records read. */
  records: number;
  /** Addresses whose latest record is `sent`. */
  sent: number;
  /**
   * Bytes to keep before appending: everything up to the last whole record. A torn last line (a crash
   * mid-write) is cut off; a last record that only lacks its newline is kept and gets one.
   */
  keepBytes: number;
  /** The kept part does not end with a newline (a whole last record without one). */
  needsNewline: boolean;
  /** Errors stop the send: every line must be a record. A torn last line is a warning. */
  diagnostics: Diagnostic[];
}

/** The form every line must have, shown in messages. */
export const SEND_RECORD_FORM =
  '{"email":"ann@example.org","status":"pending|sent|failed|deferred","at":"2024-03-08T10:00:00.000Z","response":"250 …"}';

/** The lock that one `send N` run at a time holds, relative to the project root. */
export function sendLockPath(issue: number): string {
  return `newsletter/${issue}/send.lock`;
}

/** The log's path for issue N, relative to the project root. */
export function sendLogPath(issue: number): string {
  return `newsletter/${issue}/send-log.jsonl`;
}

const ADDRESS = /^[^\s@]+@[^\s@]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a parsed JSON value is not a send record, or null when it is one. */
function recordProblem(value: unknown): string | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "is not a JSON object";
  const o = value as Record<string, unknown>;
  if (typeof o.email !== "string" || !ADDRESS.test(o.email) || CONTROL.test(o.email))
    return o.email === undefined ? "has no email" : `has email ${JSON.stringify(o.email)}, not an address`;
  if (o.status === undefined) return "has no status";
  if (!STATUSES.includes(o.status as SendStatus))
    return `has status ${JSON.stringify(o.status)}, not one of ${STATUSES.join(", ")} (lower case)`;
  if (typeof o.at !== "string" || Number.isNaN(Date.parse(o.at)))
    return o.at === undefined ? "has no at" : `has at ${JSON.stringify(o.at)}, not an ISO 8601 date-time`;
  if (o.response !== undefined && typeof o.response !== "string")
    return `has response ${JSON.stringify(o.response)}, not text`;
  if (o.status !== "pending" && o.response === undefined) return `is "${o.status}" without a response`;
  return null;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads the log's bytes strictly (pure). Every line must be a whole record with a known status, or the
 * send stops before anything goes out: `SENT` for `sent`, garbled JSON, a NUL byte, a missing field, bytes
 * that are not UTF-8. Only a torn last line (no newline after it: a crash mid-write, possibly padded with
 * NUL bytes by the file system) is tolerated, and reported as a warning. Blank lines are ignored.
 */
export function parseSendLog(bytes: Uint8Array, file: string): ParsedSendLog {
  const latest = new Map<string, SendRecord>();
  const diagnostics: Diagnostic[] = [];
  let records = 0;
  let start = 0;
  let line = 0;
  let keepBytes = 0;
  let needsNewline = false;
  while (start < bytes.length) {
    line++;
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const last = newline < 0;
    const chunk = bytes.subarray(start, end);
    start = end + 1;
    const problem = lineProblem(chunk);
    if (problem === "blank") {
      if (!last) keepBytes = start;
      continue;
    }
    if (typeof problem === "string") {
      if (last) {
        diagnostics.push(
          warning(
            "send-log/torn-line",
            file,
            line,
            `the last line is cut short (a crash while it was written): ignored, and removed before new records are added`,
          ),
        );
        break;
      }
      diagnostics.push(
        error(
          "send-log/bad-line",
          file,
          line,
          `this line ${problem} (expected one record a line: ${SEND_RECORD_FORM}); nothing was sent: fix or remove that line`,
        ),
      );
      continue;
    }
    records++;
    latest.set(problem.email.toLowerCase(), problem);
    keepBytes = last ? bytes.length : start;
    needsNewline = last;
  }
  let sent = 0;
  for (const r of latest.values()) if (r.status === "sent") sent++;
  return { latest, records, sent, keepBytes, needsNewline, diagnostics };
}

/** A line's record, "blank", or why it is not a record. */
function lineProblem(chunk: Uint8Array): SendRecord | "blank" | string {
  if (chunk.includes(0)) return "holds a NUL byte";
  let text: string;
  try {
    text = decoder.decode(chunk);
  } catch {
    return "is not UTF-8 text";
  }
  if (text.trim() === "") return "blank";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `is not valid JSON: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`;
  }
  const problem = recordProblem(value);
  if (problem) return problem;
  const o = value as SendRecord;
  return {
    email: o.email,
    status: o.status,
    at: o.at,
    ...(o.response !== undefined ? { response: o.response } : {}),
  };
}

/** The log as read: its records, or why it cannot be used. */
export type SendLogRead = { ok: true; exists: boolean; log: ParsedSendLog } | { ok: false; message: string };

/** Reads issue N's log (the edge); no log yet is an empty one. A folder in its place is a message. */
export async function readSendLog(root: string, issue: number): Promise<SendLogRead> {
  const shown = sendLogPath(issue);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, shown));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: true, exists: false, log: parseSendLog(new Uint8Array(), shown) };
    if (code === "EISDIR")
      return {
        ok: false,
        message: `${shown} is a folder (expected the send log, a file): move it away, then run again`,
      };
    return { ok: false, message: `${shown} cannot be read (${code ?? (e as Error).message})` };
  }
  return { ok: true, exists: true, log: parseSendLog(bytes, shown) };
}

/** Appends records, one JSON line each, each flushed to disk (fsync) before the call returns. */
export interface SendLog {
  append(record: SendRecord): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens issue N's log for appending (the edge), after `readSendLog` checked it: a torn last line is cut
 * off first, so that it cannot run into the next record.
 */
export async function openSendLog(
  root: string,
  issue: number,
  read: Pick<ParsedSendLog, "keepBytes" | "needsNewline">,
): Promise<SendLog> {
  const file = path.join(root, sendLogPath(issue));
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "a");
  const { size } = await handle.stat();
  if (size > read.keepBytes) {
    await handle.truncate(read.keepBytes);
    await handle.sync();
  }
  if (read.needsNewline) await handle.write("\n");
  return {
    async append(record) {
      await handle.write(`${JSON.stringify(record)}\n`);
      await handle.sync();
    },
    close: () => handle.close(),
  };
}
