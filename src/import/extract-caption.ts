import { wordsOf } from "./normalize-text.ts";

/** Words that mark a photo caption or credit. */
const CREDIT =
  /\b(?:photo(?:graph)?s?|image|picture|credit|illustration|getty(?: images)?|reuters|afp|ap photo|shutterstock|istock|epa|©|file photo)\b|^(?:image|media) caption\b/i;

/**
 * Whether a line reads as an image caption: it names a photo or credit ("Photo: Reuters", "… Credit:
 * HARARE HERALD"), or it is a short label of 3–25 words that does not end like a sentence ("Ali Khamenei
 * and Hassan Rouhani"). Only meaningful for lines between the headline and the text.
 */
export function isCaptionLine(line: string): boolean {
  const words = wordsOf(line).length;
  if (words === 0 || words > 40) return false;
  if (CREDIT.test(line)) return true;
  return words >= 3 && words <= 25 && !/[.!?:;,"”…]$/.test(line);
}

/**
 * Cleans a caption for the front matter: drops "Image caption"/"Media caption" labels and doubled
 * "CreditCredit" runs that copying leaves behind. Returns null when nothing readable is left.
 */
export function cleanCaption(line: string): string | null {
  const text = line
    .replace(/^(?:image|media|photo) caption\s*/i, "")
    .replace(/(Credit)(?:Credit)+/g, "$1")
    .replace(/(\S)(Credit)/g, "$1 $2")
    .replace(/\bCredit(?=\p{Lu})/gu, "Credit ")
    .trim();
  return wordsOf(text).length > 0 ? text : null;
}
