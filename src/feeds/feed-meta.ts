import type { FeedEntry } from "./feed-entry.ts";

/** The absolute URLs of one feed in the two XML formats. */
export interface XmlFeedUrls {
  rss: string;
  atom: string;
}

/**
 * Where a feed sits in the site's history (RFC 5005, Feed Paging and Archiving). The subscription feeds
 * link `prev-archive` to the newest monthly archive; each archive links its older and newer neighbours
 * and the subscription feed (`current`), and says it is an archive (`fh:archive`).
 */
export interface FeedHistory {
  /** True for an archive document (`<fh:archive/>`): its entries are the whole of its period. */
  archive: boolean;
  prev: XmlFeedUrls | null;
  next: XmlFeedUrls | null;
  current: XmlFeedUrls | null;
}

/** What one feed is about: the site, a tag, a source, a month of the archive or the newsletter's issues. */
export interface FeedMeta {
  title: string;
  description: string;
  language: string;
  /** The page the feed belongs to (absolute). */
  link: string;
  /** The feed's own absolute URL, per format (`rel="self"`). */
  self: { rss: string; atom: string; json: string };
  publisher: string;
  /** The newest entry's change (not the build time), so an unchanged site rebuilds identical feeds. */
  updated: Date;
  /** The WebSub hub that readers may subscribe to for pushed updates (`rel="hub"`); none when absent. */
  hub?: string | null;
  /** Links to the archive (RFC 5005); none when absent. */
  history?: FeedHistory;
}

/** The newest `updated` among entries, or `fallback` (default the epoch) for an empty feed. */
export function newestChange(entries: readonly FeedEntry[], fallback = new Date(0)): Date {
  let newest = Number.NEGATIVE_INFINITY;
  for (const entry of entries) newest = Math.max(newest, entry.updated.getTime());
  return Number.isFinite(newest) ? new Date(newest) : fallback;
}
