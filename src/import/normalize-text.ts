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
 * Letters, punctuation and case are kept as they are (NFC only), so the body stays verbatim.
 */
export function normalizeText(text: string): string {
  return text
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

/** The words of a line: runs of letters and digits (apostrophes inside words kept), as the scorer counts. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu) ?? [];
}
