import { absoluteUrl, newsletterUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { dayKey, formatDay, formatDayRange } from "../shared/dates.ts";
import type { Intro } from "./intro.ts";
import type { LedgerIssue } from "./ledger.ts";
import { oneLine } from "./subject-line.ts";

/** One entry as the email shows it: every URL absolute, every date formatted. */
export interface EmailEntry {
  title: string;
  url: string;
  source: string | null;
  /** `7 March 2024` in the site's language and time zone. */
  date: string;
  readingTime: string;
  summary: string;
}

/** Everything the email templates and the plain-text version read: no logic is left for them. */
export interface EmailModel {
  lang: string;
  subject: string;
  preheader: string;
  /** Invisible characters after the preheader, so body text does not follow it into the inbox preview. */
  previewFiller: string;
  siteName: string;
  siteUrl: string;
  issueNumber: number;
  /** `1 March 2024 – 7 March 2024`, from the oldest to the newest entry's day. */
  dateRange: string;
  /** The introduction rendered from the ledger's Markdown (`renderIntro`), or null. */
  intro: Intro | null;
  entries: EmailEntry[];
  footer: {
    reason: string;
    unsubscribeUrl: string;
    postalAddress: string;
    webUrl: string;
    archiveUrl: string;
    feedUrl: string;
  };
}

/** Combining grapheme joiner, zero-width non-joiner and no-break space: shown as nothing by mail clients. */
const FILLER = "\u034f\u200c\u00a0".repeat(90);

/** The range of days the entries cover, in the site's time zone. */
export function dayRange(dates: readonly Date[], timeZone: string, locale: string): string {
  if (dates.length === 0) return "";
  const times = dates.map((d) => d.getTime());
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...times));
  return dayKey(first, timeZone) === dayKey(last, timeZone)
    ? formatDay(first, timeZone, locale)
    : formatDayRange(first, last, timeZone, locale);
}

/**
 * Shapes a ledger issue into the email's data (pure). `unsubscribeUrl` is what the footer links to: the
 * filled template, a merge tag, or a mailto URL. `intro` is the introduction rendered from the ledger's
 * Markdown, or null.
 */
export function emailModel(
  issue: LedgerIssue,
  config: SiteConfig,
  unsubscribeUrl: string,
  intro: Intro | null = null,
): EmailModel {
  const { timeZone, language } = config;
  const host = new URL(config.url).host;
  return {
    lang: language,
    subject: issue.subject,
    preheader: issue.preheader,
    previewFiller: FILLER,
    siteName: config.title,
    siteUrl: config.url,
    issueNumber: issue.number,
    dateRange: dayRange(
      issue.entries.map((e) => new Date(e.date)),
      timeZone,
      language,
    ),
    intro,
    entries: issue.entries.map((e) => ({
      title: oneLine(e.title),
      url: absoluteUrl(config, e.url),
      source: e.source,
      date: formatDay(new Date(e.date), timeZone, language),
      readingTime: `${e.readingMinutes} min read`,
      summary: oneLine(e.summary),
    })),
    footer: {
      reason: `You are receiving this email because you subscribed to the ${config.title} newsletter at ${host}.`,
      unsubscribeUrl,
      postalAddress: config.newsletter.postalAddress,
      webUrl: absoluteUrl(config, newsletterUrl(issue.number)),
      archiveUrl: absoluteUrl(config, "/newsletter/"),
      feedUrl: absoluteUrl(config, "/feed.xml"),
    },
  };
}
