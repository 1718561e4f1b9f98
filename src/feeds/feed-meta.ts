import type { FeedEntry } from "./feed-entry.ts";

/** What one feed is about: the site, or one tag of it. */
export interface FeedMeta {
  title: string;
  description: string;
  language: string;
  /** The page the feed belongs to (absolute). */
  link: string;
  /** The feed's own absolute URL, per format (`rel="self"`). */
  self: { rss: string; atom: string; json: string };
  /** Site path (with prefix) of the XSL stylesheet that makes the XML feeds readable in a browser: same origin, as browsers require. */
  stylesheet: string;
  publisher: string;
  /** The newest entry's change (not the build time), so an unchanged site rebuilds identical feeds. */
  updated: Date;
}

/** The newest `updated` among entries, or the epoch for an empty feed. */
export function newestChange(entries: readonly FeedEntry[]): Date {
  let newest = 0;
  for (const entry of entries) newest = Math.max(newest, entry.updated.getTime());
  return new Date(newest);
}
