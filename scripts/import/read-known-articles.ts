import { readFileSync } from "node:fs";
import path from "node:path";
import { listArticleFiles } from "../../src/articles/load-articles.ts";
import { splitTags } from "../../src/articles/normalize-tag.ts";
import { splitFrontMatter } from "../../src/articles/split-front-matter.ts";
import { type KnownArticle, shingleSet } from "../../src/import/find-duplicate.ts";
import { parseYamlMapping } from "../../src/shared/parse-yaml.ts";
import { slugify } from "../../src/shared/slugify.ts";

/** The site's articles as the importer needs them: for the duplicate check and the tag suggestions. */
export interface KnownSite {
  articles: KnownArticle[];
  /** Every tag in use, in its most used spelling, with the number of articles that carry it. */
  tags: Array<{ name: string; uses: number }>;
}

/**
 * Reads every `*.md` below `dir` (the edge: file system). A file that does not parse still counts for
 * its text, so a half-finished article is not imported twice; a missing folder is an empty site.
 */
export async function readKnownArticles(dir: string): Promise<KnownSite> {
  const articles: KnownArticle[] = [];
  const bySlug = new Map<string, { spellings: Map<string, number>; uses: number }>();
  for (const rel of await listArticleFiles(dir)) {
    const file = path.join(dir, rel);
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const split = splitFrontMatter(text);
    const body = split.ok ? split.body : text;
    const values = split.ok
      ? ((parseYamlMapping(split.yaml) as { ok: boolean; mapping?: { values: Record<string, unknown> } })
          .mapping?.values ?? {})
      : {};
    const sourceUrl = typeof values.source_url === "string" ? values.source_url : null;
    articles.push({ file, sourceUrl, shingles: shingleSet(body) });
    for (const name of splitTags(values.tags) ?? []) {
      const slug = slugify(name);
      if (!slug) continue;
      const entry = bySlug.get(slug) ?? { spellings: new Map(), uses: 0 };
      entry.uses++;
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      bySlug.set(slug, entry);
    }
  }
  const tags = [...bySlug.values()].map(({ spellings, uses }) => ({
    name: [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "",
    uses,
  }));
  return { articles, tags };
}
