import { TITLE_FEATURES } from "./title-features.ts";

/** Names of the features `relativeTitleFeatures` adds after `TITLE_FEATURES`, in order. */
export const RELATIVE_TITLE_FEATURES = [
  "most likeness to the text on the page",
  "below the page's best likeness to the text",
  "most likeness to the lede on the page",
  "below the page's best likeness to the lede",
  "most shared words on the page",
  "below the page's most shared words",
  "best rule score on the page",
  "below the page's best rule score",
] as const;

const COMPARED = [
  "likeness to the text",
  "likeness to the lede",
  "shared words (count)",
  "rule score",
] as const;
const columns = COMPARED.map((name) => TITLE_FEATURES.indexOf(name));

/**
 * Features of each candidate against the page's other candidates (rows of `titleFeatures`, one per
 * candidate): whether its words are the most used by the text and by the text's lede of all the lines
 * that could be the headline, and how far below the best it is (0 for the best, down to -1). A headline
 * is about the article; other stories' headlines, menus and section names beside it are less so, on
 * every page, whatever its vocabulary.
 */
export function relativeTitleFeatures(rows: readonly (readonly number[])[]): number[][] {
  const best = columns.map((k) => Math.max(0, ...rows.map((r) => r[k] ?? 0)));
  return rows.map((r) =>
    columns.flatMap((k, c) => {
      const value = r[k] ?? 0;
      const top = best[c] ?? 0;
      return [top > 0 && value === top ? 1 : 0, Math.max(-1, value - top)];
    }),
  );
}
