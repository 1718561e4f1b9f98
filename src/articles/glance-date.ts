import { parseDateValue } from "../shared/dates.ts";
import { splitFrontMatter } from "./split-front-matter.ts";

const DATE_LINE =
  /^date:[ \t]*(["']?)(\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\1[ \t]*(?:#.*)?$/m;

/**
 * The `date` of an article read at a glance, without parsing its YAML: only a plain `date:` line at the top
 * level of the front matter counts. Null whenever there is any doubt (no such line, two of them, an
 * unusual form): callers then parse the file fully.
 */
export function glanceDate(text: string, timeZone: string): Date | null {
  const split = splitFrontMatter(text);
  if (!split.ok) return null;
  const match = DATE_LINE.exec(split.yaml);
  if (!match || split.yaml.indexOf("\ndate:", match.index + 1) !== -1) return null;
  const parsed = parseDateValue(match[2] ?? "", timeZone);
  return parsed.ok ? parsed.date : null;
}
