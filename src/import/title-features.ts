import { classifyLine } from "./classify-boilerplate.ts";
import { LIST_ITEM } from "./find-article-region.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { canBeHeadline, isBylineOrStamp, isProseLine, perLine } from "./title-rule.ts";

/** Names of the features `titleFeatures` returns, in order (the model's weights follow this order). */
export const TITLE_FEATURES = [
  "bias",
  "rule score",
  "rule rejects",
  "rule pick",
  "words",
  "2-3 words",
  "4-20 words",
  "over 20 words",
  "first line",
  "above the text",
  "lines to the text",
  "chrome lines to the text",
  "ends with . , ;",
  "ends with ? or !",
  "ends with :",
  "title case",
  "all capitals",
  "starts lower case",
  "has digits",
  "chrome",
  "repeated in the page",
  "byline or date below",
  "prose above",
  "prose below",
  "list item",
  "among short lines",
  "separator inside",
  "words shared with the text",
  "first heading-like line",
  "blank line before",
  "long line below",
  "log lines to the text",
  "just above the text",
  "top of the page",
  "over 12 words",
  "shared words (count)",
  "standfirst below",
  "first candidate",
  "headline-like line above",
  "breadcrumb trail",
  "end of a nearby line",
  "same line nearby, other case",
  "glued words",
  "name-like",
  "list of names",
  "role or affiliation",
  "call to action",
  "price or percentage",
  "starts with a number",
  "in a copyright line",
  "repeated 3+ times",
  "top 8 lines",
  "inside the text",
  "lines into the text",
  "likeness to the text",
  "menu words",
  "promotion or disclosure",
  "headline-like line below",
  "opens like other lines",
  "photo credit words",
  "function word share",
  "6+ words, no function word",
  "commas (count)",
  "doubled text",
  "likeness to the lede",
  "longer than a headline-like line above",
  "shorter than a headline-like line below",
  "short label above",
  "byline or date right below",
  "occurrences in the page",
  "short lines around (share)",
  "reappears inside the text",
  "byline or date itself",
  "same line right above or below",
  "symbols",
  "starts with by",
  "closes like other lines",
  "byline or date directly below",
  "line below heads a byline",
] as const;

/** The lines a model may pick the headline from: at most this many above the text, and a few inside it. */
export const ABOVE = 120;
export const INSIDE = 10;
/** The first lines of the page are always candidates: a copy of the article's own block starts at its headline. */
export const TOP = 8;

/** A line of 1–6 words that does not end like a sentence, remembered per line object. */
const shortLine = perLine((text) => {
  const n = wordsOf(text).length;
  return n >= 1 && n <= 6 && !/[.!?]$/.test(text);
});
/** How many words a line has (0 for none), remembered per line object. */
const wordCount = perLine((text) => wordsOf(text).length, 0);
/** Whether a line is page chrome (`classifyLine`), remembered per line object. */
const chromeLine = perLine((text) => classifyLine(text) !== "text");

/** A line below that sums the headline up: 10–45 words sharing at least two longer words with it. */
function standfirst(headline: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const n = wordsOf(next).length;
  if (n < 10 || n > 45) return false;
  const mine = new Set(wordsOf(headline.toLowerCase()).filter((w) => w.length >= 4));
  return wordsOf(next.toLowerCase()).filter((w) => mine.has(w)).length >= 2;
}

/** What the page's text (its first 400 words from `bodyStart`) is about: its longer words, lower-cased. */
export function textVocabulary(lines: readonly TextLine[], bodyStart: number): Set<string> {
  const words: string[] = [];
  for (let i = bodyStart; i < lines.length && words.length < 400; i++)
    for (const w of wordsOf(lines[i]?.text.toLowerCase() ?? "")) if (w.length >= 4) words.push(w);
  return new Set(words);
}

