import { wordsOf } from "./normalize-text.ts";
import { findDate, fullYear, isoDate } from "./parse-date.ts";
import { headlineAt } from "./pick-headline.ts";

/** What the page's markup declares about its dates (see `readPageMetadata`). */
export interface DeclaredDates {
  /** The declared publication day, `YYYY-MM-DD`. */
  date: string | null;
  /** Where it came from ("JSON-LD datePublished", …). */
  dateFrom: string | null;
  /** The declared last modification day. */
  modified: string | null;
  /** The page's canonical address (its path often carries the publication day). */
  url: string | null;
}

/** The day chosen for a saved page and a note on where it came from; null when the page gives none. */
export interface PageDate {
  date: string;
  from: string;
}

/** A stamp that dates an edit, not the publication ("Updated on …", "Last modified …", "Revised …"). */
const UPDATE_STAMP = /\b(?:updated|modified|revised|edited)\b/i;

/**
 * The publication day of a saved page. `lines` are the page's visible text lines (read with a space at
 * every element boundary, so a stamp glued to a name, "Jane DoeMar 5, 2025", is still a date), `title`
 * the chosen headline (or a list: the headline, then headings that stand for it, such as the page's h1
 * when the headline is a declared title the page does not show). In order:
 * 1. the date stamp shown by the headline, when the markup confirms it: as published; as modified,
 *    when that edit came within a year of the declared publication (an edition of the same story, which
 *    a page that shows it dates itself by, "Updated" or not; a page re-dated years later is a refreshed
 *    guide, first published on its declared day; `isEdition`), or with no declared publication, unless
 *    the stamp calls itself an update; one day from the declared publication (the markup's stamp is often in UTC, the page shows
 *    the publisher's own day); or earlier than a declared publication that is also the declared
 *    modification (a CMS that rewrites both on every edit; the stamp shown is the first publication);
 *    or on a short line when the declared day is only a `<time>` that nothing names the publication
 *    (it may be another story's);
 * 2. the declared publication, unless it is also the declared modification and a stamp labelled as the
 *    publication anywhere on the page is earlier (the CMS rewrote both; the label keeps the first);
 * 3. the day in the address (`/2023/12/20/slug`: set when the page is published, where a stamp may be a
 *    later edition's); 4. a note of the first publication ("This article was originally published on
 *    26 Sep 2019 …"); 5. the stamp by the headline, unless it calls itself an update and 6. a stamp
 *    labelled as the publication anywhere on the page ("Published: October 29, 2024", "3 Sept 2024 |
 *    Originally published") gives the publication; 7. `textDate`, the date the copied-text importer
 *    reads in the page's text; 8. a stamp labelled as the last update anywhere on the page ("Last
 *    updated: November 13, 2025": the only day it gives).
 * Null when none of them gives a day.
 */
export function pickPageDate(
  lines: readonly string[],
  title: string | null | readonly string[],
  declared: DeclaredDates,
  textDate: string | null = null,
): PageDate | null {
  const stamp = dateNearHeadline(lines, title, declared.date);
  if (stamp !== null) {
    const d = stamp.date;
    const confirmed =
      d === declared.date ||
      (d === declared.modified && isEdition(d, declared.date, stamp.line)) ||
      daysApart(d, declared.date) === 1 ||
      (declared.date !== null && declared.date === declared.modified && d < declared.date) ||
      (UNDECLARED_TIME.test(declared.dateFrom ?? "") && wordsOf(stamp.line).length <= 12);
    if (confirmed) return { date: d, from: "the date stamp by the headline" };
  }
  const labelled = labelledDate(lines, PUBLISHED_LABEL);
  if (declared.date) {
    // A CMS that rewrites both on every edit declares the last edit; the page's own label tells the first.
    if (labelled && declared.date === declared.modified && labelled < declared.date)
      return { date: labelled, from: "the page's publication stamp" };
    return { date: declared.date, from: `the page's ${declared.dateFrom}` };
  }
  const inAddress = dateInAddress(declared.url);
  if (inAddress) return { date: inAddress, from: "the page's address" };
  const original = originallyPublished(lines);
  if (original) return { date: original, from: "the page's note of its first publication" };
  if (stamp && !(labelled && UPDATE_STAMP.test(stamp.line)))
    return { date: stamp.date, from: "the date stamp by the headline" };
  if (labelled) return { date: labelled, from: "the page's publication stamp" };
  if (stamp) return { date: stamp.date, from: "the date stamp by the headline" };
  if (textDate) return { date: textDate, from: "the page's text" };
  const updated = labelledDate(lines, UPDATED_LABEL);
  if (updated) return { date: updated, from: "the page's last-updated stamp" };
  return null;
}

