import type { Article } from "../articles/article.ts";
import { standfirst } from "../articles/standfirst.ts";
import { absoluteUrl, sitePath } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { dayKey, formatDay, formatDayRange, formatLongDay, formatMonth, isoInZone } from "../shared/dates.ts";
import { type OriginalLink, originalLink } from "./original-link.ts";
import { prefixLinks } from "./prefix-links.ts";
import { shortSummary } from "./short-summary.ts";

/**
 * The template filters. `config` returns the configuration of the build in progress (the dev server reloads
 * it); for a given configuration every filter is pure.
 */
export function makeFilters(config: () => SiteConfig) {
  return {
    /** Site-relative path → href with the path prefix and percent-encoding. */
    href: (path: string): string => sitePath(config(), path),
    /** Site-relative path → absolute URL. */
    absolute: (path: string): string => absoluteUrl(config(), path),
    /** `2019-01-31T00:00:00+00:00` in the site's zone. */
    isoDate: (date: Date): string => isoInZone(date, config().timeZone),
    /** `31 January 2019`. */
    day: (date: Date): string => formatDay(date, config().timeZone, config().language),
    /** `27–30 November 2026` (one day: `27 November 2026`), the way the site's language writes a range. */
    dayRange: (first: Date, last: Date): string =>
      formatDayRange(first, last, config().timeZone, config().language),
    /** `Thursday, 31 January 2019`. */
    longDay: (date: Date): string => formatLongDay(date, config().timeZone, config().language),
    /** `2019`: the calendar year in the site's zone (the search's year filter). */
    year: (date: Date): string => dayKey(date, config().timeZone).slice(0, 4),
    /** `2019-01-31T06:30:00.000Z`: a UTC timestamp that sorts as text in date order (the search's sort key). */
    sortKey: (date: Date): string => date.toISOString(),
    /** The editor's summary to show under the headline, or null when it is the body's opening. */
    standfirst: (article: Article): string | null => standfirst(article),
    /** `January 2019`. */
    monthName: (year: number, month: number): string =>
      formatMonth(year, month, config().timeZone, config().language),
    /** Article HTML with the path prefix on its root-relative links. */
    prefixLinks: (html: string): string => prefixLinks(html, config().pathPrefix),
    /** `4 min read`. */
    readingTime: (minutes: number): string => `${minutes} min read`,
    /** Serialises data for a `<script type="application/ld+json">`, so no text can close the script element. */
    jsonScript: (value: unknown): string =>
      JSON.stringify(value)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029"),
    /** A summary cut to about 30 words (or `max`) for a card. */
    shortSummary: (summary: string, max?: number): string => shortSummary(summary, max),
    /** The "Read the original at …" link of an article, or null without a `source_url`. */
    originalLink: (article: Article): OriginalLink | null => originalLink(article, config().originalNofollow),
    /** An image's `src`: a site path gets the prefix, a remote URL stays as it is. */
    imageSrc: (src: string): string => (src.startsWith("/") ? sitePath(config(), src) : src),
    /** An image's absolute URL (Open Graph, feeds, email). */
    imageUrl: (src: string): string => (src.startsWith("/") ? absoluteUrl(config(), src) : src),
    /** Image files of one format → a `srcset` value: `/p/images/x-480.webp 480w, …`. */
    srcset: (files: readonly { src: string; width: number }[]): string =>
      files.map((f) => `${sitePath(config(), f.src)} ${f.width}w`).join(", "),
    /** `1 article`, `2 articles`. */
    plural: (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`,
  };
}

export type Filters = ReturnType<typeof makeFilters>;
