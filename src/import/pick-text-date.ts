import { isUpdateDate, publishedDateIn } from "./date-labels.ts";
import { extractByline } from "./extract-byline.ts";
import { extractDateline } from "./extract-dateline.ts";
import type { ImportOptions } from "./imported-article.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { type DateMatch, findDate } from "./parse-date.ts";
import { dateOnly } from "./read-header.ts";

/** A date found in copied text and the line it is on. */
export interface DateCandidate {
  match: DateMatch;
  lineNo: number;
}

/**
 * The article's date in copied text. `first` are the header's dates and the dateline's, which come
 * first; then a stamp by the headline, a dated byline above the text, a press release's dateline in the
 * first paragraphs, dates at the text's start and end, stamps above its end and a publication day
 * labelled below it. The publication comes before its edits (`preferPublished`). Options win: `--date`
 * replaces what the text says, `--year` completes a date written without one.
 */
export function pickTextDate(
  lines: readonly TextLine[],
  titleIndex: number,
  region: { start: number; end: number },
  first: DateCandidate[],
  options: ImportOptions,
): { date: string | null; guess?: string; warning?: string } {
  return pickDate(
    options,
    preferPublished(lines, options.year, [
      ...first,
      ...nearbyDates(lines, titleIndex, region, options.year),
      ...stampLines(lines, region, options.year),
      ...labelledBelow(lines, region, options.year),
    ]),
  );
}

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
): DateCandidate[] {
  const out: DateCandidate[] = [];
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
): DateCandidate[] {
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
      .filter((d): d is DateCandidate => d.match !== null);
  // A press release's dateline in one of the text's first paragraphs: "WASHINGTON (January 24, 2017) — …".
  const datelines = lines
    .slice(region.start, region.start + 4)
    .map((l) => ({ match: extractDateline(l.text, year)?.date ?? null, lineNo: l.lineNo }))
    .filter((d): d is DateCandidate => d.match !== null);
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
  found: DateCandidate[],
): DateCandidate[] {
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
): DateCandidate[] {
  const found: DateCandidate[] = [];
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
  found: DateCandidate[],
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
