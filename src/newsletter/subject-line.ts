import type { LedgerEntry } from "./ledger.ts";

/** Collapses runs of white space (a header or preview is one line). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** `Gazette #6: Lead headline`: the site's name, the issue number and the lead (first) entry's title. */
export function issueSubject(siteTitle: string, number: number, entries: readonly LedgerEntry[]): string {
  const lead = entries[0];
  const head = `${oneLine(siteTitle)} #${number}`;
  return lead ? `${head}: ${oneLine(lead.title)}` : head;
}

/**
 * The inbox preview (about 140 characters, which is what most clients show): how many articles, then
 * the titles after the lead, which the subject already names.
 */
export function issuePreheader(entries: readonly LedgerEntry[]): string {
  const [lead, ...rest] = entries;
  if (!lead) return "";
  if (rest.length === 0) return truncateWords(oneLine(`One article this issue: ${lead.summary}`), 140);
  const titles = rest.map((e) => oneLine(e.title)).join("; ");
  return truncateWords(`${entries.length} articles this issue. Also: ${titles}`, 140);
}
