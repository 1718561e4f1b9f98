import { parse } from "csv-parse/sync";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import { readTopics } from "./form-fields.ts";
import type { SubscriberStatus } from "./subscriber.ts";
import type { ImportRow } from "./subscriber-store.ts";
import { validateAddress } from "./validate-address.ts";

/** Status words of today's CSV (the `send --to` format) and what they become in the store. */
const STATUS_WORDS: Record<string, SubscriberStatus> = {
  "": "confirmed",
  subscribed: "confirmed",
  active: "confirmed",
  confirmed: "confirmed",
  pending: "pending",
  unsubscribed: "unsubscribed",
  bounced: "bounced",
  complained: "complained",
};

/**
 * Reads a subscribers CSV for `import` (pure): a header with `email` and optional `name`, `status` and
 * `topics`. An empty status, `subscribed` and `active` mean confirmed (as `send --to` reads them); the
 * five store statuses are kept. A bad address or an unknown status skips the row with a warning naming its
 * line; an unreadable file or a missing `email` column is an error, and nothing is imported.
 */
export function readImportCsv(text: string, file: string): { rows: ImportRow[]; diagnostics: Diagnostic[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    return {
      rows: [],
      diagnostics: [
        error("subscribers/csv", file, line, `${file} is not readable CSV: ${(e as Error).message}`),
      ],
    };
  }
  if (records.length > 0 && !("email" in (records[0]?.record ?? {})))
    return {
      rows: [],
      diagnostics: [
        error(
          "subscribers/no-email-column",
          file,
          1,
          `${file} has no "email" column (expected a header such as: email,name,status)`,
        ),
      ],
    };
  const rows: ImportRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { record, info } of records) {
    const address = validateAddress(record.email ?? "");
    if (!address.ok) {
      diagnostics.push(
        warning(
          "subscribers/bad-address",
          file,
          info.lines,
          `"${record.email ?? ""}" is not used: ${address.reason}`,
        ),
      );
      continue;
    }
    const word = (record.status ?? "").toLowerCase();
    const status = STATUS_WORDS[word];
    if (!status) {
      diagnostics.push(
        warning(
          "subscribers/bad-status",
          file,
          info.lines,
          `status "${record.status}" is not known (expected empty, subscribed, confirmed, pending, unsubscribed, bounced or complained): skipped`,
        ),
      );
      continue;
    }
    rows.push({
      email: address.email,
      status,
      name: record.name ? record.name : null,
      topics: readTopics(record.topics ?? ""),
    });
  }
  return { rows, diagnostics };
}
