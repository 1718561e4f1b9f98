import type { Article } from "../articles/article.ts";

/**
 * Up to `limit` related articles for each article: most shared tags first, then nearest date, then slug.
 * Only articles sharing at least one tag count. Works through a tag index, so the cost grows with the
 * articles per tag, not with the square of the article count.
 */
export function relatedArticles(articles: readonly Article[], limit = 3): Map<string, Article[]> {
  const byTag = new Map<string, Article[]>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const list = byTag.get(tag.slug);
      if (list) list.push(article);
      else byTag.set(tag.slug, [article]);
    }
  }
  const related = new Map<string, Article[]>();
  for (const article of articles) {
    const shared = new Map<Article, number>();
    for (const tag of article.tags) {
      for (const other of byTag.get(tag.slug) ?? []) {
        if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const time = article.date.getTime();
    const ranked = [...shared.entries()].sort(
      ([a, sa], [b, sb]) =>
        sb - sa ||
        Math.abs(a.date.getTime() - time) - Math.abs(b.date.getTime() - time) ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    );
    related.set(
      article.slug,
      ranked.slice(0, limit).map(([other]) => other),
    );
  }
  return related;
}
