import { newsletterUrl } from "../articles/urls.ts";
import { introHtml } from "../newsletter/intro.ts";
import type { LedgerEntry, LedgerIssue } from "../newsletter/ledger.ts";

/** One entry of an issue's web version, with its dates as instants for the date filters. */
export interface IssueEntryView extends Omit<LedgerEntry, "date"> {
  date: Date;
}

/** An issue's web version at `/newsletter/<N>/`, from the ledger's snapshot (never from article files). */
export interface IssuePage {
  number: number;
  url: string;
  date: Date;
  subject: string;
  /** The subject without its masthead (`Gazette #6: `): what follows "Issue 6:" in lists and titles. */
  headline: string;
  preheader: string;
  introHtml: string | null;
  entries: IssueEntryView[];
  /** The oldest and newest entry dates: the range the issue covers. */
  first: Date | null;
  last: Date | null;
}

/** `Gazette #6: Lead headline` → `Lead headline`; a subject without the `#N:` masthead is kept whole. */
export function issueHeadline(subject: string, number: number): string {
  const rest = subject.replace(new RegExp(`^.*?#${number}:\\s*`), "");
  return rest === "" ? subject : rest;
}

/** The web versions of every recorded issue, newest first. */
export function newsletterPages(issues: readonly LedgerIssue[]): IssuePage[] {
  return [...issues]
    .sort((a, b) => b.number - a.number)
    .map((issue) => {
      const entries = issue.entries.map((entry) => ({ ...entry, date: new Date(entry.date) }));
      const times = entries.map((e) => e.date.getTime());
      return {
        number: issue.number,
        url: newsletterUrl(issue.number),
        date: new Date(issue.date),
        subject: issue.subject,
        headline: issueHeadline(issue.subject, issue.number),
        preheader: issue.preheader,
        introHtml: issue.intro ? introHtml(issue.intro.markdown) : null,
        entries,
        first: times.length ? new Date(Math.min(...times)) : null,
        last: times.length ? new Date(Math.max(...times)) : null,
      };
    });
}
