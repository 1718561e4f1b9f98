/** One non-blank line of copied page text. */
export interface TextLine {
  /** The line, trimmed, with inner whitespace runs collapsed to one space. */
  text: string;
  /** 1-based line number in the normalised text, for messages ("title from line 3"). */
  lineNo: number;
  /** Whether a blank line (or the start of the text) comes before it. */
  blankBefore: boolean;
}

/**
 * Normalises copied text: drops a byte-order mark, makes line ends LF, turns no-break and other odd spaces
 * into plain spaces, removes zero-width characters and soft hyphens, and trims every line. Letters,
 * punctuation and case are kept as they are (NFC only), so the body stays verbatim.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n");
}

/** Splits normalised text into its non-blank lines, remembering line numbers and blank lines before them. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let blank = true;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") {
      blank = true;
      return;
    }
    lines.push({ text: line, lineNo: i + 1, blankBefore: blank });
    blank = false;
  });
  return lines;
}

/** The words of a line: runs of letters and digits (apostrophes inside words kept), as the scorer counts. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu) ?? [];
}
