import { normalizeText, splitLines, type TextLine } from "../../src/import/normalize-text.ts";

/** Lines of a small inline fixture, as the importer sees them. */
export function linesOf(text: string): TextLine[] {
  return splitLines(normalizeText(text));
}

/** A paragraph of `n` words that ends like a sentence. */
export function paragraph(n: number, word = "word"): string {
  return `${Array.from({ length: n }, (_, i) => (i === 0 ? "Some" : word)).join(" ")}.`;
}
