import { isUpdateDate, publishedDateIn } from "./date-labels.ts";
import { dropInlineNotes } from "./drop-inline-notes.ts";
import { extractAttribution } from "./extract-attribution.ts";
import { extractByline } from "./extract-byline.ts";
import { cleanCaption } from "./extract-caption.ts";
import { extractDateline } from "./extract-dateline.ts";
import { extractTitle } from "./extract-title.ts";
import { filterBodyLines } from "./filter-body-lines.ts";
import { findArticleRegion, type Region } from "./find-article-region.ts";
import { blocksToMarkdown, blocksToText, toBlocks } from "./format-blocks.ts";
import type { ImportedArticle, ImportOptions } from "./imported-article.ts";
import { normalizeText, splitLines, type TextLine, wordsOf } from "./normalize-text.ts";
import { type DateMatch, findDate } from "./parse-date.ts";
import { dateOnly, readHeader } from "./read-header.ts";
import { type StripResult, stripBoilerplate } from "./strip-boilerplate.ts";

/**
 * Turns raw copied page text into an article: finds the article text (`findArticleRegion`), the headline
 * above it, the byline, date, caption and publication lines between them (`readHeader`), the dateline
 * and attribution lines, strips boilerplate and formats lists. Pure: no I/O, no clock. Options win over
 * what the text says; every field it cannot read is null with a warning, every guess is listed.
 */
export function importArticle(text: string, options: ImportOptions = {}): ImportedArticle {
  const { lines, region, title, header, stripped } = readArticleLines(text, options.year);
  const warnings: string[] = [];
  const guesses: string[] = [];
  if (title) guesses.push(`title from line ${lineNo(lines, title.index)}${note(title.reasons)}`);
  else warnings.push("title: no headline found above the text (expected a short line before it)");
  const bodyStart = header.end;
  const start = bodyStart;
  guesses.push(...header.guesses);

  if (stripped.removed.length > 0)
    guesses.push(`boilerplate: ${stripped.removed.length} line(s) removed inside the text`);
  const filtered = filterBodyLines(stripped.lines, lines);
  if (filtered.removed.length > 0)
    guesses.push(
      `body: ${filtered.removed.length} line(s) left out as not article text (${filtered.removed.map((l) => l.lineNo).join(", ")})`,
    );
  // Notes set between paragraphs (a caption closed by its credit, a "Related: …" link, an embedded post's
  // signature) are left out as the saved-page path leaves them out, whatever the line model scored them.
  let bodyLines = dropInlineNotes(filtered.lines);

  // Attribution lines close the piece ("Source: Asharq AL-awsat"): metadata, not body. Being short, such
  // a line may also fall just outside the article region.
  let attribution: string | null = null;
  const tail = [...bodyLines.slice(-3), ...lines.slice(Math.max(bodyStart, region.end), region.end + 2)];
  for (const line of tail) {
    const found = extractAttribution(line.text);
    if (found) {
      attribution = found;
      guesses.push(`attribution "${found}" from line ${line.lineNo}`);
      bodyLines = bodyLines.filter((l) => l !== line);
      break;
    }
  }

  let dateline: string | null = null;
  let datelineDate: DateMatch | null = null;
  const first = bodyLines[0];
  const split = first ? extractDateline(first.text, options.year) : null;
  if (first && split) {
    dateline = split.dateline;
    datelineDate = split.date;
    bodyLines = [{ ...first, text: split.rest }, ...bodyLines.slice(1)];
    guesses.push(`dateline "${dateline}" from line ${first.lineNo}`);
  }

  const date = pickDate(
    options,
    preferPublished(lines, options.year, [
      ...header.dates,
      ...(datelineDate ? [{ match: datelineDate, lineNo: first?.lineNo ?? 0 }] : []),
      ...nearbyDates(lines, title?.index ?? start, region, options.year),
      ...stampLines(lines, region, options.year),
      ...labelledBelow(lines, region, options.year),
    ]),
  );
  if (date.guess) guesses.push(date.guess);
  if (date.warning) warnings.push(date.warning);

  const blocks = toBlocks(bodyLines);
  const source = options.source ?? header.source;
  if (!source) warnings.push("source: no publication name found (pass --source NAME)");
  if (!header.byline) warnings.push("byline: no byline found");
  if (!dateline) warnings.push("dateline: the text does not open with a dateline");
  if (!header.caption) warnings.push("caption: no image caption line found");
  if (blocks.length === 0) warnings.push("body: no article text found");
  return {
    title: title?.title ?? null,
    date: date.date,
    source: source ?? null,
    byline: header.byline,
    dateline,
    caption: header.caption ? cleanCaption(header.caption) : null,
    body: blocksToText(blocks),
    markdown: blocksToMarkdown(blocks),
    tags: options.tags ?? [],
    suggestedTags: [],
    attribution,
    url: options.url ?? null,
    warnings,
    guesses,
  };
}

