import { formatWrittenDate } from "../shared/dates.ts";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import type { Article } from "./article.ts";
import { canonicalSpellings, type SpellingUse } from "./canonical-spellings.ts";

export interface Collection {
  /** Published articles: no drafts, nothing dated after `now`; newest first (then by slug). */
  published: Article[];
  /** Scheduled articles held back until their date. */
  scheduled: Article[];
  diagnostics: Diagnostic[];
}

/** Newest first; equal dates by slug, so the order never depends on the file system. */
export function compareNewestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Checks the articles as a set (slugs and URLs unique), gives each tag and source one spelling
 * (`canonicalSpellings`), leaves drafts out, and holds back articles dated after `now` with a warning,
 * like scheduled posts. `timeZone` is the site's: messages show dates as the editor wrote them there.
 * `others` are the articles of the collection that were not parsed (see `LoadOptions.skipBefore`): their
 * tags and sources count in the spellings, so that a partial read shows the names the site shows.
 */
export function checkCollection(
  articles: readonly Article[],
  now: Date,
  timeZone = "UTC",
  others: readonly SpellingUse[] = [],
): Collection {
  const diagnostics: Diagnostic[] = [];
  const bySlug = new Map<string, Article>();
  const byUrl = new Map<string, Article>();
  const unique: Article[] = [];
  for (const article of articles) {
    const sameSlug = bySlug.get(article.slug);
    const sameUrl = byUrl.get(article.url);
    if (sameUrl || sameSlug) {
      const other = (sameUrl ?? sameSlug) as Article;
      diagnostics.push(
        error(
          sameUrl ? "article/duplicate-url" : "article/duplicate-slug",
          article.file,
          article.line,
          sameUrl
            ? `URL ${article.url} is also the URL of ${other.file}:${other.line} (expected each article's file name to give a different slug)`
            : `slug "${article.slug}" is also the slug of ${other.file}:${other.line} (expected unique file names after the date)`,
        ),
      );
      continue;
    }
    bySlug.set(article.slug, article);
    byUrl.set(article.url, article);
    unique.push(article);
  }
  const published: Article[] = [];
  const scheduled: Article[] = [];
  for (const article of canonicalSpellings(unique, others)) {
    if (article.draft) continue;
    if (article.date.getTime() > now.getTime()) {
      scheduled.push(article);
      diagnostics.push(
        warning(
          "article/future-date",
          article.file,
          article.line,
          `date ${formatWrittenDate(article.date, timeZone)} (${timeZone}) is in the future: the article is held back until then`,
        ),
      );
      continue;
    }
    published.push(article);
  }
  published.sort(compareNewestFirst);
  return { published, scheduled, diagnostics };
}
