import type { Article } from "../articles/article.ts";

/** What the "Read the original" link says and how it is marked up. */
export interface OriginalLink {
  href: string;
  /** The publication's name, else the original's host name (`www.iranfocus.com`). */
  publisher: string;
  /** `external noopener`, plus `nofollow` when the configuration asks for it. */
  rel: string;
}

/** The link to an article's original, or null when the article has no `source_url`. */
export function originalLink(
  article: Pick<Article, "source" | "sourceUrl">,
  nofollow: boolean,
): OriginalLink | null {
  if (!article.sourceUrl) return null;
  return {
    href: article.sourceUrl,
    publisher: article.source?.name ?? new URL(article.sourceUrl).hostname,
    rel: nofollow ? "external noopener nofollow" : "external noopener",
  };
}
