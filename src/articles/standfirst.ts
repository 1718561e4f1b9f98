import type { Article } from "./article.ts";
import { summarize } from "./summarize.ts";

/**
 * The summary to show under an article's headline: the editor's own summary, or null when the summary is
 * the one made from the body's opening words (the reader is about to read them anyway). Showing it also
 * puts it in the search index, which reads the article page.
 */
export function standfirst(article: Pick<Article, "summary" | "text">): string | null {
  if (!article.summary) return null;
  return summarize(article.text) === article.summary ? null : article.summary;
}