/** What the title features need to know about the whole page, computed once per page (`titleContext`). */
export interface TitleContext {
  /** `textVocabulary`: the longer words of the text's first 400 words. */
  vocabulary: ReadonlySet<string>;
  /** How often each longer word occurs in the text's first 2,000 words. */
  frequency: ReadonlyMap<string, number>;
  /** How often each line occurs in the page, lower-cased. */
  counts: ReadonlyMap<string, number>;
  /** Where each line occurs last in the page (its index), lower-cased. */
  last: ReadonlyMap<string, number>;
  /** The page's copyright lines ("© 2025 Example Media"), lower-cased and joined. */
  copyright: string;
  /** How many short lines (2–15 words) open with each first word, lower-cased ("myth:", "tip", "step"). */
  openings: ReadonlyMap<string, number>;
  /** The longer words of the text's first 80 words (its lede), lower-cased. */
  lede: ReadonlySet<string>;
  /** How many short lines (2–15 words) close with each last word's shape (`closing`: "$#", "#.#", "kettle"). */
  closings: ReadonlyMap<string, number>;
}

/** The first word of a line with the punctuation right after it: "Myth:", "Step 1" → "myth:", "step". */
export function opening(text: string): string {
  return (text.match(/^\S+/)?.[0] ?? "").toLowerCase().replace(/\d+/g, "#");
}

/** The last word of a line, lower-cased, digits as "#": "… at Amazon $331" → "$#", "Ease of Use 8.6" → "#.#". */
export function closing(text: string): string {
  return (text.match(/\S+$/)?.[0] ?? "").toLowerCase().replace(/\d+/g, "#");
}

const COPYRIGHT = /©|\bcopyright\b|\ball rights reserved\b/i;

/** The page-wide facts of `TitleContext`, for the article text starting at `bodyStart`. */
export function titleContext(lines: readonly TextLine[], bodyStart: number): TitleContext {
  const frequency = new Map<string, number>();
  const vocabulary = new Set<string>();
  const lede = new Set<string>();
  let seen = 0;
  let longer = 0;
  for (let i = bodyStart; i < lines.length && seen < 2000; i++)
    for (const w of wordsOf(lines[i]?.text.toLowerCase() ?? "")) {
      seen++;
      if (w.length < 4) continue;
      if (seen <= 80) lede.add(w);
      frequency.set(w, (frequency.get(w) ?? 0) + 1);
      // `textVocabulary`: the first 400 longer words.
      if (longer++ < 400) vocabulary.add(w);
    }
  const counts = new Map<string, number>();
  const last = new Map<string, number>();
  const openings = new Map<string, number>();
  const closings = new Map<string, number>();
  const copyright: string[] = [];
  lines.forEach((line, index) => {
    const lower = line.text.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
    last.set(lower, index);
    // Lines are normalised to single spaces: their pieces are about their words, and much cheaper.
    const n = line.text.split(" ").length;
    if (n >= 2 && n <= 15) {
      openings.set(opening(line.text), (openings.get(opening(line.text)) ?? 0) + 1);
      closings.set(closing(line.text), (closings.get(closing(line.text)) ?? 0) + 1);
    }
    if (COPYRIGHT.test(line.text) && line.text.length <= 300) copyright.push(lower);
  });
  return { vocabulary, frequency, counts, last, copyright: copyright.join("\n"), openings, lede, closings };
}

/** Short words of a sentence that names and labels rarely hold. */
const FUNCTION_WORDS = new Set(
  "a an the of in on at to for with from by and or but is are was were be how what why when who which your you my our this that these those it its as into over about after before vs not no new best".split(
    " ",
  ),
);

/** A trail of links to the page: "Home » Recipes » Bread", "Blog / News / Title". */
const CRUMB = /\s(?:[»›>]|\/)\s/g;
/** Who the author is, under a byline: "Research Fellow, Hoover Center", "Deputy CTO, Example Ltd". */
const ROLE =
  /\b(?:fellow|editor|director|reporter|correspondent|writer|contributor|columnist|professor|researcher|analyst|founder|ceo|cto|cfo|coo|president|manager|chief|author|journalist|producer|photographer|lecturer|partner|officer|specialist|consultant)\b/i;
