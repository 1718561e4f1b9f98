import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Article } from "../../src/articles/article.ts";
import { relatedArticles } from "../../src/site/related-articles.ts";
import { makeArticle } from "../factories.ts";

/** The rule written out plainly: every other article sharing a tag, sorted, the first `limit`. */
function reference(articles: readonly Article[], limit: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const article of articles) {
    const mine = new Set(article.tags.map((t) => t.slug));
    const candidates = articles
      .filter((other) => other !== article)
      .map((other) => ({
        other,
        shared: other.tags.filter((t) => mine.has(t.slug)).length,
        distance: Math.abs(other.date.getTime() - article.date.getTime()),
      }))
      .filter((c) => c.shared > 0);
    candidates.sort(
      (a, b) =>
        b.shared - a.shared ||
        a.distance - b.distance ||
        (a.other.slug < b.other.slug ? -1 : a.other.slug > b.other.slug ? 1 : 0),
    );
    out.set(
      article.slug,
      candidates.slice(0, limit).map((c) => c.other.slug),
    );
  }
  return out;
}

const slugsOf = (related: Map<string, Article[]>) =>
  new Map([...related].map(([slug, list]) => [slug, list.map((a) => a.slug)]));

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const related = suite("relatedArticles");

related("ranks by shared tags, then nearest date, then slug; only articles sharing a tag", () => {
  const tag = (slug: string) => ({ name: slug, slug });
  const day = (d: number) => new Date(Date.UTC(2019, 0, d));
  const articles = [
    makeArticle({ slug: "a", date: day(10), tags: [tag("iran"), tag("oil")] }),
    makeArticle({ slug: "b", date: day(1), tags: [tag("iran"), tag("oil")] }),
    makeArticle({ slug: "c", date: day(9), tags: [tag("iran")] }),
    makeArticle({ slug: "e", date: day(11), tags: [tag("oil")] }),
    makeArticle({ slug: "d", date: day(11), tags: [tag("oil")] }),
    makeArticle({ slug: "f", date: day(10), tags: [tag("weather")] }),
  ];
  const result = slugsOf(relatedArticles(articles));
  assert.equal(result.get("a"), ["b", "c", "d"], "two shared tags first; then a day away, slug order");
  assert.equal(result.get("f"), [], "no shared tag: none");
  assert.equal(result.get("d"), ["e", "a", "b"]);
});

related("gives the plain rule's answer on random collections", () => {
  const next = random(7);
  for (const [count, tagCount, limit] of [
    [1, 1, 3],
    [40, 3, 3],
    [200, 12, 3],
    [150, 30, 5],
    [60, 4, 1],
  ] as const) {
    const articles = Array.from({ length: count }, (_, i) =>
      makeArticle({
        // Some slugs repeat and some dates tie, so every rule of the order is reached.
        slug: `s${Math.floor(next() * count * 0.9)}-${i % 7 === 0 ? "x" : i}`,
        date: new Date(Date.UTC(2019, 0, 1 + Math.floor(next() * 30))),
        tags: [
          ...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => Math.floor(next() * tagCount))),
        ].map((t) => ({ name: `t${t}`, slug: `t${t}` })),
      }),
    );
    assert.equal(slugsOf(relatedArticles(articles, limit)), reference(articles, limit), `${count} articles`);
  }
});

related.run();