/**
 * How long after its publication a page's edit is still an edition of the same story: a news story is
 * corrected and updated within days or months, and a page that shows such an edit as its date dates
 * itself by it; a page re-dated more than a year after it was published is a guide refreshed (a "Best
 * … of 2026" rewritten every year), whose publication is still the day it first appeared.
 */
export const EDITION_DAYS = 365;

/**
 * Whether a shown stamp of the declared modification dates the page: when the declared publication is
 * within `EDITION_DAYS` of it (whether or not the stamp calls itself an update); with no declared
 * publication, when it does not call itself an update.
 */
export function isEdition(modified: string, published: string | null, line: string): boolean {
  if (published === null) return !UPDATE_STAMP.test(line);
  return (daysApart(modified, published) ?? Number.POSITIVE_INFINITY) <= EDITION_DAYS;
}

/** A date read from a `<time>` that nothing declares as the publication: it may be another story's. */
const UNDECLARED_TIME = /^time (?:datetime|text)$/;

/** A day either side: whole days between two `YYYY-MM-DD` days, or null when one is missing. */
function daysApart(a: string, b: string | null): number | null {
  return b === null ? null : Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/**
 * The first full date (day, month, year) on the lines just below the page's headline, or above it, and
 * the line it is on: a page whose markup declares no date usually shows its stamp there. A numeric date
 * that reads either way round (`8/1/2025`) counts when one reading is the declared day, or when the
 * page's other numeric dates show which way it writes them (`numericOrder`); it is never guessed.
 */
export function dateNearHeadline(
  lines: readonly string[],
  title: string | null | readonly string[],
  declared: string | null = null,
): { date: string; line: string } | null {
  const at = headlineLine(lines, title);
  if (at < 0) return null;
  const order = numericOrder(lines);
  for (const line of [...lines.slice(at + 1, at + 16), ...lines.slice(Math.max(0, at - 5), at).reverse()]) {
    if (wordsOf(line).length > 30) continue;
    const found = findDate(line);
    if (!found) continue;
    // "July 13, 2024 October 10, 2020": a stamp of the update beside one of the publication.
    if (declared && found.date !== declared && datesOf(line).includes(declared))
      return { date: declared, line };
    if (found.date) return { date: found.date, line };
    if (found.problem === "ambiguous") {
      const [monthFirst, dayFirst] = eitherWay(found.raw);
      if (declared && (monthFirst === declared || dayFirst === declared)) return { date: declared, line };
      // One reading a day from the declared instant's UTC day (the page shows the publisher's own day).
      const near = [monthFirst, dayFirst].filter(
        (d): d is string => d !== null && daysApart(d, declared) === 1,
      );
      if (near.length === 1 && near[0]) return { date: near[0], line };
      const read = order === "month first" ? monthFirst : order === "day first" ? dayFirst : undefined;
      if (read) return { date: read, line };
    }
  }
  return null;
}

/**
 * The index of the line showing the headline: the first line that agrees with `title`, else with the
 * next heading given (the page's h1 when the headline chosen is a declared title the page does not show
 * as a line). -1 when none is shown.
 */
function headlineLine(lines: readonly string[], title: string | null | readonly string[]): number {
  const anchors = typeof title === "string" ? [title] : (title ?? []);
  for (const anchor of anchors) {
    if (!anchor) continue;
    const at = headlineAt(lines, anchor);
    if (at >= 0) return at;
  }
  return -1;
}

/** Every full date on a line, in order. */
function datesOf(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  for (let found = findDate(rest); found !== null; found = findDate(rest)) {
    if (found.date) out.push(found.date);
    rest = rest.slice(found.index + found.raw.length);
  }
  return out;
}

/** Both readings of a numeric date such as `8/1/2025` or `8/1/25`: month first, then day first (null when not a day). */
function eitherWay(raw: string): [string | null, string | null] {
  const m = /(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})/.exec(raw);
  if (!m) return [null, null];
  const [a, b] = [Number(m[1]), Number(m[2])];
  const y = m[3]?.length === 2 ? fullYear(Number(m[3])) : Number(m[3]);
  return [isoDate(y, a, b), isoDate(y, b, a)];
}

