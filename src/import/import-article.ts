import { dropInlineNotes } from "./drop-inline-notes.ts";
import { extractAttribution } from "./extract-attribution.ts";
import { cleanCaption } from "./extract-caption.ts";
import { extractDateline } from "./extract-dateline.ts";
import { extractTitle } from "./extract-title.ts";
import { filterBodyLines } from "./filter-body-lines.ts";
import { findArticleRegion, type Region } from "./find-article-region.ts";
import { blocksToMarkdown, blocksToText, toBlocks } from "./format-blocks.ts";
import type { ImportedArticle, ImportOptions } from "./imported-article.ts";
import { normalizeText, splitLines, type TextLine } from "./normalize-text.ts";
import type { DateMatch } from "./parse-date.ts";
import { pickTextDate } from "./pick-text-date.ts";
import { readHeader } from "./read-header.ts";
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

  const date = pickTextDate(
    lines,
    title?.index ?? start,
    region,
    [...header.dates, ...(datelineDate ? [{ match: datelineDate, lineNo: first?.lineNo ?? 0 }] : [])],
    options,
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