/** Shop and sign-up prompts: "Get a quote", "Enter your email…", "Check price at …". */
const CALL_TO_ACTION =
  /^(?:get|sign up|enter|check|click|subscribe|shop|buy|join|download|register|order|claim|access|score|enjoy|use code|try|start your|book now|save \d)\b/i;

/** Words of site menus and page furniture: a line made of them is navigation, not a headline. */
const MENU_WORDS = new Set(
  "home about contact blog blogs posts post rss feed docs login log sign menu search shop cart account services resources support careers press events help faq topics categories archive archives subscribe newsletter portfolio pricing products solutions community forum news sections more options items".split(
    " ",
  ),
);
/** Affiliate notes, sponsor labels and shop prompts. */
const PROMOTION =
  /\b(?:commissions?|affiliate|sponsored|advertis\w*|promo(?:tion)?|coupon|discount|deals?|free (?:trial|shipping)|off your|independently (?:evaluate|review|select)\w*)\b/i;
const PHOTO_CREDIT =
  /\b(?:photo(?:graph)?s?|image|picture|credit|illustration|getty(?: images)?|reuters|afp|shutterstock|istock|epa|file photo)\b/i;

/** Features that read the line alone and the context (`titleContext`): names, trails, prompts, prices. */
function shapeFeatures(
  lines: readonly TextLine[],
  i: number,
  bodyStart: number,
  context: TitleContext,
): number[] {
  const text = (lines[i] as TextLine).text;
  const lower = text.toLowerCase();
  const tokens = text.split(/\s+/);
  const words = wordsOf(text);
  const crumbs = (text.match(CRUMB) ?? []).length;
  let endOfNearby = false;
  let otherCase = false;
  for (let j = Math.max(0, i - 5); j <= Math.min(lines.length - 1, i + 5); j++) {
    const other = lines[j]?.text;
    if (j === i || other === undefined) continue;
    const otherLower = other.toLowerCase();
    if (Math.abs(j - i) <= 3 && otherLower.length > lower.length && otherLower.endsWith(lower))
      endOfNearby = true;
    if (other !== text && otherLower === lower) otherCase = true;
  }
  const plain = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase())).length === words.length;
  const capitalised = tokens.every((t) => /^[\p{Lu}]/u.test(t));
  const nameLike = words.length >= 2 && words.length <= 4 && plain && capitalised && !/[\d.!?:]/.test(text);
  const separated = (text.match(/,/g) ?? []).length >= 2 || /\s(?:and|&)\s/i.test(text);
  const names =
    separated &&
    words.length >= 4 &&
    words.filter((w) => /^\p{Lu}/u.test(w) || /^(?:and)$/i.test(w)).length >= 0.85 * words.length;
  const role = (ROLE.test(text) && /,/.test(text) && words.length <= 10) || /\bas told to\b/i.test(text);
  const menu = words.filter((w) => MENU_WORDS.has(w.toLowerCase())).length;
  const below = lines[i + 1];
  const belowHeadline = wordCount(below) >= 4 && canBeHeadline(below);
  let likeness = 0;
  const content = words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
  for (const w of content) likeness += Math.min(context.frequency.get(w) ?? 0, 5) / 5;
  return [
    crumbs >= 2 || (crumbs >= 1 && /^home\b/i.test(text)) ? 1 : 0,
    endOfNearby ? 1 : 0,
    otherCase ? 1 : 0,
    /\p{Ll}\p{Lu}/u.test(text) ? 1 : 0,
    nameLike ? 1 : 0,
    names ? 1 : 0,
    role ? 1 : 0,
    CALL_TO_ACTION.test(text) || (/!/.test(text) && /\byou/i.test(text)) ? 1 : 0,
    /[$€£¥]\s?\d|\d\s?%/.test(text) ? 1 : 0,
    /^#?\d{1,2}[.):]\s|^#\d/.test(text) ? 1 : 0,
    words.length >= 2 && context.copyright.includes(lower) ? 1 : 0,
    (context.counts.get(lower) ?? 0) >= 3 ? 1 : 0,
    i < TOP ? 1 : 0,
    i >= bodyStart ? 1 : 0,
    i >= bodyStart ? Math.min(1, (i - bodyStart + 1) / 10) : 0,
    content.length ? likeness / content.length : 0,
    words.length ? Math.min(1, (2 * menu) / words.length) : 0,
    PROMOTION.test(text) ? 1 : 0,
    belowHeadline ? 1 : 0,
    (context.openings.get(opening(text)) ?? 0) >= 3 ? 1 : 0,
    PHOTO_CREDIT.test(text) ? 1 : 0,
  ];
}