/**
 * The first steps of `importArticle`: the page's lines, the article region, the headline, the header
 * between them and the region's lines without boilerplate (before the body-line filter). Exported for
 * the body model's training script.
 */
export function readArticleLines(
  text: string,
  year?: number,
): {
  lines: TextLine[];
  region: Region;
  title: ReturnType<typeof extractTitle>;
  header: ReturnType<typeof readHeader>;
  stripped: StripResult;
} {
  const lines = splitLines(normalizeText(text));
  const region = findArticleRegion(lines);
  const title = extractTitle(lines, region.start);
  const from = title ? title.index + 1 : region.start;
  const header = readHeader(lines, from, Math.max(from, region.start), year);
  // A headline found inside the text leaves the text above it in the body: the article region may open
  // with a standfirst or an introduction the headline follows.
  const before = title && title.index > region.start ? lines.slice(region.start, title.index) : [];
  const stripped = stripBoilerplate([
    ...before,
    ...lines.slice(header.end, Math.max(header.end, region.end)),
  ]);
  return { lines, region, title, header, stripped };
}

const lineNo = (lines: readonly TextLine[], i: number): number => lines[i]?.lineNo ?? 0;
const note = (reasons: string[]): string => (reasons.length > 0 ? ` (${reasons.join("; ")})` : "");

/** A line that announces its date: "Published: …", "Posted on …", "Updated …". */
const DATE_LABEL = /^(?:published|posted|updated|last updated|first published|date)\b/i;

/**
 * The last resort: date stamps anywhere above the article's end, lines that are mostly a date ("June 19,
 * 2025 at 1:45 am", "Published: Apr 10, 2023"), first one first. A page that shows its date far from the
 * headline (in a side column, after the standfirst) still shows it as a stamp of its own.
 */
function stampLines(
  lines: readonly TextLine[],
  region: { start: number; end: number },
  year?: number,
): Array<{ match: DateMatch; lineNo: number }> {
  const out: Array<{ match: DateMatch; lineNo: number }> = [];
  for (const line of lines.slice(0, region.end)) {
    if (wordsOf(line.text).length > 12) continue;
    const match = dateOnly(line.text, year);
    if (match?.date) out.push({ match, lineNo: line.lineNo });
  }
  return out;
}

/** Dates close to the headline (just below or above it) and at the very start or end of the text. */
function nearbyDates(
  lines: readonly TextLine[],
  titleIndex: number,
  region: { start: number; end: number },
  year?: number,
): Array<{ match: DateMatch; lineNo: number }> {
  // A short line with a date just below the headline is its date stamp ("16 November 2017 • 2:15pm",
  // "Dec. 6, 2024, 10:00 PM UTC / Updated …"), even with a time or an update note beside it.
  // A labelled stamp may be longer: "PUBLISHED: December 22, 2023 at 1:49 p.m. | UPDATED: …".
  // So may one that opens with its date: "Dec. 22, 2023, 5:24 AM UTC / Updated … / Source: …".
  const stamps = lines
    .slice(titleIndex + 1, titleIndex + 8)
    .filter(
      (l) =>
        wordsOf(l.text).length <= 14 ||
        ((DATE_LABEL.test(l.text) ||
          findDate(l.text, year)?.index === 0 ||
          publishedDateIn(l.text, year) !== null) &&
          wordsOf(l.text).length <= 25),
    );
  const top = lines.slice(titleIndex + 1, Math.max(titleIndex + 1, region.start + 8));
  const picks = [
    ...stamps,
    ...lines.slice(Math.max(0, titleIndex - 3), titleIndex),
    ...lines.slice(region.start, region.start + 2),
    // A byline that carries the date, however far the text starts below the headline ("By Jane Doe - The
    // Daily Paper - Thursday, December 21, 2023").
    ...top.filter((l) => extractByline(l.text) !== null),
  ];
  const end = lines.slice(Math.max(region.start, region.end - 2), region.end + 3);
  const dated = (from: readonly TextLine[]) =>
    from
      .filter((l) => wordsOf(l.text).length <= 25)
      .map((l) => ({ match: findDate(l.text, year), lineNo: l.lineNo }))
      .filter((d): d is { match: DateMatch; lineNo: number } => d.match !== null);
  // A press release's dateline in one of the text's first paragraphs: "WASHINGTON (January 24, 2017) — …".
  const datelines = lines
    .slice(region.start, region.start + 4)
    .map((l) => ({ match: extractDateline(l.text, year)?.date ?? null, lineNo: l.lineNo }))
    .filter((d): d is { match: DateMatch; lineNo: number } => d.match !== null);
  return [...dated(picks), ...datelines, ...dated(end)];
}

