import type { SiteConfig } from "../config/site-config.ts";
import { dayKey, parseDateValue } from "../shared/dates.ts";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import { parseYamlMapping } from "../shared/parse-yaml.ts";
import { slugify } from "../shared/slugify.ts";
import { suggest } from "../shared/suggest.ts";
import type { Article, ArticleImage, Tag } from "./article.ts";
import { defineBodyFields } from "./body-fields.ts";
import { normalizeTag, splitTags } from "./normalize-tag.ts";
import { splitFrontMatter } from "./split-front-matter.ts";
import { articleUrl } from "./urls.ts";

/** The front matter keys an article may have. */
export const FRONT_MATTER_KEYS = [
  "title",
  "date",
  "updated",
  "source",
  "source_url",
  "byline",
  "dateline",
  "attribution",
  "summary",
  "tags",
  "image",
  "image_alt",
  "caption",
  "draft",
  "featured",
] as const;

/** Titles longer than this get a warning: they wrap badly in lists and are cut in inboxes and feeds. */
export const LONG_TITLE = 140;

export interface ArticleInput {
  /** Path for messages, relative to the project root. */
  file: string;
  /** File name without the folder: the slug comes from it. */
  name: string;
  text: string;
}

export interface ParsedArticle {
  article: Article | null;
  diagnostics: Diagnostic[];
}

/** The slug of an article file: its name without `.md` and without a leading `YYYY-MM-DD-`. */
export function slugFromFileName(name: string): string {
  return slugify(name.replace(/\.md$/i, "").replace(/^\d{4}-\d{2}-\d{2}-/, ""));
}

/**
 * Parses one article file (front matter and Markdown body) into the Article model, collecting every problem
 * with its line. `article` is null when there is any error.
 */