const SYMBOL = /[\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff]/u;

/** Whether a line is the same text twice, as teaser cards copy an image's label and its link. */
export function doubled(text: string): boolean {
  const n = text.length;
  if (n < 12) return false;
  const half = Math.floor(n / 2);
  if (n % 2 === 0 && text.slice(0, half) === text.slice(half)) return true;
  return n % 2 === 1 && text[half] === " " && text.slice(0, half) === text.slice(half + 1);
}

/**
 * Features that set the line against its neighbours and the page: what a headline has (the text's
 * lede uses its words, a byline or date right below, a short section label above, a longer standfirst
 * below) and what menus, tag lists, standfirsts and section labels have (no function words, many
 * commas, a shorter headline-like line right above, a longer one right below).
 */
function neighbourFeatures(
  lines: readonly TextLine[],
  i: number,
  bodyStart: number,
  context: TitleContext,
): number[] {
  const text = (lines[i] as TextLine).text;
  const words = wordsOf(text);
  const n = words.length;
  const functionWords = words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length;
  const content = words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
  const inLede = content.filter((w) => context.lede.has(w)).length;
  const above = lines[i - 1];
  const below = lines[i + 1];
  const aboveWords = wordCount(above);
  const belowWords = wordCount(below);
  const label =
    above !== undefined &&
    aboveWords >= 1 &&
    aboveWords <= 4 &&
    !/[.!?:,;]$/.test(above.text) &&
    !isBylineOrStamp(above) &&
    !chromeLine(above);
  const count = context.counts.get(text.toLowerCase()) ?? 1;
  let short = 0;
  for (const j of [i - 3, i - 2, i - 1, i + 1, i + 2, i + 3]) if (shortLine(lines[j])) short++;
  // A contents entry or a menu item comes back as a subheading inside the text; a headline seldom does.
  const again = (context.last.get(text.toLowerCase()) ?? -1) > Math.max(i, bodyStart);
  const lower = text.toLowerCase();
  const twin = [i - 2, i - 1, i + 1, i + 2].some((j) => lines[j]?.text.toLowerCase() === lower);
  return [
    n ? functionWords / n : 0,
    n >= 6 && functionWords === 0 ? 1 : 0,
    Math.min((text.match(/,/g) ?? []).length, 5) / 5,
    doubled(text) ? 1 : 0,
    content.length ? inLede / content.length : 0,
    aboveWords >= 2 && n > aboveWords && canBeHeadline(above) ? 1 : 0,
    belowWords >= 2 && n < belowWords && canBeHeadline(below) ? 1 : 0,
    label ? 1 : 0,
    isBylineOrStamp(below) || isBylineOrStamp(lines[i + 2]) ? 1 : 0,
    Math.min(count - 1, 4) / 4,
    short / 6,
    again ? 1 : 0,
    isBylineOrStamp(lines[i]) ? 1 : 0,
    twin ? 1 : 0,
    // Arrows, boxes and icons (◂ ☰ ▸ ⋮): buttons and menus; a headline's punctuation is plain.
    SYMBOL.test(text) ? 1 : 0,
    /^by\s+\p{Lu}/iu.test(text) ? 1 : 0,
    (context.closings.get(closing(text)) ?? 0) >= 3 ? 1 : 0,
    isBylineOrStamp(below) ? 1 : 0,
    !isBylineOrStamp(below) && canBeHeadline(below) && isBylineOrStamp(lines[i + 2]) ? 1 : 0,
  ];
}

