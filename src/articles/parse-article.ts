import type { SiteConfig } from "../config/site-config.ts";
import { dayKey, parseDateValue } from "../shared/dates.ts";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import { parseYamlMapping } from "../shared/parse-yaml.ts";
import { slugify } from "../shared/slugify.ts";
import { suggest } from "../shared/suggest.ts";
import type { Article, ArticleImage, Tag } from "./article.ts";
import { defineBodyFields } from "./body-fields.ts";
import { cleanText, cleanValue } from "./clean-text.ts";
import { imageProblem } from "./image-source.ts";
import { nameTooLong } from "./name-limits.ts";
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

/** Front matter text fields where bidirectional controls are removed: names and headlines in lists. */
const BIDI_FREE_KEYS = new Set(["title", "byline", "dateline", "source", "tags"]);

/** Most tags one article may have: each makes pages and feeds. */
export const MAX_TAGS = 100;

/** A value `source_url` accepts: an http(s) address with a dotted host (the importer checks its flags with it). */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(value) && URL.canParse(value);
}

/** A value as messages quote it: at most 60 characters. */
function shown(value: string): string {
  const chars = [...value];
  return chars.length > 60 ? `${chars.slice(0, 57).join("")}…` : value;
}

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
  /** The article's Markdown body as `articleMarkdown` gives it, once the front matter was split. */
  markdown?: string;
}

/** The slug of an article file: its name without `.md` and without a leading `YYYY-MM-DD-`. */
export function slugFromFileName(name: string): string {
  return slugify(name.replace(/\.md$/i, "").replace(/^\d{4}-\d{2}-\d{2}-/, ""));
}

/**
 * The Markdown body of an article file's text, cleaned as `parseArticle` cleans it (line breaks normalised,
 * control characters removed): what every renderer of the body must start from.
 */
export function articleMarkdown(text: string): string {
  const split = splitFrontMatter(cleanText(text, "").text);
  return split.ok ? split.body : "";
}

/**
 * Parses one article file (front matter and Markdown body) into the Article model, collecting every problem
 * with its line. `article` is null when there is any error.
 */
