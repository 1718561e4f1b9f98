import { stringify } from "yaml";
import { BIDI_CONTROLS, CONTROL_CHARACTERS } from "../articles/clean-text.ts";
import { slugify } from "../shared/slugify.ts";
import { windows1252Punctuation } from "./decode-page.ts";
import type { ImportedArticle } from "./imported-article.ts";

/** The longest slug an imported file name gets, in UTF-8 bytes: well inside the build's limit of 240. */
export const MAX_IMPORTED_SLUG_BYTES = 100;

/** Cuts a slug to at most `max` UTF-8 bytes, at a word boundary where there is one. */
function shortenSlug(slug: string, max: number): string {
  if (Buffer.byteLength(slug) <= max) return slug;
  let cut = "";
  for (const char of slug) {
    if (Buffer.byteLength(cut + char) > max) break;
    cut += char;
  }
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : cut).replace(/-+$/, "");
}

/**
 * Text as an article file may carry it: a C1 control (U+0080–U+009F) is what a page's windows-1252
 * punctuation became when it was mislabelled as Latin-1 (`we\u0092re`), so it becomes that character
 * (`we’re`), as browsers read `&#146;`; every other control character the build would remove (with a
 * warning) is removed here. `oneLine` (front matter values): line breaks and bidirectional controls go
 * too, a run of spaces becomes one.
 */
export function fileText(text: string, oneLine = false): string {
  const cleaned = windows1252Punctuation(text.replace(/\r\n?/g, "\n"))
    .replace(CONTROL_CHARACTERS, "")
    .replaceAll("\u0000", "");
  return oneLine ? cleaned.replace(BIDI_CONTROLS, "").replace(/\s+/g, " ").trim() : cleaned;
}

/**
 * The file name for an imported article, `YYYY-MM-DD-<slug>.md`, or null when the title or date is
 * missing or the title has no letters or digits to make a slug from. A long headline's slug is cut at a
 * word boundary to `MAX_IMPORTED_SLUG_BYTES`, so the file and its page's folder stay within the file
 * system's limits.
 */
export function articleFileName(article: Pick<ImportedArticle, "title" | "date">): string | null {
  const slug = article.title ? shortenSlug(slugify(article.title), MAX_IMPORTED_SLUG_BYTES) : "";
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
  const line = (value: string | null): string | null =>
    value === null ? null : fileText(value, true) || null;
  const tags = article.tags.map((t) => fileText(t, true)).filter((t) => t !== "");
  const front: Record<string, unknown> = {
    title: line(article.title),
    date: article.date,
    source: line(article.source),
    source_url: line(article.url),
    byline: line(article.byline),
    dateline: line(article.dateline),
    caption: line(article.caption),
    attribution: line(article.attribution),
    tags: tags.length > 0 ? tags : null,
  };
  for (const key of Object.keys(front))
    if (front[key] === null || front[key] === undefined) delete front[key];
  let yaml = stringify(front, { lineWidth: 0 });
  const suggested = article.suggestedTags.filter((t) => !article.tags.includes(t));
  if (suggested.length > 0)
    yaml += `# suggested tags: ${suggested.map((t) => fileText(t, true)).join(", ")}\n`;
  return `---\n${yaml}---\n${fileText(article.markdown)}\n`;
}
