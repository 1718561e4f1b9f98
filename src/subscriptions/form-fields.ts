/** A form value as Hono's `parseBody({ all: true })` gives it. */
export type FormValue = string | File | (string | File)[] | undefined;

/** The first text value of a field, or "". */
export function firstText(value: FormValue): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

/**
 * The optional display name (pure): control characters and runs of spaces collapsed, at most 100
 * characters; empty is null. It goes into a `To` header later, so nothing that could break a header stays.
 */
export function readName(value: FormValue): string | null {
  const name = firstText(value)
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100)
    .trim();
  return name === "" ? null : name;
}

/**
 * The optional topics (pure): every value of the field, each split at commas, slugged the way tags are
 * (lower case, NFKC, runs of other characters become `-`), at most 40 characters each and 20 in all,
 * without repeats.
 */
export function readTopics(value: FormValue): string[] {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
  const topics = new Set<string>();
  for (const part of values.flatMap((v) => v.split(","))) {
    const slug = part
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "");
    if (slug) topics.add(slug);
    if (topics.size === 20) break;
  }
  return [...topics];
}
