import { rememberByText } from "./remember-by-text.ts";
import { repairMojibake } from "./repair-mojibake.ts";

/** One non-blank line of copied page text. */
export interface TextLine {
  /** The line, trimmed, with inner whitespace runs collapsed to one space. */
  text: string;
  /** 1-based line number in the normalised text, for messages ("title from line 3"). */
  lineNo: number;
  /** Whether a blank line (or the start of the text) comes before it. */
  blankBefore: boolean;
  /**
   * Wide gaps inside the copied line (two or more spaces, or a tab, between words, not after sentence
   * punctuation): how a copy joins the items of a menu, a breadcrumb trail or a table row on one line.
   */
  gaps: number;
}

/**
 * Normalises copied text: drops a byte-order mark, makes line ends LF, turns no-break and other odd spaces
 * into plain spaces, removes zero-width characters and soft hyphens, and trims every line. A wide gap
 * inside a line (a tab, or a run of spaces) stays as two spaces, for `splitLines` to count and collapse.
 * Letters, punctuation and case are kept as they are (NFC only), so the body stays verbatim, but for text
 * whose UTF-8 was misread as Latin-1 or windows-1252 (`Iâ€™ve`), which is read again (`repairMojibake`).
 */
export function normalizeText(text: string): string {
  return repairMojibake(text)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\t/g, "  ")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, "  ").trim())
    .join("\n");
}

/** A wide gap between two words: two or more spaces not after sentence punctuation. */
const WIDE_GAP = /([^\s.!?:;,]) {2,}(?=\S)/g;

/**
 * Splits normalised text into its non-blank lines, remembering line numbers, blank lines before them and
 * the wide gaps inside them; each line's inner whitespace runs become one space.
 */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let blank = true;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") {
      blank = true;
      return;
    }
    const gaps = line.match(WIDE_GAP)?.length ?? 0;
    lines.push({ text: line.replace(/\s{2,}/g, " "), lineNo: i + 1, blankBefore: blank, gaps });
    blank = false;
  });
  return lines;
}

/**
 * The words of a line: runs of letters and digits (apostrophes inside words kept), as the scorer counts.
 * Every stage asks again of the same lines, so a line's words are remembered; the list is shared and
 * read-only.
 */
export const wordsOf: (text: string) => readonly string[] = rememberByText(matchWords);

/** What a UTF-16 unit of the Basic Multilingual Plane is to `matchWords`: 2 a letter, 1 a digit or "_". */
const BMP_CLASS = (() => {
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const digit = /[\p{N}_]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    table[c] = letter.test(ch) ? 2 : digit.test(ch) ? 1 : 0;
  }
  return table;
})();
const ASTRAL_LETTER = /\p{L}/uy;
const ASTRAL_DIGIT = /\p{N}/uy;

/** The length (1 or 2 units) of the word character at `i`, or 0; `letters`: letters only. */
function wordUnitAt(text: string, i: number, letters: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    const k = BMP_CLASS[c] ?? 0;
    return k === 2 || (k === 1 && !letters) ? 1 : 0;
  }
  ASTRAL_LETTER.lastIndex = i;
  if (ASTRAL_LETTER.test(text)) return 2;
  ASTRAL_DIGIT.lastIndex = i;
  return !letters && ASTRAL_DIGIT.test(text) ? 2 : 0;
}

/**
 * The matches of `[\p{L}\p{N}_]+(?:['’][\p{L}]+)*` (global, Unicode), read by hand: the regular
 * expression's Unicode classes made it the importer's costliest step. Letters and digits of the Basic
 * Multilingual Plane come from a table built once; astral ones (a surrogate pair) are tested as the
 * expression would test them.
 */
function matchWords(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const end = runEnd(text, i, false);
    if (end === i) {
      i++;
      continue;
    }
    const start = i;
    i = end;
    // Apostrophes inside the word ("isn't", "Iran’s", "rock'n'roll"): each followed by letters only.
    while (i + 1 < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x27 && c !== 0x2019) break;
      const after = runEnd(text, i + 1, true);
      if (after === i + 1) break;
      i = after;
    }
    words.push(text.slice(start, i));
  }
  return words;
}

/** Where the run of word characters (`letters`: letters only) starting at `i` ends. */
function runEnd(text: string, i: number, letters: boolean): number {
  let at = i;
  for (let w = wordUnitAt(text, at, letters); w > 0 && at < text.length; w = wordUnitAt(text, at, letters))
    at += w;
  return at;
}
