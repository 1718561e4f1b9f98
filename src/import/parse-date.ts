import { rememberByText } from "./remember-by-text.ts";

/** A calendar date found in text. */
export interface DateMatch {
  /** `YYYY-MM-DD`, or null when the text gives no year (and none was supplied) or is ambiguous. */
  date: string | null;
  /** The matched text, e.g. "Jan. 31, 2019" or "20 Oct". */
  raw: string;
  /** Offset of the match in the text. */
  index: number;
  /** Why `date` is null: no year in the text, or day and month could be either way round (3/4/2019). */
  problem: "no-year" | "ambiguous" | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
/** The year's end: a word boundary, or a clock time that copying glued to it ("November 9, 202211:01 AM"). */
const YEAR_END = "(?:\\b|(?=\\d{1,2}:\\d{2}))";
const FULL_MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const PATTERNS: Array<{
  re: RegExp;
  order: "ymd" | "mdy" | "glued" | "dmy" | "md" | "dm" | "numeric";
}> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/g, order: "ymd" },
  { re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})(?![/\d])/g, order: "ymd" },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})${YEAR_END}`, "gi"), order: "mdy" },
  // Copied text glues inline spans together: "By Jane DoeMarch 5, 2024No Comments". A capitalised month
  // name in full, with its day and year, still reads as a date there.
  {
    re: new RegExp(
      `(?<=\\p{Ll})${FULL_MONTH}\\s+${DAY},?\\s+(\\d{4})(?!\\d)|\\b${FULL_MONTH}\\s+${DAY},?\\s+(\\d{4})(?=\\p{Lu})`,
      "gu",
    ),
    order: "glued",
  },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${YEAR_END}`, "gi"), order: "dmy" },
  { re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g, order: "numeric" },
  // A two-digit year only with slashes, and not inside a longer run of them: "By Jane Doe • 05/26/22 4:20pm".
  { re: /(?<![/\d])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![/\d])/g, order: "numeric" },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?![:\\d])`, "gi"), order: "md" },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH}(?![\\p{L}])`, "giu"), order: "dm" },
];

/** `YYYY-MM-DD` when year, month and day make a real date (1990–2099), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A two-digit year: 90–99 are the 1990s, the rest this century. */
export const fullYear = (yy: number): number => (yy >= 90 ? 1900 + yy : 2000 + yy);

/** What follows a date written with an American time zone: ", 12:15 PM PT", " at 4:20 p.m. EDT". */
const AMERICAN_TIME =
  /^[\s,|•·-]*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[ECMP][SD]?T|Eastern|Pacific|Central)\b/i;

const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * Finds the first date in a piece of text, in the common formats: `2019-01-31`, `Jan. 31, 2019`,
 * `January 31st 2019`, `31 January 2019`, `7/24/2015`, and without a year `20 Oct` or `Oct. 20`. A date
 * without a year takes `year` when given; otherwise `date` is null with problem `no-year`. A numeric date
 * whose day and month could be swapped (`3/4/2019`) is never guessed (problem `ambiguous`).
 */
export function findDate(text: string, year?: number): DateMatch | null {
  return year === undefined ? findDateRemembered(text) : readDate(text, year);
}

/** `findDate` without a year, asked of the same lines by every stage: remembered per line. */
const findDateRemembered = rememberByText((text) => readDate(text));

function readDate(text: string, year?: number): DateMatch | null {
  let best: DateMatch | null = null;
  for (const { re, order } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const found = toMatch(m, order, year);
      if (found && (best === null || found.index < best.index)) best = found;
      if (found) break;
    }
  }
  return best;
}

function toMatch(m: RegExpMatchArray, order: string, year?: number): DateMatch | null {
  const [raw, a = "", b = "", c = ""] = m;
  const index = m.index ?? 0;
  const make = (y: number, mo: number, d: number): DateMatch | null => {
    const date = isoDate(y, mo, d);
    return date ? { date, raw, index, problem: null } : null;
  };
  switch (order) {
    case "ymd":
      return make(Number(a), Number(b), Number(c));
    case "mdy":
      return make(Number(c), monthNumber(a), Number(b));
    case "glued": {
      const [, , , , d = "", e = "", f = ""] = m;
      return a ? make(Number(c), monthNumber(a), Number(b)) : make(Number(f), monthNumber(d), Number(e));
    }
    case "dmy":
      return make(Number(c), monthNumber(b), Number(a));
    case "numeric": {
      const [x, y] = [Number(a), Number(b)];
      const yr = c.length === 2 ? fullYear(Number(c)) : Number(c);
      if (x > 12 && y <= 12) return make(yr, y, x);
      if (y > 12 && x <= 12) return make(yr, x, y);
      if (x === y) return make(yr, x, y);
      // A clock time in an American zone after it says the month comes first: "9/8/2015 12:15 PM PT".
      if (AMERICAN_TIME.test(m.input?.slice(index + raw.length, index + raw.length + 40) ?? ""))
        return make(yr, x, y);
      return isoDate(yr, x, y) ? { date: null, raw, index, problem: "ambiguous" } : null;
    }
    default: {
      const [name, mo, d] = order === "md" ? [a, monthNumber(a), Number(b)] : [b, monthNumber(b), Number(a)];
      // Without a year only a capitalised month counts: "may 5 things" is no date.
      if (d < 1 || d > 31 || !/^\p{Lu}/u.test(name)) return null;
      if (year !== undefined) return make(year, mo, d);
      return isoDate(2000, mo, d) ? { date: null, raw, index, problem: "no-year" } : null;
    }
  }
}
