import { readFile } from "node:fs/promises";
import { type Diagnostic, error, warning } from "../../shared/diagnostic.ts";
import { parseSubscriberCsv } from "../../shared/parse-subscriber-csv.ts";

/** One address to send to. */
export interface Subscriber {
  email: string;
  /** Display name for `To`, or null. */
  name: string | null;
  /** The CSV line it came from, for messages. */
  line: number;
}

export interface SubscriberList {
  /** Valid, subscribed, each address once (first spelling kept), in file order. */
  subscribers: Subscriber[];
  /** Rows left out on purpose: unsubscribed or otherwise not subscribed. */
  unsubscribed: number;
  /** Rows that repeat an address already listed (case ignored). */
  duplicates: number;
  /** Errors (no `email` column, unreadable CSV) stop the send; warnings name skipped rows. */
  diagnostics: Diagnostic[];
}

/** Status values that mean "send": an empty status counts as subscribed. */
const SUBSCRIBED = new Set(["", "subscribed", "active", "confirmed"]);
/** Deliberately strict: one @, no spaces or brackets, a dot in the domain. */
const ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\.]+$/;

/** True when the text looks like a deliverable address. */
export function isEmailAddress(text: string): boolean {
  return ADDRESS.test(text) && !text.includes("..");
}

/**
 * Reads a subscribers CSV (pure): a header with `email` and optional `name` and `status`. Invalid
 * addresses are skipped with a warning naming the line; an address that differs only in case is sent once;
 * a row whose status is not subscribed (such as `unsubscribed`) is never sent, even if the address is
 * listed again as subscribed.
 */
export function parseSubscribers(text: string, file: string): SubscriberList {
  const empty = (diagnostics: Diagnostic[]): SubscriberList => ({
    subscribers: [],
    unsubscribed: 0,
    duplicates: 0,
    diagnostics,
  });
  const csv = parseSubscriberCsv(text, file);
  if (!csv.ok) return empty([csv.diagnostic]);
  const rows = csv.records;

  const diagnostics: Diagnostic[] = [];
  const byAddress = new Map<string, Subscriber>();
  const blocked = new Set<string>();
  let unsubscribed = 0;
  let duplicates = 0;
  for (const { record, info } of rows) {
    const email = record.email ?? "";
    const key = email.toLowerCase();
    if (!isEmailAddress(email)) {
      diagnostics.push(
        warning("subscribers/bad-address", file, info.lines, `"${email}" is not an email address: skipped`),
      );
      continue;
    }
    if (!SUBSCRIBED.has((record.status ?? "").toLowerCase())) {
      unsubscribed++;
      blocked.add(key);
      continue;
    }
    if (byAddress.has(key)) {
      duplicates++;
      continue;
    }
    byAddress.set(key, { email, name: record.name ? record.name : null, line: info.lines });
  }
  const subscribers = [...byAddress.values()].filter((s) => !blocked.has(s.email.toLowerCase()));
  return { subscribers, unsubscribed, duplicates, diagnostics };
}

/** Reads the subscribers file (the edge); an unreadable file is one error. */
export async function readSubscribers(file: string): Promise<SubscriberList> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (e as Error).message})`;
    return {
      subscribers: [],
      unsubscribed: 0,
      duplicates: 0,
      diagnostics: [error("subscribers/unreadable", file, 0, `${file} ${why}`)],
    };
  }
  return parseSubscribers(text, file);
}
