import { stringify } from "yaml";
import { slugify } from "../shared/slugify.ts";
import type { ImportedArticle } from "./imported-article.ts";

/**
 * The file name for an imported article, `YYYY-MM-DD-<slug>.md`, or null when the title or date is
 * missing or the title has no letters or digits to make a slug from.
 */
export function articleFileName(article: Pick<ImportedArticle, "title" | "date">): string | null {
  const slug = article.title ? slugify(article.title) : "";
  return article.date && slug ? `${article.date}-${slug}.md` : null;
}

/**
 * Renders an imported article as an article file: YAML front matter with the keys the article loader
 * accepts (title, date, source, source_url, byline, dateline, caption, tags; empty ones left out), then
 * the Markdown body. The loader accepts no key for the attribution ("Source: …" line), so it is kept as a
 * YAML comment, `# attribution: …`, inside the front matter, where the editor sees it and the loader
 * ignores it.
 */
export function toMarkdownFile(article: ImportedArticle): string {
  const front: Record<string, unknown> = {
    title: article.title,
    date: article.date,
    source: article.source,
    source_url: article.url,
    byline: article.byline,
    dateline: article.dateline,
    caption: article.caption,
    tags: article.tags.length > 0 ? article.tags : null,
  };
  for (const key of Object.keys(front))
    if (front[key] === null || front[key] === undefined) delete front[key];
  let yaml = stringify(front, { lineWidth: 0 });
  if (article.attribution) yaml += `# attribution: ${article.attribution.replace(/\s+/g, " ")}\n`;
  return `---\n${yaml}---\n${article.markdown}\n`;
}
