import { absoluteUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { absolutizeHtml } from "./absolutize-html.ts";
import type { FeedEntry } from "./feed-entry.ts";
import { escapeHtml } from "./xml-text.ts";

/** What the issues feed needs of a newsletter issue's web version (`IssuePage` in src/site has it all). */
export interface IssueForFeed {
  number: number;
  /** Site-relative URL of the web version: `/newsletter/3/`. */
  url: string;
  date: Date;
  subject: string;
  preheader: string;
  /** The editor's introduction, rendered by Gazette from Markdown (raw HTML escaped), or null. */
  introHtml: string | null;
  entries: { title: string; url: string; source: string | null }[];
}

/**
 * The feed entry of a newsletter issue: its subject as title, the web version as link and id, the preheader
 * as summary, and as content the introduction and the list of articles (titles and sources escaped, links
 * absolute). The issue's date is both published and updated: a sent issue never changes.
 */
export function issueEntry(issue: IssueForFeed, config: SiteConfig): FeedEntry {
  const link = absoluteUrl(config, issue.url);
  const items = issue.entries.map((entry) => {
    const source = entry.source ? ` <span>(${escapeHtml(entry.source)})</span>` : "";
    return `<li><a href="${escapeHtml(absoluteUrl(config, entry.url))}">${escapeHtml(entry.title)}</a>${source}</li>`;
  });
  const contentHtml = [
    issue.introHtml ? absolutizeHtml(issue.introHtml, link, config.url) : "",
    items.length ? `<ul>\n${items.join("\n")}\n</ul>` : "",
    `<p><a href="${escapeHtml(link)}">Read issue ${issue.number} on the web</a></p>`,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    id: link,
    link,
    title: issue.subject,
    summary: issue.preheader,
    contentHtml,
    published: issue.date,
    updated: issue.date,
    author: config.publisher,
    categories: [],
    sourceUrl: null,
    image: null,
  };
}
