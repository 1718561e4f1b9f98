import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { type DomNode, domToLines, linkShare } from "./dom-to-lines.ts";
import { dropInlineNotes } from "./drop-inline-notes.ts";
import { dropUnlikelyTail } from "./drop-unlikely-tail.ts";
import { extractAttribution } from "./extract-attribution.ts";
import { extractByline } from "./extract-byline.ts";
import { declaredDescriptions, findStandfirst } from "./find-standfirst.ts";
import { blocksToMarkdown, blocksToText, toBlocks } from "./format-blocks.ts";
import { headlineArticle } from "./headline-article.ts";
import { importArticle } from "./import-article.ts";
import type { ImportedArticle, ImportOptions } from "./imported-article.ts";
import { leftOutSections } from "./left-out-sections.ts";
import { BROWSER_MAX_DEPTH, limitNesting } from "./limit-nesting.ts";
import { splitLines, type TextLine, wordsOf } from "./normalize-text.ts";
import { findDate } from "./parse-date.ts";
import { parsePage } from "./parse-page.ts";
import { agreement, type PageHeading, pickHeadline } from "./pick-headline.ts";
import { pickPageDate } from "./pick-page-date.ts";
import { preferPageText } from "./prefer-page-text.ts";
import { readPageMetadata } from "./read-page-metadata.ts";
import { removeMarkedNotes } from "./remove-marked-notes.ts";
import { removeOverlays } from "./remove-overlays.ts";
import { repairPageMojibake } from "./repair-mojibake.ts";
import { restoreParagraphs } from "./restore-paragraphs.ts";
import { numberElements, ORDER_ATTRIBUTE, splitArticleBlocks } from "./split-article.ts";
import { stripBoilerplate } from "./strip-boilerplate.ts";
import { trimArticleEnd } from "./trim-article-end.ts";

/** Headline candidates, most likely first: the page's h1s, marked-up headlines, then lower headings. */
const HEADINGS = [
  "h1",
  '[itemprop="headline"]',
  '[class*="headline"]',
  '[class*="title"]:is(h2, h3, div, span, p, header)',
  "h2",
  "h3",
];

/**
 * The deepest nesting Readability is given: its work grows with the cube of the depth (a page nested 300
 * deep took 1.5 s, 600 deep 6 s, 2,000 deep nearly four minutes). A deeper page is read as its whole text.
 * Real news pages nest at most 138 deep (the importer corpus).
 */
const READABILITY_MAX_DEPTH = 256;

/**
 * Turns a saved HTML page into an article: the page's metadata (JSON-LD, Open Graph, `<time>`, canonical
 * link; see `readPageMetadata`) gives the headline, date, source, byline and `url`; Mozilla Readability
 * finds the article's content, which is read as lines (`domToLines`) and cleaned like copied text
 * (boilerplate lines, a repeated headline, byline or date stamp at the top, an attribution line at the
 * end). When Readability finds nothing, or the page declares no date or title, the whole page's text goes
 * through the copied-text importer instead. Pure: no I/O. Options win, as in `importArticle`.
 */
