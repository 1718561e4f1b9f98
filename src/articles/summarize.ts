const MIN_WORDS = 40;
const MAX_WORDS = 60;

/**
 * A summary of 40–60 words from the body's plain text: it ends at the last sentence end, or the end of a
 * paragraph or list item, in that range, else at the 60th word with an ellipsis. A body shorter than 40
 * words is its own summary.
 */
export function summarize(text: string): string {
  // Only the first MAX_WORDS + 1 words matter: don't split the whole body.
  const words: string[] = [];
  /** Whether word i closes a paragraph or list item (a line break follows it). */
  const closesBlock: boolean[] = [];
  for (const match of text.matchAll(/(\S+)(\s*)/g)) {
    words.push(match[1] ?? "");
    closesBlock.push((match[2] ?? "").includes("\n"));
    if (words.length > MAX_WORDS) break;
  }
  if (words.length <= MAX_WORDS) return words.join(" ");
  for (let n = MAX_WORDS; n >= MIN_WORDS; n--) {
    const last = words[n - 1] ?? "";
    const sentenceEnd =
      /[.!?]["'”’)\]]*$/.test(last) &&
      !/^(?:[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|U\.S\.|e\.g\.|i\.e\.)$/.test(last);
    if (sentenceEnd || (closesBlock[n - 1] && !/[,;:\-–—]$/.test(last))) return words.slice(0, n).join(" ");
  }
  return `${words
    .slice(0, MAX_WORDS)
    .join(" ")
    .replace(/[,;:\-–—]+$/, "")}…`;
}

/** Words in a plain text (runs of letters or digits). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Minutes to read at 230 words a minute, at least 1. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}
