/** A top-level key the fast path reads: a plain name at the start of its line, then `: `. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

/** Plain values that the YAML 1.2 core schema reads as null, a boolean or a number, not a string. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Characters that make a line more than the fast path promises to read exactly: leave it to `yaml`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** First characters of a plain scalar that YAML gives another meaning (indicators). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/**
 * A plain (unquoted) scalar in block context, as the string it is, or undefined when YAML would read it
 * otherwise (a number, a boolean, null, a comment, a nested mapping) or it might.
 */
function plainString(value: string, inFlow: boolean): string | undefined {
  if (value === "" || INDICATOR.test(value) || NOT_A_STRING.test(value)) return undefined;
  if (value.includes(": ") || value.endsWith(":") || value.includes(" #")) return undefined;
  if (inFlow && /[,[\]{}"':#]/.test(value)) return undefined;
  return value;
}

/** A quoted scalar without escapes, or undefined. */
function quotedString(value: string): string | undefined {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    const inner = value.slice(1, -1);
    return /["\\]/.test(inner) ? undefined : inner;
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    const inner = value.slice(1, -1);
    return /'(?!')/.test(inner.replaceAll("''", "")) ? undefined : inner.replaceAll("''", "'");
  }
  return undefined;
}

/** A one-line flow sequence of strings (`[a, "b c", 'd']`), or undefined. */
function flowStrings(value: string): string[] | undefined {
  if (!value.startsWith("[") || !value.endsWith("]")) return undefined;
  const inner = value.slice(1, -1).trim();
  if (inner === "") return [];
  const items: string[] = [];
  // Quoted items hold no escapes and no quote of their kind, so a comma splits items only outside them.
  for (const raw of inner.match(/"[^"\\]*"|'[^']*'|[^,]+|,/g) ?? []) {
    if (raw === ",") continue;
    const part = raw.trim();
    const item = part.startsWith('"') || part.startsWith("'") ? quotedString(part) : plainString(part, true);
    if (item === undefined) return undefined;
    items.push(item);
  }
  // Every item must be followed by exactly one comma but the last: `[a,,b]` and `[a,]` go to `yaml`.
  const commas = (inner.match(/"[^"\\]*"|'[^']*'|,/g) ?? []).filter((t) => t === ",").length;
  return commas === items.length - 1 ? items : undefined;
}

/**
 * Reads the common shape of front matter without a full YAML parser: one `key: value` per line, values
 * plain or quoted strings without escapes, or one-line lists of them, with blank and comment lines. Gives
 * exactly what `parseYamlMapping` would (YAML 1.2 core schema, key lines), or null for anything else
 * (numbers, booleans, escapes, nesting, block scalars, multi-line values, duplicate keys, errors), which
 * then goes to the full parser. Parsing is most of loading a large site's articles; this is many times
 * faster.
 */
export function parseFlatMapping(
  text: string,
): { values: Record<string, unknown>; lines: Record<string, number> } | null {
  if (UNUSUAL.test(text)) return null;
  const values: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  const rows = text.split("\n");
  for (let n = 0; n < rows.length; n++) {
    const line = rows[n] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const match = KEY_LINE.exec(line.trimEnd());
    if (!match) return null;
    const key = match[1] as string;
    const raw = match[2];
    if (raw === undefined || key === "__proto__" || NOT_A_STRING.test(key) || Object.hasOwn(values, key))
      return null;
    let value: string | string[] | undefined;
    if (raw.startsWith("[")) value = flowStrings(raw);
    else if (raw.startsWith('"') || raw.startsWith("'")) value = quotedString(raw);
    else value = plainString(raw, false);
    if (value === undefined) return null;
    values[key] = value;
    lines[key] = n + 1;
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) lines[`${key}.${i}`] = n + 1;
  }
  return { values, lines };
}