/**
 * Features of line `i` as the page's headline, for the learned title ranker (`rankTitles`): its length,
 * position relative to the article text (`bodyStart`), punctuation, capitalisation, the lines around it
 * (a byline or date below, prose above, a run of short lines), repetition in the page, how many of its
 * words the text uses, and what the hand-written rule (`titleScore`, `ruleScore`) says of it. Each feature
 * is scaled to about [-1, 1].
 */
export function titleFeatures(
  lines: readonly TextLine[],
  i: number,
  bodyStart: number,
  ruleScore: number | null,
  rulePick: boolean,
  context: TitleContext,
  firstHeadingLike: boolean,
  firstCandidate = false,
  headlineAbove = false,
): number[] {
  const line = lines[i] as TextLine;
  const text = line.text;
  const tokens = wordsOf(text);
  const words = tokens.length;
  const split = text.split(/\s+/);
  const capitalised = split.filter((w) => /^[\p{Lu}\d"'‘“]/u.test(w)).length / Math.max(1, split.length);
  const letters = text.replace(/[^\p{L}]/gu, "");
  let chrome = 0;
  for (let j = i + 1; j < bodyStart; j++) if (!isProseLine(lines[j])) chrome++;
  const below = lines.slice(i + 1, i + 5).some(isBylineOrStamp);
  const around = [i - 2, i - 1, i + 1, i + 2].map((j) => shortLine(lines[j]));
  const content = tokens.map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
  const vocabulary = context.vocabulary;
  const shared = content.length ? content.filter((w) => vocabulary.has(w)).length / content.length : 0;
  const repeated =
    words >= 3 &&
    lines.some(
      (l, j) => j !== i && (l.text === text || (l.text.endsWith(text) && l.text.length > text.length)),
    );
  const clip = (x: number): number => Math.max(-1, Math.min(1, x));
  return [
    1,
    ruleScore === null ? 0 : clip(ruleScore / 8),
    ruleScore === null ? 1 : 0,
    rulePick ? 1 : 0,
    Math.min(words, 40) / 20,
    words >= 2 && words <= 3 ? 1 : 0,
    words >= 4 && words <= 20 ? 1 : 0,
    words > 20 ? 1 : 0,
    i === 0 ? 1 : 0,
    i < bodyStart ? 1 : 0,
    clip((bodyStart - i) / 30),
    clip(chrome / 20),
    /[.,;]$/.test(text) && !/\.\.\.$/.test(text) ? 1 : 0,
    /[?!]$/.test(text) ? 1 : 0,
    /:$/.test(text) ? 1 : 0,
    capitalised,
    letters.length >= 4 && letters === letters.toUpperCase() ? 1 : 0,
    /^\p{Ll}/u.test(text) ? 1 : 0,
    /\d/.test(text) ? 1 : 0,
    chromeLine(line) ? 1 : 0,
    repeated ? 1 : 0,
    below ? 1 : 0,
    isProseLine(lines[i - 1]) ? 1 : 0,
    isProseLine(lines[i + 1]) ? 1 : 0,
    LIST_ITEM.test(text) ? 1 : 0,
    words <= 6 && around.every(Boolean) ? 1 : 0,
    /\s[|–—·•]\s|\s-\s/.test(text) ? 1 : 0,
    shared,
    firstHeadingLike ? 1 : 0,
    line.blankBefore ? 1 : 0,
    wordCount(lines[i + 1]) >= 25 ? 1 : 0,
    Math.log1p(Math.max(0, bodyStart - i)) / 5,
    i === bodyStart - 1 ? 1 : 0,
    i < 3 ? 1 : 0,
    words > 12 ? 1 : 0,
    Math.min(content.filter((w) => vocabulary.has(w)).length, 6) / 6,
    standfirst(text, lines[i + 1]?.text) ? 1 : 0,
    firstCandidate ? 1 : 0,
    headlineAbove ? 1 : 0,
    ...shapeFeatures(lines, i, bodyStart, context),
    ...neighbourFeatures(lines, i, bodyStart, context),
  ];
}
