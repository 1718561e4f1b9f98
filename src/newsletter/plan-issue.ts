import type { Article } from "../articles/article.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { isoInZone } from "../shared/dates.ts";
import type { Ledger, LedgerEntry, LedgerIssue } from "./ledger.ts";
import type { Selection } from "./select-entries.ts";
import { issuePreheader, issueSubject } from "./subject-line.ts";

/** The snapshot of an article that the ledger keeps. */
export function snapshotEntry(article: Article, timeZone: string): LedgerEntry {
  return {
    slug: article.slug,
    title: article.title,
    url: article.url,
    summary: article.summary,
    source: article.source?.name ?? null,
    date: isoInZone(article.date, timeZone),
    readingMinutes: article.readingMinutes,
  };
}

export interface PlanOptions {
  now: Date;
  since: string | null;
  until: string | null;
  /** The introduction's Markdown, or null. */
  intro: { markdown: string } | null;
}

/** The next issue as the ledger will record it (pure): number, dates, subject, preheader and snapshots. */
export function planIssue(
  ledger: Ledger,
  selection: Selection,
  config: SiteConfig,
  options: PlanOptions,
): LedgerIssue {
  const entries = selection.entries.map((a) => snapshotEntry(a, config.timeZone));
  const number = ledger.issues.length + 1;
  return {
    number,
    date: isoInZone(options.now, config.timeZone),
    cutoff: isoInZone(selection.cutoff, config.timeZone),
    since: options.since,
    until: options.until,
    subject: issueSubject(config.title, number, entries),
    preheader: issuePreheader(entries),
    intro: options.intro,
    entries,
  };
}

/** The ledger with the issue appended; the first issue also fixes the ledger's start. */
export function appendIssue(ledger: Ledger, issue: LedgerIssue, start: Date, timeZone: string): Ledger {
  return { start: ledger.start ?? isoInZone(start, timeZone), issues: [...ledger.issues, issue] };
}
