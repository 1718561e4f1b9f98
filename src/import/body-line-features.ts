import { isEndMarker } from "./end-marker.ts";
import { extractByline } from "./extract-byline.ts";
import { isCodeLike, LIST_ITEM } from "./find-article-region.ts";
import { type TextLine, wordsOf } from "./normalize-text.ts";
import { dateOnly } from "./read-header.ts";
import { isEndNote } from "./trim-article-end.ts";

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
  "after an end marker",
  "just after an end marker",
  "log lines since an end marker",
  "share of the text above",
  "words shared with the lead",
  "date stamp next to it",
  "short lines above",
  "short lines around",
  "closing note",
  "after a closing note",
  "lead words in the text below",
  "words used elsewhere in the text",
  "opens with a related-story label",
  "ends with a credit",
  "embedded post signature",
  "reference entry",
  "names the author",
] as const;

/** The opening of the text that gives its topic: its first lines, up to this many words. */
const LEAD_WORDS = 120;
/** Words of five letters or more, lower-cased: the vocabulary two paragraphs on one topic share. */
const topicWords = (tokens: readonly string[]): Set<string> => {
  const out = new Set<string>();
  for (const t of tokens) if (t.length >= 5) out.add(t.toLowerCase());
  return out;
};

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

/** Another story's headline under a label: "Related: …", "READ MORE: …", "See also – …". */
const RELATED_LABEL =
  /^(?:related|read more|read also|also read|more|see also|recommended|watch|listen|read|must read|don['’]t miss|trending|latest|(?:more|related) (?:stories|story|articles?|news|coverage|reading))\s*(?:[:|»›>]|\s[-–—])\s*\S/i;
/**
 * A caption's credit at its end: "(Image credit: …)", a name in capitals glued to the caption
 * ("…jewelry.WHITNEY HAYES"), an agency or stock library last ("… / Pixabay", "… Getty Images").
 */
const CREDIT_END =
  /\((?:image|photo|picture|video)s?(?: credit)?s?:[^)]*\)\s*$|\b(?:getty images|shutterstock|istock(?:photo)?|alamy|pixabay|unsplash|ap photo|reuters|afp|epa)(?:\s*\/\s*[^/]{1,40})?\s*$/i;
/** A name in capitals glued to the end of a caption (no space before it): "…jewelry.WHITNEY HAYES". */
const GLUED_CAPITALS = /[\p{Ll}.!?”)][\p{Lu}]{2}[\p{Lu}'’.-]*(?:\s[\p{Lu}][\p{Lu}'’.-]+)*\s*$/u;
/** The signature of an embedded social post: "— Jane Doe (@jane) December 20, 2023", "pic.twitter.com/…". */
const POST_SIGNATURE = /^[—–-]\s*[^()]{1,60}\(@\w+\)|pic\.twitter\.com\/|^[—–-]\s*@\w+/;
/** An entry of a reference list: "Smith J, Doe K. … 2014;36(3):165-173.", "et al.", a DOI. */
const REFERENCE =
  /\bet al\b|\b(?:19|20)\d{2}\s*;\s*\d+|\bdoi\s*:|\bdoi\.org\/|\[(?:pubmed|crossref|google scholar|medline)\]/i;

/** How far above the text a byline is looked for, in lines of the page. */
const BYLINE_REACH = 60;

/**
 * The surnames of the page's author: the last capitalised word of each name in a byline ("By Jane Doe and
 * John Roe") among the page's lines just above the text. A line naming them inside the text is most often
 * the author's note, a contact line or a credit ("Jane Doe is a reporter …", "Contact Doe at …").
 */
function authorNames(lines: readonly TextLine[], page: readonly TextLine[]): Set<string> {
  const names = new Set<string>();
  const first = lines[0]?.lineNo ?? 0;
  const above = page.filter((l) => l.lineNo < first).slice(-BYLINE_REACH);
  for (const line of above) {
    if (wordsOf(line.text).length > 12) continue;
    const byline = extractByline(line.text);
    if (!byline) continue;
    for (const name of byline.byline.split(/\s*(?:,|&|\band\b)\s*/)) {
      const last = name.match(/\p{Lu}[\p{L}'’-]{2,}(?=[^\p{L}]*$)/u)?.[0];
      if (last) names.add(last);
    }
  }
  return names;
}

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
  const context = textContext(lines, page, tokens, words);
  const authors = authorNames(lines, page);
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
      ...(context[i] ?? []),
      w <= 40 && RELATED_LABEL.test(text) ? 1 : 0,
      w <= 60 && (CREDIT_END.test(text) || GLUED_CAPITALS.test(text)) ? 1 : 0,
      POST_SIGNATURE.test(text) ? 1 : 0,
      REFERENCE.test(text) ? 1 : 0,
      authors.size > 0 && (tokens[i] ?? []).some((t) => authors.has(t)) ? 1 : 0,
    ];
  });
}

