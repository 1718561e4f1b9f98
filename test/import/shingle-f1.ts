/**
 * The importer dev set's body metric, reimplemented for tests: tokens are runs of Unicode word characters
 * (case kept), shingles are runs of 4 tokens (a text of 1–3 tokens is one shingle), compared as
 * multisets. Returns precision and recall of `predicted` against `truth`.
 */
export function shingleScore(predicted: string, truth: string): { precision: number; recall: number } {
  const p = shingles(predicted);
  const t = shingles(truth);
  const np = total(p);
  const nt = total(t);
  if (np === 0 || nt === 0) return { precision: 0, recall: 0 };
  let matched = 0;
  for (const [key, count] of p) matched += Math.min(count, t.get(key) ?? 0);
  return { precision: matched / np, recall: matched / nt };
}

/** F1 of mean precision and mean recall, as the dev-set scorer reports it. */
export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Title comparison of the dev-set scorer: NFKC, straight quotes, lower case, collapsed white space. */
export function normalizeTitle(title: string | null): string {
  return (title ?? "")
    .normalize("NFKC")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  const add = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length === 0) return counts;
  if (tokens.length < 4) add(tokens.join("\u0001"));
  for (let i = 0; i + 4 <= tokens.length; i++) add(tokens.slice(i, i + 4).join("\u0001"));
  return counts;
}

function total(counts: Map<string, number>): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}
