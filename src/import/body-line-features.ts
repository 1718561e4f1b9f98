import { isCodeLike, LIST_ITEM } from "./find-article-region.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";

/** Names of the features `bodyLineFeatures` returns, in order (the body model's weights follow it). */
export const BODY_LINE_FEATURES = [
  "bias",
  "log words",
  "1-4 words",
  "5-10 words",
  "over 25 words",
  "ends like a sentence",
  "ends with :",
  "no end punctuation",
  "title case",
  "all capitals",
  "starts lower case",
  "list item",
  "code-like",
  "first line",
  "second or third line",
  "last line",
  "second or third last line",
  "position in the text",
  "short line before",
  "short line after",
  "log words before",
  "log words after",
  "credit words",
  "call to action",
  "about the author",
  "address or handle",
  "repeated in the page",
  "digit share",
  "separators",
  "first or second person",
  "quote marks",
  "ends with … or ...",
  "starts with By",
  "long for the text",
] as const;

const SENTENCE_END = /[.!?"”’)\]]$/;
/** Credits and captions: who took the picture, where it is from. */
const CREDIT =
  /\b(?:photo(?:graph)?s?|image|picture|illustration|credit|getty|shutterstock|istock|reuters|afp|ap photo|courtesy|file photo|pictured|©|\(c\))\b|©/i;
/** Lines that ask the reader to do something: sign up, subscribe, download, contact, buy. */
const ACTION =
  /\b(?:sign up|subscribe|newsletter|download|click here|learn more|read more|contact us|follow us|get (?:a|your|the|started)|free (?:trial|demo|quote)|book (?:a|your)|request a|join (?:us|our|the)|try (?:it|for)|order now|shop now|buy now|terms|privacy|unsubscribe|opt out|inbox)\b/i;
/** An author note: "Jane Doe is a reporter …", "Hi, I'm …", "About the author". */
const ABOUT =
  /^(?:\p{Lu}[\p{L}.'’-]*\s){1,4}(?:is|was|has been|writes|covers)\s|^(?:hi|hello),? i['’]?m\b|\babout the author\b|\bis (?:a|an|the) (?:\w+ ){0,3}(?:writer|editor|reporter|journalist|correspondent|contributor|author)\b/iu;
/** A cheap test that must pass before `ABOUT` is tried. */
const ABOUT_HINT = /\b(?:is|was|has been|writes|covers|i['’]?m|author)\b/i;
const ADDRESS = /https?:\/\/|www\.|@\w|\.com\b/i;
const PERSON = /\b(?:we|our|us|you|your)\b/gi;

const log1 = (n: number): number => Math.log(1 + n);

/**
 * The features of each line of an article's text, as the body-line model reads them (see
 * `BODY_LINE_FEATURES`): its length and shape, where it stands in the text, its neighbours' lengths,
 * and the vocabulary of credits, calls to action and author notes. `page` is every line of the page
 * (for repetition). Shared by the filter and its training script (`scripts/train-body-model.ts`).
 */
export function bodyLineFeatures(lines: readonly TextLine[], page: readonly TextLine[]): number[][] {
  const counts = new Map<string, number>();
  for (const line of page) counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  const tokens = lines.map((l) => wordsOf(l.text));
  const words = tokens.map((t) => t.length);
  const sorted = [...words].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const n = lines.length;
  return lines.map((line, i) => {
    const text = line.text;
    const w = words[i] ?? 0;
    const before = i > 0 ? (words[i - 1] ?? 0) : 0;
    const after = i < n - 1 ? (words[i + 1] ?? 0) : 0;
    const own = (tokens[i] ?? []).filter((t) => !/^\d/.test(t));
    const capitalised = own.filter((t) => t[0] !== t[0]?.toLowerCase()).length;
    const capitals = !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 4;
    const digits = (text.match(/\d/g) ?? []).length;
    return [
      1,
      log1(w),
      w <= 4 ? 1 : 0,
      w > 4 && w <= 10 ? 1 : 0,
      w > 25 ? 1 : 0,
      SENTENCE_END.test(text) ? 1 : 0,
      /:$/.test(text) ? 1 : 0,
      /[\p{L}\p{N}]$/u.test(text) ? 1 : 0,
      own.length >= 2 && capitalised / own.length >= 0.7 ? 1 : 0,
      capitals ? 1 : 0,
      /^\p{Ll}/u.test(text) ? 1 : 0,
      LIST_ITEM.test(text) ? 1 : 0,
      isCodeLike(text) ? 1 : 0,
      i === 0 ? 1 : 0,
      i === 1 || i === 2 ? 1 : 0,
      i === n - 1 && n > 1 ? 1 : 0,
      (i === n - 2 || i === n - 3) && n > 3 ? 1 : 0,
      n > 1 ? i / (n - 1) : 0,
      i > 0 && before <= 6 ? 1 : 0,
      i < n - 1 && after <= 6 ? 1 : 0,
      log1(before),
      log1(after),
      CREDIT.test(text) && w <= 40 ? 1 : 0,
      ACTION.test(text) && w <= 60 ? 1 : 0,
      ABOUT_HINT.test(text) && ABOUT.test(text) ? 1 : 0,
      ADDRESS.test(text) ? 1 : 0,
      (counts.get(text) ?? 0) > 1 ? 1 : 0,
      text.length > 0 ? digits / text.length : 0,
      Math.min(3, (text.match(/\s[|•·/│]\s/g) ?? []).length),
      Math.min(1, ((text.match(PERSON) ?? []).length * 5) / Math.max(w, 5)),
      /^["“‘']|["”’']$/.test(text) ? 1 : 0,
      /(?:…|\.\.\.)$/.test(text) ? 1 : 0,
      /^by\s/i.test(text) ? 1 : 0,
      median > 0 && w > 3 * median ? 1 : 0,
    ];
  });
}
