import { classifyLine } from "./classify-boilerplate.ts";
import { extractByline, isPublicationName } from "./extract-byline.ts";
import { isCaptionLine } from "./extract-caption.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { type DateMatch, findDate } from "./parse-date.ts";

/** What the lines between the headline and the text say. */
export interface Header {
  /** Index of the first body line (the header may reach a few lines into the article region). */
  end: number;
  byline: string | null;
  /** The raw caption line (see `cleanCaption`). */
  caption: string | null;
  /** A publication name line such as "Iran Focus". */
  source: string | null;
  dates: Array<{ match: DateMatch; lineNo: number }>;
  guesses: string[];
}

/** A line that is mostly a date or time stamp: "Jan. 31, 2019", "16 November 2017 • 2:15pm". */
export function dateOnly(text: string, year?: number): DateMatch | null {
  const date = findDate(text, year);
  if (!date) return null;
  const rest = text
    .replace(date.raw, " ")
    .replace(/\b(?:updated|published|posted|on|at|am|pm|[a-z]{2,3}t|utc|gmt)\b/gi, " ");
  return wordsOf(rest.replace(/\d+/g, " ")).length <= 4 ? date : null;
}

/**
 * Reads the header: the lines from `from` (just after the headline) to `bodyStart`, plus up to three more
 * while they are still a byline, a date stamp or a photo credit. Finds the byline ("By …"), dates, the
 * image caption (the first caption-like line) and a publication name (a short capitalised line standing
 * last, right before the text). Summaries and chrome in between are skipped.
 */
export function readHeader(
  lines: readonly TextLine[],
  from: number,
  bodyStart: number,
  year?: number,
): Header {
  const header: Header = {
    end: bodyStart,
    byline: null,
    caption: null,
    source: null,
    dates: [],
    guesses: [],
  };
  let end = bodyStart;
  while (end < Math.min(lines.length, bodyStart + 3)) {
    const text = lines[end]?.text ?? "";
    if (
      !(
        extractByline(text) ||
        dateOnly(text, year) ||
        (/\b(?:credit|photo|getty|image)\b/i.test(text) && wordsOf(text).length <= 25)
      )
    )
      break;
    end++;
  }
  header.end = end;
  let sourceAt = -1;
  for (let i = from; i < end; i++) {
    const line = lines[i] as TextLine;
    const text = line.text;
    if (classifyLine(text) !== "text") continue;
    const byline = extractByline(text);
    const date = findDate(text, year);
    if (byline) {
      header.byline ??= byline.byline;
      header.guesses.push(`byline "${byline.byline}" from line ${line.lineNo}`);
    }
    if (date && (byline || dateOnly(text, year))) header.dates.push({ match: date, lineNo: line.lineNo });
    if (byline || dateOnly(text, year)) continue;
    if (isPublicationName(text) && wordsOf(text).length >= 2) sourceAt = i;
    else if (header.caption === null && isCaptionLine(text)) {
      header.caption = text;
      header.guesses.push(`caption from line ${line.lineNo}`);
    }
  }
  // Only a name standing last before the text (or before the byline and date) is the publication.
  const tail = lines.slice(sourceAt + 1, end).every((l) => extractByline(l.text) || dateOnly(l.text, year));
  if (sourceAt !== -1 && tail) {
    header.source = lines[sourceAt]?.text ?? null;
    header.guesses.push(`source "${header.source}" from line ${lines[sourceAt]?.lineNo}`);
  } else if (sourceAt !== -1 && header.caption === null && isCaptionLine(lines[sourceAt]?.text ?? "")) {
    header.caption = lines[sourceAt]?.text ?? null;
  }
  return header;
}
