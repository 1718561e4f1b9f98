import type { SubscriberRecord } from "./subscriber.ts";

/** A CSV field, quoted when it must be (RFC 4180); a leading =, +, - or @ is prefixed so no spreadsheet runs it. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The `export` CSV (pure): `email,name,status,topics,created,updated`, which `import` and `send --to` read back. */
export function writeCsv(records: readonly SubscriberRecord[]): string {
  const lines = ["email,name,status,topics,created,updated"];
  for (const r of records)
    lines.push(
      [r.email, r.name ?? "", r.status, r.topics.join(","), r.created, r.updated].map(field).join(","),
    );
  return `${lines.join("\n")}\n`;
}
