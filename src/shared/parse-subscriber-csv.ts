import { parse } from "csv-parse/sync";
import { type Diagnostic, error } from "./diagnostic.ts";

/** One row of a subscribers CSV: its fields by lower-cased column name, and the line the row ends on. */
export interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
}

/**
 * Reads the rows of a subscribers CSV (the `send --to` and `subscribers import` format; pure): a header row
 * whose names are trimmed and lower-cased, an optional BOM, empty lines skipped, short or long rows kept.
 * A file that is not readable CSV, or whose header has no `email` column, is one error naming the line.
 */
export function parseSubscriberCsv(
  text: string,
  file: string,
): { ok: true; records: CsvRecord[] } | { ok: false; diagnostic: Diagnostic } {
  let records: CsvRecord[];
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
      ok: false,
      diagnostic: error(
        "subscribers/csv",
        file,
        line,
        `${file} is not readable CSV: ${(e as Error).message}`,
      ),
    };
  }
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  if (!header.split(",").some((h) => h.trim().replace(/^"|"$/g, "").toLowerCase() === "email"))
    return {
      ok: false,
      diagnostic: error(
        "subscribers/no-email-column",
        file,
        1,
        `${file} has no "email" column (expected a header such as: email,name,status)`,
      ),
    };
  return { ok: true, records };
}