export function parseArticle(input: ArticleInput, config: Pick<SiteConfig, "timeZone">): ParsedArticle {
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontMatter(input.text);
  if (!split.ok)
    return { article: null, diagnostics: [error("front-matter/missing", file, split.line, split.message)] };
  const yaml = parseYamlMapping(split.yaml);
  if (!yaml.ok) {
    return {
      article: null,
      diagnostics: [error("front-matter/yaml", file, split.yamlLine + yaml.line - 1, yaml.message)],
    };
  }
  const { values, lines } = yaml.mapping;
  const lineOf = (key: string): number =>
    lines[key] === undefined ? 1 : split.yamlLine + (lines[key] ?? 1) - 1;
  const fail = (code: string, key: string, message: string): void => {
    diagnostics.push(error(`front-matter/${code}`, file, lineOf(key), message));
  };

  for (const key of Object.keys(values)) {
    if ((FRONT_MATTER_KEYS as readonly string[]).includes(key)) continue;
    const guess = suggest(key, FRONT_MATTER_KEYS);
    diagnostics.push(
      warning(
        "front-matter/unknown-key",
        file,
        lineOf(key),
        `unknown key "${key}" is ignored${guess ? ` (did you mean "${guess}"?)` : ` (expected one of ${FRONT_MATTER_KEYS.join(", ")})`}`,
      ),
    );
  }

  /** A text value: trimmed string, null when absent or empty, and an error for lists or maps. */
  const text = (key: string): string | null => {
    const value = values[key];
    if (value === undefined || value === null) return null;
    if (typeof value === "string" || typeof value === "number") {
      const trimmed = String(value).replace(/\s+/g, " ").trim();
      return trimmed === "" ? null : trimmed;
    }
    fail("bad-value", key, `${key} is ${JSON.stringify(value)} (expected text)`);
    return null;
  };
  const date = (key: string): Date | null => {
    const value = values[key];
    if (value === undefined || value === null || value === "") return null;
    const parsed = parseDateValue(String(value), config.timeZone);
    if (parsed.ok) return parsed.date;
    fail("bad-date", key, `${key} "${String(value)}" is not a date (${parsed.expected})`);
    return null;
  };
  const webAddress = (key: string): string | null => {
    const value = text(key);
    if (value === null) return null;
    if (/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(value) && URL.canParse(value)) return value;
    fail("bad-url", key, `${key} "${value}" is not a web address (expected https://…)`);
    return null;
  };

  const title = text("title");
  if (title === null)
    fail("missing-title", "title", 'title is missing or empty (expected title: "The headline")');
  else if (title.length > LONG_TITLE) {
    diagnostics.push(
      warning(
        "front-matter/long-title",
        file,
        lineOf("title"),
        `title is ${title.length} characters (expected at most ${LONG_TITLE}: long titles are cut in inboxes and feeds)`,
      ),
    );
  }
  const published = date("date");
  if (values.date === undefined || values.date === null || values.date === "") {
    fail("missing-date", "date", "date is missing (expected date: YYYY-MM-DD)");
  }
  // The importer names files YYYY-MM-DD-slug.md: a date edited later no longer matches the name.
  const named = /^(\d{4}-\d{2}-\d{2})-/.exec(input.name)?.[1];
  if (published && named && parseDateValue(named, config.timeZone).ok) {
    const day = dayKey(published, config.timeZone);
    if (day !== named)
      diagnostics.push(
        warning(
          "front-matter/date-not-file-name",
          file,
          lineOf("date"),
          `date ${String(values.date)} is ${day}, but the file name says ${named} (the page's address and the archive follow date; rename the file or correct date so they agree)`,
        ),
      );
  }
  const updated = date("updated");
  if (published && updated && updated < published) {
    diagnostics.push(
      warning(
        "front-matter/updated-before-date",
        file,
        lineOf("updated"),
        "updated is before date (expected a later day)",
      ),
    );
  }

  const sourceName = text("source");
  const sourceSlug = sourceName === null ? "" : slugify(sourceName);
  if (sourceName !== null && sourceSlug === "") {
    fail(
      "bad-source",
      "source",
      `source "${sourceName}" has no letters or digits (expected a publication name)`,
    );
  }

  const rawTags = splitTags(values.tags);
  const tags: Tag[] = [];
  if (rawTags === null)
    fail("bad-tags", "tags", "tags is not a list (expected [a, b] or a comma-separated line)");
  for (const raw of rawTags ?? []) {
    const tag = normalizeTag(raw);
    if (tag === null) fail("bad-tag", "tags", `tag "${raw}" has no letters or digits (expected a word)`);
    else if (!tags.some((t) => t.slug === tag.slug)) tags.push(tag);
  }

  const sourceUrl = webAddress("source_url");
  const imageSrc = text("image");
  const imageAlt = text("image_alt");
  const caption = text("caption");
  let image: ArticleImage | null = null;
  if (imageSrc !== null) {
    if (imageAlt === null) {
      fail(
        "missing-alt",
        "image",
        "image has no image_alt (expected a description of the image for readers who can't see it)",
      );
    }
    image = { src: imageSrc, alt: imageAlt ?? "", caption, line: lineOf("image"), width: null, height: null };
  }

  const draftValue = values.draft;
  if (draftValue !== undefined && draftValue !== null && typeof draftValue !== "boolean") {
    fail("bad-draft", "draft", `draft is ${JSON.stringify(draftValue)} (expected true or false)`);
  }

  const featuredValue = values.featured;
  if (featuredValue !== undefined && featuredValue !== null && typeof featuredValue !== "boolean") {
    fail("bad-featured", "featured", `featured is ${JSON.stringify(featuredValue)} (expected true or false)`);
  }

  const slug = slugFromFileName(input.name);
  if (slug === "") {
    diagnostics.push(
      error(
        "article/bad-file-name",
        file,
        0,
        `file name "${input.name}" gives an empty slug (expected letters or digits)`,
      ),
    );
  }

  if (split.body.trim() === "") {
    diagnostics.push(
      error(
        "article/empty-body",
        file,
        split.bodyLine,
        "the body is empty (expected the article text after the front matter)",
      ),
    );
  }

  if (diagnostics.some((d) => d.severity === "error") || title === null || published === null) {
    return { article: null, diagnostics };
  }
  const article: Article = defineBodyFields(
    {
      slug,
      title,
      date: published,
      updated,
      source: sourceName === null ? null : { name: sourceName, slug: sourceSlug },
      sourceUrl,
      byline: text("byline"),
      dateline: text("dateline"),
      attribution: text("attribution"),
      tags,
      image,
      caption,
      draft: draftValue === true,
      featured: featuredValue === true,
      url: articleUrl(slug, published, config.timeZone),
      file,
      line: 1,
    },
    split.body,
    text("summary"),
  );
  return { article, diagnostics };
}
