import { type DateMatch, findDate } from "./parse-date.ts";

/** A dateline split off the paragraph that it opens. */
export interface Dateline {
  /** The dateline without its dash: "Jan. 31, 2019", "London, 20 Oct", "WASHINGTON (Reuters)". */
  dateline: string;
  /** The date in it, if any (see `findDate`). */
  date: DateMatch | null;
  /** The rest of the paragraph. */
  rest: string;
}

/** Place names in capitals, maybe with an agency: "WASHINGTON", "NEW YORK (Reuters)". */
const PLACE = /^\p{Lu}[\p{Lu}\s.'’-]{2,30}(?:,\s*[\p{L}. ]{2,20})?(?:\s*\([^)]{2,30}\))?$/u;

/**
 * Splits the dateline off the first paragraph: a short lead before a dash ("Jan. 31, 2019 - While…",
 * "London, 20 Oct – Iran is…", "WASHINGTON (Reuters) — The…"). The lead must hold a date or be a place
 * in capitals, and be at most eight words, so an ordinary sentence with a dash in it is left alone.
 * Returns null when the paragraph has no dateline.
 */
export function extractDateline(paragraph: string, year?: number): Dateline | null {
  const m = /^(.{3,60}?)\s+[-–—]+\s+(?=\S)|^(.{3,60}?)\s*[—–]\s*(?=\p{Lu})/u.exec(paragraph);
  const lead = (m?.[1] ?? m?.[2])?.replace(/[,:]$/, "").trim();
  if (!m || !lead || lead.split(/\s+/).length > 8 || /[!?;"“”]/.test(lead)) return null;
  const rest = paragraph.slice(m[0].length).trim();
  if (rest === "") return null;
  const date = findDate(lead, year);
  if (date) {
    // The date must be most of the lead, not a date inside a sentence ("In May 2018 - …").
    const other = lead
      .replace(date.raw, "")
      .replace(/[\p{P}\s]+/gu, " ")
      .trim();
    if (other.split(" ").filter((w) => w !== "").length > 4) return null;
    return { dateline: lead, date, rest };
  }
  return PLACE.test(lead) ? { dateline: lead, date: null, rest } : null;
}