export function importHtml(html: string, options: ImportOptions = {}): ImportedArticle {
  const warnings: string[] = [];
  // A page stored with its UTF-8 misread (`Iâ€™ve`) is read as its publisher wrote it.
  const nesting = limitNesting(repairPageMojibake(html));
  if (nesting.flattened > 0)
    warnings.push(
      `page: elements are nested ${nesting.depth} deep; as in a browser, the ${nesting.flattened} nested deeper than ${BROWSER_MAX_DEPTH} were read beside the deepest`,
    );
  const { document } = parsePage(nesting.html);
  const meta = readPageMetadata(document as never);
  const headings: PageHeading[] = [];
  for (const selector of HEADINGS) {
    let found: ArrayLike<DomNode> = [];
    try {
      found = document.querySelectorAll(selector) as unknown as ArrayLike<DomNode>;
    } catch {
      // A selector the DOM does not support (:is) only loses candidates.
    }
    for (const el of Array.from(found)) {
      // As shown: a <br> or a block inside the heading separates words ("Weekend<br>Coding").
      const t = domToLines(el).join(" ");
      if (t && wordsOf(t).length <= 40 && !headings.some((h) => h.text === t))
        headings.push({ text: t, h1: selector === "h1" });
    }
  }
  // After the metadata (a hidden block may carry it), before any text is read.
  removeOverlays(document as never);
  const body = document.body as unknown as DomNode | null;
  const pageText = body ? domToLines(body).join("\n") : "";
  const pageLines = pageText.split("\n");
  // Spans shown side by side ("Jane Doe" "Mar 5, 2025") are separate words when looking for stamps.
  const spacedLines = body ? domToLines(body, { spaced: true }) : [];
  const fromText = importArticle(pageText, { ...options, tags: options.tags });

  const title = pickHeadline(headings, meta.titles, meta.siteName) ?? fromText.title;
  // On a page of several full stories, only the headline's own (read before Readability changes the page).
  const story = headlineArticle(document as never, title);
  let content: string[] = [];
  let chosen: string[] = [];
  // The share of Readability's content inside links: a list of other stories is all links.
  let links = 0;
  const tooDeep = nesting.depth > READABILITY_MAX_DEPTH;
  try {
    // Numbered, so that the blocks Readability took can be found again in the page (`splitArticleBlocks`).
    const parents = tooDeep ? [] : numberElements(document as never);
    // The page as it was, for the paragraphs Readability's cleanup takes out (`restoreParagraphs`).
    const pristine = tooDeep || !document.body ? null : (document.body.cloneNode(true) as unknown);
    const parsed = tooDeep
      ? null
      : new Readability(document as never, { charThreshold: 300, keepClasses: true }).parse();
    if (parsed?.content) {
      const inner = withSplitBlocks(
        parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document,
        document,
        parents,
      );
      if (pristine) restoreParagraphs(inner as never, pristine as never);
      // Related-story links and image credits inside the article are not its text.
      const read = (): string[] =>
        domToLines(inner.body as unknown as DomNode, { linkBlocks: false, figures: false });
      // Where Readability's content starts is judged on what it chose, before the cleanup below.
      chosen = read();
      links = linkShare(inner.body as unknown as DomNode);
      // Readability keeps captions, bylines and bios inside the article's container; their classes say so.
      removeMarkedNotes(inner as never);
      content = read();
    }
  } catch {
    // Readability gives up on some malformed pages; the copied-text path still reads them.
  }

  const guesses: string[] = [];
  if (!title) warnings.push("title: the page declares no title and shows no headline");

  // The date stamp stands by the headline as shown: the chosen one, else an h1 (a declared title may not be).
  const anchors = [title ?? "", ...headings.filter((h) => h.h1).map((h) => h.text)];
  const picked = pickPageDate(spacedLines, anchors, { ...meta, url: options.url ?? meta.url }, fromText.date);
  const date: string | null = options.date ?? picked?.date ?? null;
  if (!options.date && picked) guesses.push(`date ${picked.date} from ${picked.from}`);
  if (!date) {
    const w = fromText.warnings.find((x) => x.startsWith("date:"));
    warnings.push(w ?? "date: no date found (pass --date YYYY-MM-DD)");
  }
  const source = options.source ?? meta.siteName ?? fromText.source;
  if (!source) warnings.push("source: the page names no site (pass --source NAME)");
  const byline = meta.author ?? fromText.byline;
  if (!byline) warnings.push("byline: no author found");

  if (story) {
    const text = story.join("\n");
    content = content.filter((line) => text.includes(line));
  }
  const contentWords = wordsOf(content.join(" ")).length;
  let blocks: ReturnType<typeof toBlocks>;
  let attribution: string | null = null;
  const textLines = trimArticleEnd(dropInlineNotes(splitLines(fromText.body)));
  let switchTo = contentWords >= 50 ? preferPageText(pageLines, title, chosen, fromText.body, links) : null;
  let cleaned: ReturnType<typeof cleanBody> | null = null;
  if (contentWords >= 50 && !switchTo) {
    // The summary under the headline, outside the article's container, opens the article.
    const standfirst = findStandfirst(pageLines, title, declaredDescriptions(document as never), content);
    cleaned = cleanBody(standfirst ? [standfirst, ...content] : content, title, byline);
    switchTo = leftOutSections(
      pageLines,
      cleaned.lines.map((l) => l.text),
      textLines.map((l) => l.text),
    );
  }
  if (cleaned && !switchTo) {
    attribution = cleaned.attribution;
    // After the choice between the two readings, which weighs Readability's content as it was cleaned.
    blocks = toBlocks(dropUnlikelyTail(cleaned.lines, splitLines(pageText)));
    guesses.push(`body from the page's main content (${contentWords} words)`);
  } else {
    blocks = toBlocks(textLines);
    attribution = fromText.attribution;
    const why = tooDeep
      ? `elements nested ${nesting.depth} deep, too deep to look for its main content`
      : (switchTo ?? "no main content found");
    guesses.push(`body from the whole page's text (${why})`);
  }
  if (blocks.length === 0) warnings.push("body: no article text found");
  return {
    title,
    date,
    source: source ?? null,
    byline,
    dateline: null,
    caption: null,
    body: blocksToText(blocks),
    markdown: blocksToMarkdown(blocks),
    tags: options.tags ?? [],
    suggestedTags: [],
    attribution,
    url: options.url ?? meta.url,
    warnings,
    guesses,
  };
}