/**
 * The candidate dates with the publication before its edits: a line that labels both gives the
 * publication ("Updated Dec. 23, 2023 / Published Dec. 22, 2023"), and when the first date found is
 * labelled as an edit ("Last Updated: …" above "First Published: …"), a date labelled as the
 * publication comes first.
 */
function preferPublished(
  lines: readonly TextLine[],
  year: number | undefined,
  found: Array<{ match: DateMatch; lineNo: number }>,
): Array<{ match: DateMatch; lineNo: number }> {
  const textOf = new Map(lines.map((l) => [l.lineNo, l.text]));
  const read = found.map((d) => {
    const text = textOf.get(d.lineNo) ?? "";
    const published = publishedDateIn(text, year);
    return {
      ...d,
      published: published !== null,
      update: isUpdateDate(text, d.match),
      match: published ?? d.match,
    };
  });
  const first = read.find((d) => d.match.date !== null);
  const labelled = read.find((d) => d.published);
  const out =
    first?.update && !first.published && labelled ? [labelled, ...read.filter((d) => d !== labelled)] : read;
  return out.map(({ match, lineNo }) => ({ match, lineNo }));
}

/** A line that labels the publication: "Published August 13, 2025", "Posted by Jane Doe on 2025-12-18 …". */
const PUBLISHED_LABEL = /^(?:published|posted|first published|date published|publish(?:ed)? date)\b/i;

/**
 * After the text, as a last resort: the publication's date where the page shows it below the article (a
 * "Published …" or "Posted by … on …" line, "PUBLISHED" above a date, an author box's name above a date).
 * Only when every such line below the text gives the same day: several days there are other stories'.
 */
function labelledBelow(
  lines: readonly TextLine[],
  region: { start: number; end: number },
  year?: number,
): Array<{ match: DateMatch; lineNo: number }> {
  const found: Array<{ match: DateMatch; lineNo: number }> = [];
  const below = lines.slice(Math.max(region.start, region.end - 2));
  below.forEach((line, i) => {
    const text = line.text;
    const next = below[i + 1];
    const above = next && (/^(?:published|posted|date)\s*:?$/i.test(text) || isShortByline(text));
    const match = above
      ? dateOnly(next.text, year)
      : PUBLISHED_LABEL.test(text) && wordsOf(text).length <= 16
        ? findDate(text, year)
        : null;
    if (match?.date) found.push({ match, lineNo: above ? next.lineNo : line.lineNo });
  });
  return new Set(found.map((f) => f.match.date)).size === 1 ? found.slice(0, 1) : [];
}

const isShortByline = (text: string): boolean => extractByline(text) !== null && wordsOf(text).length <= 8;

/** The first date with a day, month and year; else a warning saying which flag to pass. */
function pickDate(
  options: ImportOptions,
  found: Array<{ match: DateMatch; lineNo: number }>,
): { date: string | null; guess?: string; warning?: string } {
  if (options.date) return { date: options.date };
  const full = found.find((d) => d.match.date !== null);
  if (full) {
    const year = /\d{4}/.test(full.match.raw) ? "" : " with the year from --year";
    return {
      date: full.match.date,
      guess: `date ${full.match.date} from "${full.match.raw}" on line ${full.lineNo}${year}`,
    };
  }
  const partial = found[0];
  if (partial?.match.problem === "no-year") {
    return {
      date: null,
      warning: `date: "${partial.match.raw}" on line ${partial.lineNo} has no year (pass --year YYYY or --date YYYY-MM-DD)`,
    };
  }
  if (partial?.match.problem === "ambiguous") {
    return {
      date: null,
      warning: `date: "${partial.match.raw}" on line ${partial.lineNo} could be day/month or month/day (pass --date YYYY-MM-DD)`,
    };
  }
  return { date: null, warning: "date: no date found (pass --date YYYY-MM-DD)" };
}