/**
 * The features of each line that depend on the text around it: whether an end marker (`isEndMarker`)
 * stands between the text's start and the line (in the page, so a stripped "Related stories" counts),
 * whether it is within three lines after one, and how far after; the share of the text's words above the line; the
 * share of its topic words that the lead (the text's first lines) also uses, other than itself; a date
 * stamp just above or below (other stories' teasers carry one); how many of the three lines above are
 * short, and of the six around it. One pass over the text and the page between its first and last line.
 */
function textContext(
  lines: readonly TextLine[],
  page: readonly TextLine[],
  tokens: readonly (readonly string[])[],
  words: readonly number[],
): number[][] {
  const n = lines.length;
  const total = words.reduce((a, b) => a + b, 0) || 1;
  // The lead's vocabulary, with how many lead lines use each word (so a lead line does not count itself).
  const lead = new Map<string, number>();
  let leadEnd = 0;
  for (let seen = 0; leadEnd < n && seen < LEAD_WORDS; leadEnd++) {
    seen += words[leadEnd] ?? 0;
    for (const t of topicWords(tokens[leadEnd] ?? [])) lead.set(t, (lead.get(t) ?? 0) + 1);
  }
  // Every date format has a digit: only short lines with one are worth parsing.
  const stamp = lines.map((l, i) => (words[i] ?? 0) <= 12 && /\d/.test(l.text) && dateOnly(l.text) !== null);
  const short = words.map((w) => w <= 8);
  let p = 0;
  const firstNo = lines[0]?.lineNo ?? 0;
  while (p < page.length && (page[p]?.lineNo ?? 0) <= firstNo) p++;
  // The lead's share of each line's topic words, and its mean (by words) over the text below each line.
  const topics = tokens.map(topicWords);
  const leadShare = topics.map((own, i) => {
    let shared = 0;
    for (const t of own) if ((lead.get(t) ?? 0) > (i < leadEnd ? 1 : 0)) shared++;
    return own.size > 0 ? shared / own.size : 0;
  });
  const below: number[] = new Array(n).fill(0);
  let sumShare = 0;
  let sumWords = 0;
  for (let i = n - 1; i >= 0; i--) {
    below[i] = sumWords > 0 ? sumShare / sumWords : (leadShare[i] ?? 0);
    sumShare += (leadShare[i] ?? 0) * (words[i] ?? 0);
    sumWords += words[i] ?? 0;
  }
  // How many lines use each topic word: a word also used away from the line (more than three lines off)
  // ties it to the text; other stories, promotions and bios bring words of their own.
  const users = new Map<string, number>();
  for (const own of topics) for (const t of own) users.set(t, (users.get(t) ?? 0) + 1);
  const note = lines.map((l, i) => (words[i] ?? 0) <= 80 && isEndNote(l.text));
  let lastNote = -1;
  let lastMarker = -1;
  let above = 0;
  return lines.map((line, i) => {
    // Markers in the page between the previous text line and this one (stripped lines included), or the
    // previous text line itself.
    if (i > 0 && isEndMarker(lines[i - 1]?.text ?? "", words[i - 1])) lastMarker = i;
    while (p < page.length && (page[p]?.lineNo ?? 0) < line.lineNo) {
      if (isEndMarker(page[p]?.text ?? "")) lastMarker = i;
      p++;
    }
    if (p < page.length && page[p]?.lineNo === line.lineNo) p++;
    const own = topics[i] ?? new Set<string>();
    if (i > 0 && note[i - 1]) lastNote = i - 1;
    let elsewhere = 0;
    for (const t of own) {
      let near = 0;
      for (let k = Math.max(0, i - 3); k <= Math.min(n - 1, i + 3); k++) if (topics[k]?.has(t)) near++;
      if ((users.get(t) ?? 0) > near) elsewhere++;
    }
    let shortAbove = 0;
    for (let k = i - 3; k < i; k++) if (k >= 0 && short[k]) shortAbove++;
    let shortAround = 0;
    for (let k = i - 3; k <= i + 3; k++) if (k >= 0 && k < n && k !== i && short[k]) shortAround++;
    const row = [
      lastMarker >= 0 ? 1 : 0,
      lastMarker >= 0 && i - lastMarker < 3 ? 1 : 0,
      lastMarker >= 0 ? log1(i - lastMarker) : 0,
      above / total,
      leadShare[i] ?? 0,
      stamp[i - 1] || stamp[i + 1] || stamp[i - 2] || stamp[i + 2] ? 1 : 0,
      shortAbove / 3,
      shortAround / 6,
      note[i] ? 1 : 0,
      lastNote >= 0 && above * 3 >= total ? 1 : 0,
      below[i] ?? 0,
      own.size > 0 ? elsewhere / own.size : 0,
    ];
    above += words[i] ?? 0;
    return row;
  });
}
