import type { SiteConfig } from "../config/site-config.ts";
import { dayKey } from "../shared/dates.ts";
import { encodePath } from "../shared/slugify.ts";

/**
 * The site-relative URL of an article, `/<yyyy>/<mm>/<slug>/`, with year and month of its date in the site's
 * time zone. The one function that pages, feeds and the email use.
 */
export function articleUrl(slug: string, date: Date, timeZone: string): string {
  const day = dayKey(date, timeZone);
  return `/${day.slice(0, 4)}/${day.slice(5, 7)}/${slug}/`;
}

/** `/tags/<slug>/`, or page N of it. */
export function tagUrl(slug: string, page = 1): string {
  return page > 1 ? `/tags/${slug}/page/${page}/` : `/tags/${slug}/`;
}

/** `/sources/<slug>/`, or page N of it. */
export function sourceUrl(slug: string, page = 1): string {
  return page > 1 ? `/sources/${slug}/page/${page}/` : `/sources/${slug}/`;
}

/** `/archive/2019/01/`; `/archive/2019/` without a month. */
export function archiveUrl(year: number, month?: number): string {
  return month === undefined ? `/archive/${year}/` : `/archive/${year}/${String(month).padStart(2, "0")}/`;
}

/** Home page N: `/`, `/page/2/`. */
export function homeUrl(page = 1): string {
  return page > 1 ? `/page/${page}/` : "/";
}

/** `/newsletter/<N>/`. */
export function newsletterUrl(issue: number): string {
  return `/newsletter/${issue}/`;
}

/** A site-relative path with the path prefix and percent-encoding applied: what goes in an `href`. */
export function sitePath(config: Pick<SiteConfig, "pathPrefix">, path: string): string {
  return config.pathPrefix + encodePath(path.replace(/^\//, ""));
}

/** The absolute URL of a site-relative path: what goes in feeds, emails, canonical links and the sitemap. */
export function absoluteUrl(config: Pick<SiteConfig, "url">, path: string): string {
  return config.url + encodePath(path.replace(/^\//, ""));
}
