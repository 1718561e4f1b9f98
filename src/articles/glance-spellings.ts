import { slugify } from "../shared/slugify.ts";
import type { Source, Tag } from "./article.ts";
import { nameTooLong } from "./name-limits.ts";
import { normalizeTag } from "./normalize-tag.ts";
import { MAX_TAGS } from "./parse-article.ts";
import { splitFrontMatter } from "./split-front-matter.ts";

/** The tags and source of an article file, as `parseArticle` would read them. */
export interface GlancedSpellings {
  tags: Tag[];
  source: Source | null;
}

/**
 * Characters that cleaning would remove or YAML would read specially (control characters, bidirectional
 * controls, noncharacters, tabs, carriage returns): a front matter holding any is parsed in full.
 */
const DOUBTFUL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * A plain scalar the YAML 1.2 core schema reads as the string written: no indicator first, no comment,
 * no `: `, nothing that could be a number, a boolean or null. In a flow list, no `,[]{}` either.
 */
function plainScalar(value: string, inFlow: boolean): string | null {
  if (value === "" || /^[-?:,[\]{}#&*!|>'"%@`+.0-9~]/.test(value)) return null;
  if (/: |:$| #/.test(value) || (inFlow && /[,[\]{}]/.test(value))) return null;
  if (/^(?:null|true|false)$/i.test(value)) return null;
  return value;
}

/** One scalar as YAML gives it: quoted without escapes, or plain; null when in any doubt. */
function scalar(written: string, inFlow: boolean): string | null {
  const value = written.trim();
  const double = /^"([^"\\]*)"$/.exec(value);
  if (double) return double[1] ?? "";
  const single = /^'((?:[^']|'')*)'$/.exec(value);
  if (single) return (single[1] ?? "").replace(/''/g, "'");
  return plainScalar(value, inFlow);
}

/** A line that writes the key, at the top level or not, with or without spaces before the colon. */
const WRITTEN_KEY = { tags: /^\s*tags\s*:/, source: /^\s*source\s*:/ };

/** The top-level line `key: value` and the lines after it, or undefined when absent, null in doubt. */
function topLevel(
  lines: readonly string[],
  key: "tags" | "source",
): { at: number; value: string } | null | undefined {
  const prefix = `${key}:`;
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // `tags :`, an indented `tags:` (a mapping indented as a whole, or text in a block value): in doubt.
    if (!line.includes(key) || !WRITTEN_KEY[key].test(line)) continue;
    if (at !== -1) return null;
    at = i;
  }
  if (at === -1) return undefined;
  const line = lines[at] as string;
  const value = line.slice(prefix.length);
  if (!line.startsWith(prefix) || (value !== "" && !value.startsWith(" "))) return null;
  return { at, value: value.trim() };
}

/** Whether the first non-blank line after `at` continues the value (indented): then it is in doubt. */
function continues(lines: readonly string[], at: number): boolean {
  const next = lines.slice(at + 1).find((line) => line.trim() !== "");
  return next !== undefined && /^\s/.test(next);
}

/** The raw tag names: a flow list, a block list of `- name` lines, or a comma-separated line. */
function rawTags(lines: readonly string[]): string[] | null {
  const line = topLevel(lines, "tags");
  if (line === undefined) return [];
  if (line === null) return null;
  if (line.value === "") {
    const items: string[] = [];
    let at = line.at + 1;
    const indent = /^( *)- /.exec(lines[at] ?? "")?.[1] ?? "";
    const marker = `${indent}- `;
    for (; at < lines.length; at++) {
      const item = lines[at] as string;
      if (!item.startsWith(marker)) break;
      const name = scalar(item.slice(marker.length), false);
      if (name === null) return null;
      items.push(name);
    }
    if (continues(lines, at - 1) || lines[at]?.startsWith(`${indent}-`)) return null;
    return items.map((t) => t.trim()).filter((t) => t !== "");
  }
  if (continues(lines, line.at)) return null;
  const flow = /^\[(.*)\]$/.exec(line.value);
  if (flow) {
    const inside = (flow[1] ?? "").trim();
    if (inside === "") return [];
    const items = inside.split(",").map((item) => scalar(item, true));
    if (items.some((item) => item === null)) return null;
    return (items as string[]).map((t) => t.trim()).filter((t) => t !== "");
  }
  const text = scalar(line.value, false);
  if (text === null) return null;
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** The source's name, or undefined when there is none, null in doubt. */
function rawSource(lines: readonly string[]): string | null | undefined {
  const line = topLevel(lines, "source");
  if (line === undefined) return undefined;
  if (line === null || continues(lines, line.at)) return null;
  if (line.value === "") return undefined;
  return scalar(line.value, false);
}

/**
 * The tags and source of an article read at a glance, without parsing its YAML, for articles the newsletter
 * does not otherwise read but whose spellings count (`canonicalSpellings`). Only the usual forms are read
 * (`source: Name`, `tags: [a, "b"]`, a `- name` block list, `tags: a, b`); null whenever there is any doubt
 * (quotes with escapes, comments, anchors, numbers, a value that continues on the next line, a name that
 * would be an error), and callers then parse the file fully. What it returns is what `parseArticle` reads.
 */
export function glanceSpellings(text: string): GlancedSpellings | null {
  const split = splitFrontMatter(text);
  if (!split.ok || DOUBTFUL_CHARACTERS.test(split.yaml)) return null;
  const lines = split.yaml.split("\n");
  // Keys written another way (quoted, `? key`, a flow mapping) could be tags or source: parse those files.
  if (lines.some((line) => /^["'?{[&*!%<]/.test(line))) return null;
  const names = rawTags(lines);
  const sourceName = rawSource(lines);
  if (names === null || sourceName === null || names.length > MAX_TAGS) return null;
  const tags: Tag[] = [];
  for (const raw of names) {
    const tag = normalizeTag(raw);
    if (tag === null || nameTooLong(tag.slug)) return null;
    if (!tags.some((t) => t.slug === tag.slug)) tags.push(tag);
  }
  if (sourceName === undefined) return { tags, source: null };
  const name = sourceName.replace(/\s+/g, " ").trim();
  if (name === "") return { tags, source: null };
  const slug = slugify(name);
  if (slug === "" || nameTooLong(slug)) return null;
  return { tags, source: { name, slug } };
}