const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;

/**
 * The order in which the page writes its numeric dates, when its own dates show it: a page writes them
 * all one way, so `12/16/2025` elsewhere on it means `03/01/2017` is the first of March. Null when no
 * date on the page reads only one way, or when some read month first and others day first.
 */
export function numericOrder(lines: readonly string[]): "month first" | "day first" | null {
  let monthFirst = 0;
  let dayFirst = 0;
  for (const line of lines)
    for (const m of line.matchAll(NUMERIC_DATE)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a >= 1 && a <= 12 && b > 12 && b <= 31) monthFirst++;
      else if (b >= 1 && b <= 12 && a > 12 && a <= 31) dayFirst++;
    }
  if (monthFirst > 0 && dayFirst === 0) return "month first";
  if (dayFirst > 0 && monthFirst === 0) return "day first";
  return null;
}

/** A month's name in full or in three or four letters (`dec`, `sept`, `october`), lower-cased. */
const MONTH_NAME =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The day in a page's address, as news sites write it when the page is published: `/2023/12/20/slug`,
 * `/2023/dec/21/slug`, `/2023/october/03/slug`, `/2023-12-20-slug`. Year and month alone
 * (`/2023/12/slug`) are no day. Null when the address has none.
 */
export function dateInAddress(url: string | null): string | null {
  let path: string;
  try {
    path = url ? new URL(url).pathname.toLowerCase() : "";
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d\d)\/(\d{1,2}|[a-z]{3,9})\/(\d{1,2})(?=[-_./]|$)/.exec(path) ??
    /\/((?:19|20)\d\d)-(\d{2})-(\d{2})(?=[-_./]|$)/.exec(path);
  if (!m) return null;
  const [, year, monthPart = "", day] = m;
  const month = /^\d+$/.test(monthPart)
    ? Number(monthPart)
    : MONTH_NAME.test(monthPart)
      ? MONTHS.indexOf(monthPart.slice(0, 3)) + 1
      : 0;
  return isoDate(Number(year), month, Number(day));
}

/** A line that labels the publication: "Published: …", "Posted on …", "Date published …". */
const PUBLISHED_LABEL =
  /^(?:(?:first |originally )?(?:published|posted)(?: on)?|date published|publication date)\b/i;

/** What stands between a date and a label after it: a time, separators ("3 Sept 2024, 10:05 | "). */
const LABEL_GAP = /^(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?[\s|·•,–—:-]*/i;

/** "… was originally published on 26 Sep 2019 …", "First published on …": the date right after it. */
const ORIGINALLY_PUBLISHED = /\b(?:originally|first) published(?: on)?\s+(?=\S)/gi;

/**
 * The day a note on the page gives as the article's first publication ("This article was originally
 * published on 26 Sep 2019 at 4:12pm but has been updated"): the date must follow the words directly.
 */
export function originallyPublished(lines: readonly string[]): string | null {
  for (const line of lines) {
    for (const m of line.matchAll(ORIGINALLY_PUBLISHED)) {
      const rest = line.slice((m.index ?? 0) + m[0].length);
      const found = findDate(rest);
      if (found?.date && found.index === 0) return found.date;
    }
  }
  return null;
}

/** A line that labels the last edition: "Last updated: …", "Updated on …". */
const UPDATED_LABEL = /^(?:last )?(?:updated|modified|reviewed)(?: on)?\b/i;

/**
 * The day of the first short line that opens with `label` and holds a full date, or whose next line is
 * that date ("Published" above "Feb 2, 2023"), or that opens with the date and ends with the label
 * ("3 Sept 2024 | Originally published"), not in a list (other stories' stamps). Null when none.
 */
export function labelledDate(lines: readonly string[], label: RegExp): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith("•") || wordsOf(line).length > 12) continue;
    const found = findDate(line);
    if (!label.test(line)) {
      // The label after the date: "3 Sept 2024 | Originally published".
      const after = found?.date ? line.slice(found.index + found.raw.length).replace(LABEL_GAP, "") : "";
      if (found?.date && wordsOf(line.slice(0, found.index)).length === 0 && label.test(after)) {
        if (wordsOf(after).length <= 3) return found.date;
      }
      continue;
    }
    const here = found?.date;
    if (here) return here;
    const next = lines[i + 1];
    if (next !== undefined && wordsOf(next).length <= 6) {
      const below = findDate(next)?.date;
      if (below) return below;
    }
  }
  return null;
}
