import { type DateMatch, findDate } from "./parse-date.ts";

/** Words that label the publication just before its date: "Published:", "First Published", "Posted on". */
const PUBLISHED_BEFORE =
  /\b(?:first\s+published|originally\s+published|published|posted)\b(?:\s+on)?\s*:?\s*/gi;

/** Words that label an edit just before its date: "Last Updated:", "Updated on", "Modified". */
const UPDATED_BEFORE = /\b(?:last\s+)?(?:updated|modified|revised|edited)\b(?:\s+on)?\s*:?\s*$/i;

/**
 * The date a line labels as the publication, when it does ("Updated Dec. 23, 2023 / Published Dec. 22,
 * 2023", "Posted: Dec 22, 2023 8:25 AM | Last Updated: January 2"): the first full date right after a
 * publication label. Null when no label has a date right after it.
 */
export function publishedDateIn(text: string, year?: number): DateMatch | null {
  for (const label of text.matchAll(PUBLISHED_BEFORE)) {
    const from = (label.index ?? 0) + label[0].length;
    const found = findDate(text.slice(from, from + 40), year);
    if (found?.date && found.index <= 2) return { ...found, index: from + found.index };
  }
  return null;
}

/** Whether the date found in a line is labelled as an edit: "Last Updated: Dec. 23, 2023". */
export function isUpdateDate(text: string, match: DateMatch): boolean {
  return UPDATED_BEFORE.test(text.slice(0, match.index));
}
