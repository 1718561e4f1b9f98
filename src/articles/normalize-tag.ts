import { slugify } from "../shared/slugify.ts";
import type { Tag } from "./article.ts";

/**
 * Tidies a tag as written (`  Sanctions `) into its display name and slug. Spellings that differ only in case,
 * width or spacing share one slug and so one URL. Returns null when the tag slugs to nothing.
 */
export function normalizeTag(raw: string): Tag | null {
  const name = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  const slug = slugify(name);
  return slug === "" ? null : { name, slug };
}

/**
 * Reads a front matter `tags` value: a YAML list or a comma-separated string. Returns the raw names
 * (trimmed, empty ones dropped), or null when the value is neither.
 */
export function splitTags(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === "string")
    return value
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "");
  if (Array.isArray(value) && value.every((t) => typeof t === "string" || typeof t === "number")) {
    return value.map((t) => String(t).trim()).filter((t) => t !== "");
  }
  return null;
}