/**
 * Readability's content (`inner`) with the blocks of a split article that it left out in the page
 * (`splitArticleBlocks`), in page order; `inner` itself when there are none.
 */
function withSplitBlocks(
  inner: ReturnType<typeof parseHTML>["document"],
  page: unknown,
  parents: readonly number[],
): ReturnType<typeof parseHTML>["document"] {
  const wrapper = inner.body?.firstElementChild;
  if (!wrapper) return inner;
  const kept = Array.from(wrapper.children, (el) => ({
    order: Number(el.getAttribute(ORDER_ATTRIBUTE) ?? Number.NaN),
    className: el.getAttribute("class") ?? "",
    html: el.outerHTML,
  }));
  const extra = splitArticleBlocks(page as never, parents, kept);
  if (extra.length === 0) return inner;
  const blocks = [...kept, ...extra].sort((a, b) => a.order - b.order);
  return parseHTML(
    `<!doctype html><html><body><div>${blocks.map((b) => b.html).join("")}</div></body></html>`,
  ).document;
}

/**
 * Gazette's cleanup of the extracted content: boilerplate lines go; at the top, lines that repeat the
 * headline, or are a byline or a date stamp, go; an attribution line among the last three is kept apart;
 * notes between paragraphs (related links, credited captions, embedded posts' signatures) go
 * (`dropInlineNotes`), and what follows the article (the author box, reading lists, closing notes) goes
 * (`trimArticleEnd`).
 */
function cleanBody(
  content: readonly string[],
  title: string | null,
  byline: string | null,
): { lines: TextLine[]; attribution: string | null } {
  let lines = stripBoilerplate(splitLines(content.join("\n"))).lines;
  const lead = (line: TextLine): boolean => {
    const n = wordsOf(line.text).length;
    if (title && agreement(line.text, title) >= 0.9) return true;
    if (n <= 16 && extractByline(line.text)) return true;
    if (byline && n <= 8 && agreement(line.text, byline) >= 0.8) return true;
    const date = findDate(line.text);
    return date !== null && n <= 10 && wordsOf(line.text.replace(date.raw, "")).length <= 5;
  };
  let dropped = 0;
  while (lines.length > 0 && dropped < 6 && lead(lines[0] as TextLine)) {
    lines = lines.slice(1);
    dropped++;
  }
  let attribution: string | null = null;
  for (const line of lines.slice(-3)) {
    const found = extractAttribution(line.text);
    if (found) {
      attribution = found;
      lines = lines.filter((l) => l !== line);
      break;
    }
  }
  return { lines: trimArticleEnd(dropInlineNotes(lines)), attribution };
}
