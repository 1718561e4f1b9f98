/** Words a card's summary may have: about two lines of a phone screen. */
export const CARD_WORDS = 30;

/** The shortest cut at a sentence end that is preferred over cutting mid-sentence. */
const MIN_SENTENCE_WORDS = 12;

const ABBREVIATION = /^(?:[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|U\.S\.|e\.g\.|i\.e\.)$/;

/**
 * A summary cut for a card: at most `max` words. It ends at the last sentence end within them when one
 * leaves at least 12 words, else at the last whole word with an ellipsis. A short summary is kept as is.
 */
export function shortSummary(summary: string, max = CARD_WORDS): string {
  // Every card of an article shows the same cut (home, tag, source and archive pages, related articles).
  const key = `${max}|${summary}`;
  let cut = cuts.get(key);
  if (cut === undefined) {
    if (cuts.size >= CUT_LIMIT) cuts.clear();
    cut = cutSummary(summary, max);
    cuts.set(key, cut);
  }
  return cut;
}

/** Cuts made so far, by `max` and summary: bounded, cleared when full. */
const cuts = new Map<string, string>();
const CUT_LIMIT = 50_000;

function cutSummary(summary: string, max: number): string {
  const words = summary.trim().split(/\s+/).filter(Boolean);
  if (words.length <= max) return words.join(" ");
  for (let n = max; n >= MIN_SENTENCE_WORDS; n--) {
    const last = words[n - 1] ?? "";
    if (/[.!?]["'”’)\]]*$/.test(last) && !ABBREVIATION.test(last)) return words.slice(0, n).join(" ");
  }
  return `${words
    .slice(0, max)
    .join(" ")
    .replace(/[,;:\-–—…]+$/, "")}…`;
}
