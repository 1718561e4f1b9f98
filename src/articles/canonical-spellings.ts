import type { Article, Source, Tag } from "./article.ts";

interface Tally {
  count: number;
  /** The earliest article date (ms) that used the spelling, then its slug, for ties. */
  firstDate: number;
  firstSlug: string;
}

/**
 * What an article contributes to the choice of spellings: its slug and date (for ties), its tags and source.
 * An `Article` is one; so is what `glanceSpellings` reads of a file the newsletter does not parse.
 */
export type SpellingUse = Pick<Article, "slug" | "date" | "tags" | "source">;

/** For each slug, the spelling most used; a tie goes to the spelling the oldest article used (pure). */
function pickSpellings(
  uses: Iterable<{ slug: string; name: string; article: SpellingUse }>,
): Map<string, string> {
  const tallies = new Map<string, Map<string, Tally>>();
  for (const { slug, name, article } of uses) {
    const bySpelling = tallies.get(slug) ?? new Map<string, Tally>();
    tallies.set(slug, bySpelling);
    const date = article.date.getTime();
    const tally = bySpelling.get(name);
    if (!tally) bySpelling.set(name, { count: 1, firstDate: date, firstSlug: article.slug });
    else {
      tally.count++;
      if (date < tally.firstDate || (date === tally.firstDate && article.slug < tally.firstSlug)) {
        tally.firstDate = date;
        tally.firstSlug = article.slug;
      }
    }
  }
  const chosen = new Map<string, string>();
  for (const [slug, bySpelling] of tallies) {
    const [best] = [...bySpelling.entries()].sort(
      ([, a], [, b]) =>
        b.count - a.count ||
        a.firstDate - b.firstDate ||
        (a.firstSlug < b.firstSlug ? -1 : a.firstSlug > b.firstSlug ? 1 : 0),
    );
    if (best) chosen.set(slug, best[0]);
  }
  return chosen;
}

/**
 * The article seen with other tags and source: a live view (a Proxy), so a body rendered or a summary
 * filled in later (the build does that after this step) shows through, and the article itself keeps the
 * spellings its file has (the cache stores what the file says, not what other files made of it).
 */
function withNames(article: Article, tags: Tag[], source: Source | null): Article {
  const replaced: Record<string, unknown> = { tags, source };
  return new Proxy(article, {
    get: (target, key) =>
      typeof key === "string" && key in replaced ? replaced[key] : Reflect.get(target, key),
    getOwnPropertyDescriptor: (target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      return descriptor && typeof key === "string" && key in replaced
        ? { value: replaced[key], writable: true, enumerable: true, configurable: true }
        : descriptor;
    },
  });
}

/**
 * Gives every tag and source one spelling across the collection: a tag written `Sanctions`, `sanctions`
 * and `SANCTIONS` (one slug) is shown everywhere — cards, tag and source pages, feeds, the email — as the
 * spelling most articles use, a tie going to the oldest article's. Articles already spelled so are
 * returned as they are; the others are live views with the canonical names (the input is not changed).
 * `others` are the rest of the collection when the caller has not parsed it all (the newsletter reads only
 * recent articles): they count in the choice but are not returned. Default none.
 */
export function canonicalSpellings(
  articles: readonly Article[],
  others: readonly SpellingUse[] = [],
): Article[] {
  const all: readonly SpellingUse[] = others.length === 0 ? articles : [...articles, ...others];
  const tagNames = pickSpellings(
    all.flatMap((article) => article.tags.map((t) => ({ slug: t.slug, name: t.name, article }))),
  );
  const sourceNames = pickSpellings(
    all.flatMap((article) =>
      article.source ? [{ slug: article.source.slug, name: article.source.name, article }] : [],
    ),
  );
  return articles.map((article) => {
    const tagsChange = article.tags.some((t) => tagNames.get(t.slug) !== t.name);
    const source = article.source;
    const sourceName = source ? sourceNames.get(source.slug) : undefined;
    const sourceChanges = source !== null && sourceName !== undefined && sourceName !== source.name;
    if (!tagsChange && !sourceChanges) return article;
    const tags = tagsChange
      ? article.tags.map((t) => ({ slug: t.slug, name: tagNames.get(t.slug) ?? t.name }))
      : article.tags;
    return withNames(article, tags, sourceChanges && source ? { ...source, name: sourceName } : source);
  });
}