export function parseArticle(input: ArticleInput, config: Pick<SiteConfig, "timeZone">): ParsedArticle {
  const { file } = input;
  const cleaned = cleanText(input.text, file);
  const diagnostics: Diagnostic[] = [...cleaned.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { article: null, diagnostics };
  const split = splitFrontMatter(cleaned.text);
  if (!split.ok) {
    diagnostics.push(error("front-matter/missing", file, split.line, split.message));
    return { article: null, diagnostics };
  }
  const yaml = parseYamlMapping(split.yaml);
  if (!yaml.ok) {
    diagnostics.push(error("front-matter/yaml", file, split.yamlLine + yaml.line - 1, yaml.message));
    return { article: null, diagnostics };
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

  /**
   * A string as written in the front matter, cleaned of control characters that YAML escapes (`"\x07"`)
   * put there and, in names and headlines, of bidirectional controls: each removal is a warning at `line`.
   */
  const clean = (key: string, value: string, line: number): string => {
    const result = cleanValue(value, BIDI_FREE_KEYS.has(key));
    if (result.removed.length > 0) {
      const bidi = result.removed.some((name) => /^U\+(202[A-E]|206[6-9])$/.test(name));
      diagnostics.push(
        warning(
          bidi ? "front-matter/bidi-control" : "front-matter/control-character",
          file,
          line,
          `removed ${result.removed.join(", ")} from ${key} (${bidi ? "bidirectional controls can make text read as something else; " : ""}expected printable text)`,
        ),
      );
    }
    return result.value;
  };
  const texts = new Map<string, string | null>();
  /** A text value: trimmed, cleaned string, null when absent or empty, and an error for lists or maps. */
  const text = (key: string): string | null => {
    if (texts.has(key)) return texts.get(key) ?? null;
    const value = values[key];
    let result: string | null = null;
    if (typeof value === "string" || typeof value === "number") {
      const trimmed = clean(key, String(value), lineOf(key)).replace(/\s+/g, " ").trim();
      result = trimmed === "" ? null : trimmed;
    } else if (value !== undefined && value !== null) {
      fail("bad-value", key, `${key} is ${shown(JSON.stringify(value) ?? String(value))} (expected text)`);
    }
    texts.set(key, result);
    return result;
  };
  const date = (key: string): Date | null => {
    const value = values[key];
    if (value === undefined || value === null || value === "") return null;
    const parsed = parseDateValue(String(value), config.timeZone);
    if (parsed.ok) return parsed.date;
    fail("bad-date", key, `${key} "${shown(String(value))}" is not a date (${parsed.expected})`);
    return null;
  };
  const webAddress = (key: string): string | null => {
    const value = text(key);
    if (value === null) return null;
    if (isWebAddress(value)) return value;
    fail("bad-url", key, `${key} "${shown(value)}" is not a web address (expected https://…)`);
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
      `source "${shown(sourceName)}" has no letters or digits (expected a publication name)`,
    );
  }
  const sourceTooLong = nameTooLong(sourceSlug);
  if (sourceName !== null && sourceTooLong)
    fail("long-source", "source", `source "${shown(sourceName)}" ${sourceTooLong}`);

  const rawTags = splitTags(values.tags);
  const tags: Tag[] = [];
  if (rawTags === null)
    fail("bad-tags", "tags", "tags is not a list (expected [a, b] or a comma-separated line)");
  /** The line of one tag: its own in a block list, else the `tags:` line. */
  const tagLine = (raw: string): number => {
    const list = values.tags;
    const index = Array.isArray(list) ? list.findIndex((t) => String(t).trim() === raw) : -1;
    return index >= 0 && lines[`tags.${index}`] !== undefined ? lineOf(`tags.${index}`) : lineOf("tags");
  };
  if (rawTags !== null && rawTags.length > MAX_TAGS) {
    fail(
      "too-many-tags",
      "tags",
      `tags lists ${rawTags.length} tags (expected at most ${MAX_TAGS}: each tag makes its own pages and feeds)`,
    );
  }
  for (const raw of rawTags !== null && rawTags.length <= MAX_TAGS ? rawTags : []) {
    const line = tagLine(raw);
    const tag = normalizeTag(clean("tags", raw, line));
    const tooLong = tag === null ? null : nameTooLong(tag.slug);
    if (tag === null)
      diagnostics.push(
        error(
          "front-matter/bad-tag",
          file,
          line,
          `tag "${shown(raw)}" has no letters or digits (expected a word)`,
        ),
      );
    else if (tooLong)
      diagnostics.push(error("front-matter/long-tag", file, line, `tag "${shown(raw)}" ${tooLong}`));
    else if (!tags.some((t) => t.slug === tag.slug)) tags.push(tag);
  }

  const sourceUrl = webAddress("source_url");
  const imageSrc = text("image");
  const imageAlt = text("image_alt");
  const caption = text("caption");
  let image: ArticleImage | null = null;
  const badImage = imageSrc === null ? null : imageProblem(imageSrc);
  if (imageSrc !== null && badImage) {
    fail("bad-image", "image", `image "${shown(imageSrc)}" ${badImage}`);
  } else if (imageSrc !== null) {
    if (imageAlt === null) {
      fail(
        "missing-alt",
        "image",
        "image has no image_alt (expected a description of the image for readers who can't see it)",
      );
    }
    image = {
      src: imageSrc,
      alt: imageAlt ?? "",
      caption,
      line: lineOf("image"),
      width: null,
      height: null,
      renditions: null,
    };
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
  const slugTooLong = nameTooLong(slug);
  if (slug === "") {
    diagnostics.push(
      error(
        "article/bad-file-name",
        file,
        0,
        `file name "${shown(input.name)}" gives an empty slug (expected letters or digits)`,
      ),
    );
  } else if (slugTooLong) {
    diagnostics.push(error("article/long-slug", file, 0, `the file name ${slugTooLong}`));
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
    return { article: null, diagnostics, markdown: split.body };
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
      line: lineOf("date"),
    },
    split.body,
    text("summary"),
  );
  return { article, diagnostics, markdown: split.body };
}
