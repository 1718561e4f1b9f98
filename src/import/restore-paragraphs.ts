import { domToLines } from "./dom-to-lines.ts";
import { wordsOf } from "./normalize-text.ts";
import { nameWords } from "./remove-overlays.ts";
import { linkedWords, ORDER_ATTRIBUTE, type OrderedElement } from "./split-article.ts";

/** The parts of a DOM element this module uses beyond `OrderedElement`; `linkedom` and browsers provide them. */
export interface RestorableElement extends OrderedElement {
  children: ArrayLike<RestorableElement>;
  parentElement: RestorableElement | null;
  querySelectorAll(selector: string): ArrayLike<RestorableElement>;
  cloneNode(deep: boolean): RestorableElement;
  insertBefore(node: RestorableElement, before: RestorableElement | null): unknown;
}

/** A paragraph of the article: a line of at least this many words. */
const PARAGRAPH_WORDS = 12;
/** The fewest paragraphs a block puts back. */
const MIN_PARAGRAPHS = 2;
/** The least share of a block's words in such paragraphs for it to be the article's text. */
const PROSE_SHARE = 0.6;
/** The most words of a subheading put back. */
const SUBHEADING_WORDS = 20;
/** The most of a block's words that may be in links. */
const MAX_LINKED = 0.2;
/** Class or id words of blocks that are about the article or beside it, never its text. */
const ASIDE_WORDS = new Set([
  "comment",
  "comments",
  "related",
  "sidebar",
  "footer",
  "share",
  "social",
  "sponsor",
  "sponsored",
  "promo",
  "newsletter",
  "ad",
  "ads",
  "advert",
  "advertisement",
  "caption",
  "byline",
  "bio",
  "author",
  "disclaimer",
  "footnotes",
  "recommended",
  "teaser",
  "card",
  "cards",
]);

/**
 * Puts back, in place, the paragraphs Readability's cleanup took out of the blocks it kept. Readability
 * drops a block inside the article when it looks like chrome by its counts (more images than paragraphs,
 * more list items than paragraphs, few commas); an article's section with a photo gallery or a long list
 * goes with them. A block of the page (`pristine`, the page before Readability, numbered like it) whose
 * parent is in the content (`content`) but which is not, is put back when it is prose: most of its words
 * in paragraphs of `PARAGRAPH_WORDS` words or more, few in links, and no class or id naming it an aside
 * (comments, related stories, a promotion, an author box, a caption); and so is a subheading
 * (`isSubheading`) whose previous sibling is still in the content, with more of it still to come: the
 * title of a section Readability kept. Linear: each block is looked at once.
 */
export function restoreParagraphs(
  content: { querySelectorAll(selector: string): ArrayLike<RestorableElement> },
  pristine: { querySelectorAll(selector: string): ArrayLike<RestorableElement> },
): number {
  const kept = new Map<string, RestorableElement>();
  for (const el of Array.from(content.querySelectorAll(`[${ORDER_ATTRIBUTE}]`)))
    kept.set(el.getAttribute(ORDER_ATTRIBUTE) ?? "", el);
  const original = new Map<string, RestorableElement>();
  for (const el of Array.from(pristine.querySelectorAll(`[${ORDER_ATTRIBUTE}]`)))
    original.set(el.getAttribute(ORDER_ATTRIBUTE) ?? "", el);
  let restored = 0;
  for (const [order, target] of Array.from(kept)) {
    const source = original.get(order);
    if (!source) continue;
    const children = Array.from(source.children);
    // For each child, the next sibling after it that is still in the content (null: none, at the end).
    const nextKept: (RestorableElement | null)[] = new Array(children.length).fill(null);
    for (let j = children.length - 2; j >= 0; j--) {
      const next = kept.get((children[j + 1] as RestorableElement).getAttribute(ORDER_ATTRIBUTE) ?? "");
      nextKept[j] = next && next.parentElement === target ? next : (nextKept[j + 1] ?? null);
    }
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as RestorableElement;
      if (kept.has(child.getAttribute(ORDER_ATTRIBUTE) ?? "")) continue;
      // Readability may have unwrapped it (a division round one paragraph): its blocks are still there.
      const inside = Array.from(child.querySelectorAll(`[${ORDER_ATTRIBUTE}]`));
      if (inside.some((el) => kept.has(el.getAttribute(ORDER_ATTRIBUTE) ?? ""))) continue;
      const previous = i > 0 ? kept.get(children[i - 1]?.getAttribute(ORDER_ATTRIBUTE) ?? "") : undefined;
      const between = previous?.parentElement === target && nextKept[i] !== null;
      if (!(between && isSubheading(child)) && !isProse(child)) continue;
      // Before the next sibling that is still in the content, else at the end.
      target.insertBefore(child.cloneNode(true), nextKept[i] ?? null);
      restored++;
    }
  }
  return restored;
}

/**
 * Whether a block is a subheading: a heading below the headline's level, of a few words. Readability
 * drops one whose class or id holds a word it reads as chrome (`header-anchor`, `section-header`); between
 * two blocks it kept, it is the title of the section that follows.
 */
export function isSubheading(block: RestorableElement): boolean {
  if (!/^H[2-6]$/.test(block.nodeName.toUpperCase())) return false;
  const n = wordsOf(domToLines(block).join(" ")).length;
  return n > 0 && n <= SUBHEADING_WORDS;
}

/** Whether a block is the article's prose (see `restoreParagraphs`). */
function isProse(block: RestorableElement): boolean {
  const name = block.nodeName.toUpperCase();
  if (/^(?:FIGURE|ASIDE|FORM|NAV|H[1-6])$/.test(name)) return false;
  const marked = (el: RestorableElement): boolean => nameWords(el).some((w) => ASIDE_WORDS.has(w));
  if (marked(block)) return false;
  const lines = domToLines(block);
  const words = wordsOf(lines.join(" ")).length;
  if (words < PARAGRAPH_WORDS) return false;
  let inParagraphs = 0;
  let paragraphs = 0;
  for (const line of lines) {
    const n = wordsOf(line).length;
    if (n >= PARAGRAPH_WORDS) {
      inParagraphs += n;
      paragraphs++;
    }
  }
  // One paragraph alone is a caption, a promotion or a product's card as often as the article's text.
  if (paragraphs < MIN_PARAGRAPHS) return false;
  if (inParagraphs < words * PROSE_SHARE) return false;
  if (linkedWords(block) > words * MAX_LINKED) return false;
  return !Array.from(block.querySelectorAll("[class], [id]")).some(marked);
}
