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
 * accepts (title, date, source, source_url, byline, dateline, caption, attribution, tags; empty ones left
 * out), then the Markdown body. The attribution ("Source: …" line) is shown on the article's page. Tags
 * suggested from the site's own (`suggestedTags`) that are not already set follow as a YAML comment,
 * `# suggested tags: a, b`, for the editor to copy into `tags:` or delete.
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
    attribution: article.attribution,
    tags: article.tags.length > 0 ? article.tags : null,
  };
  for (const key of Object.keys(front))
    if (front[key] === null || front[key] === undefined) delete front[key];
  let yaml = stringify(front, { lineWidth: 0 });
  const suggested = article.suggestedTags.filter((t) => !article.tags.includes(t));
  if (suggested.length > 0) yaml += `# suggested tags: ${suggested.join(", ").replace(/\s+/g, " ")}\n`;
  return `---\n${yaml}---\n${article.markdown}\n`;
}
