import { type DomNode, domToLines } from "./dom-to-lines.ts";
import { wordsOf } from "./normalize-text.ts";

/** The attribute that numbers a page's elements in document order, so Readability's pick can be found again. */
export const ORDER_ATTRIBUTE = "data-gazette-order";

/** The parts of a DOM element this module uses; `linkedom` and browsers both provide them. */
export interface OrderedElement extends DomNode {
  parentElement: OrderedElement | null;
  children: ArrayLike<OrderedElement>;
  outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): ArrayLike<OrderedElement>;
}
export interface OrderedDocument {
  querySelectorAll(selector: string): ArrayLike<OrderedElement>;
  querySelector(selector: string): OrderedElement | null;
}

/** A block of the page to read with Readability's content, and where it stands in the page. */
export interface SiblingBlock {
  order: number;
  html: string;
}

/** A top-level block of Readability's content: its order number and its class (Readability keeps both). */
export interface TakenBlock {
  order: number;
  className: string;
}

/** A paragraph: a line of at least this many words (teaser cards and promotions have none). */
const PARAGRAPH_WORDS = 15;
/** How alike two blocks' class words must be (shared over all) for them to be of one kind. */
const SAME_KIND = 0.5;
/** The most of a sibling block's words that may be in links: more is a list of links to other pages. */
const MAX_LINKED = 0.25;

/**
 * Numbers every element of the page in document order, in place (`ORDER_ATTRIBUTE`), and returns each
 * element's parent's number (-1 for the root). Readability keeps attributes, so the blocks of its content
 * can be found again in the page.
 */
export function numberElements(document: OrderedDocument): number[] {
  const all = Array.from(document.querySelectorAll("*"));
  const index = new Map<OrderedElement, number>();
  all.forEach((el, i) => {
    index.set(el, i);
    el.setAttribute(ORDER_ATTRIBUTE, String(i));
  });
  return all.map((el) => (el.parentElement ? (index.get(el.parentElement) ?? -1) : -1));
}

/**
 * The blocks of an article split over sibling containers that Readability left out. Readability joins to
 * the block it picks the siblings that score high enough, with a bonus for the same class; but its
 * threshold does not shrink with nesting, so a page builder that puts every paragraph or section of an
 * article in its own deeply nested block of the same kind (`<div class="sqs-block html-block">` …) loses
 * all but one. A sibling of a block Readability took, of the same kind (at least half of
 * their class words shared), that holds some text and few links, is a part of the same article; a short
 * one (a subheading) only between two that hold paragraphs. `document` is the page after
 * Readability ran (the blocks it did not take are still in place), `parents` what `numberElements` gave,
 * `taken` the top-level blocks of Readability's content. The blocks are returned with
 * their order numbers, for putting them back in page order.
 */
export function splitArticleBlocks(
  document: OrderedDocument,
  parents: readonly number[],
  taken: readonly TakenBlock[],
): SiblingBlock[] {
  const found = siblingBlocks(document, parents, taken);
  if (found.length > 0) return found;
  // The article's sections may be one level up: Readability took the text of one section, beside its
  // heading (`<div class="sect1"><h2>…</h2><div class="sectionbody">…`), and the other sections are its
  // container's siblings.
  const first = taken[0];
  const up = first ? (parents[first.order] ?? -1) : -1;
  const container = up >= 0 ? document.querySelector(`[${ORDER_ATTRIBUTE}="${up}"]`) : null;
  if (!container) return [];
  // There only containers with the very same class: other boxes beside an article share its layout's words.
  return siblingBlocks(
    document,
    parents,
    [{ order: up, className: container.getAttribute("class") ?? "" }],
    1,
  );
}

/** `splitArticleBlocks` at one level: the siblings of `taken` alike in class words by at least `kind`. */
function siblingBlocks(
  document: OrderedDocument,
  parents: readonly number[],
  taken: readonly TakenBlock[],
  kind = SAME_KIND,
): SiblingBlock[] {
  const first = taken[0];
  if (first === undefined) return [];
  const parentOrder = parents[first.order] ?? -1;
  if (parentOrder < 0 || taken.some((t) => parents[t.order] !== parentOrder)) return [];
  const parent = document.querySelector(`[${ORDER_ATTRIBUTE}="${parentOrder}"]`);
  if (!parent) return [];
  const kinds = taken.map((t) => classWords(t.className)).filter((c) => c.size > 0);
  if (kinds.length === 0) return [];
  // In page order: the blocks Readability took (null) and the siblings of their kind with few links.
  // The blocks Readability took have left the page (it moves them); they stand in the row by their order.
  const row: { order: number; block: SiblingBlock | null; paragraph: boolean }[] = taken.map((t) => ({
    order: t.order,
    block: null,
    paragraph: true,
  }));
  for (const sibling of Array.from(parent.children)) {
    const order = Number(sibling.getAttribute(ORDER_ATTRIBUTE));
    if (!Number.isInteger(order) || taken.some((t) => t.order === order)) continue;
    const cls = classWords(sibling.getAttribute("class") ?? "");
    if (!kinds.some((k) => likeness(k, cls) >= kind)) continue;
    const prose = proseOf(sibling);
    if (prose) row.push({ order, block: { order, html: sibling.outerHTML }, paragraph: prose.paragraph });
  }
  row.sort((a, b) => a.order - b.order);
  // A block without a paragraph (a subheading) counts between two that hold paragraphs.
  const long = row.flatMap((r, i) => (r.paragraph ? [i] : []));
  const from = long[0] ?? 0;
  const to = long[long.length - 1] ?? -1;
  return row.flatMap((r, i) => (r.block && i >= from && i <= to ? [r.block] : []));
}

/** The words of a class attribute. */
function classWords(className: string): Set<string> {
  return new Set(className.split(/\s+/).filter((w) => w !== ""));
}

/** Shared class words over all class words of two blocks (Jaccard). */
function likeness(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

/**
 * Whether a block is text rather than links (null when more than `MAX_LINKED` of its words are in links,
 * or it has none), and whether it holds a paragraph (a line of `PARAGRAPH_WORDS` words or more).
 */
function proseOf(block: OrderedElement): { paragraph: boolean } | null {
  // A form (a contact or sign-up box) is not a section of the article.
  if (Array.from(block.querySelectorAll("form, input, textarea, select")).length > 0) return null;
  const lines = domToLines(block);
  const words = wordsOf(lines.join(" ")).length;
  if (words === 0) return null;
  if (linkedWords(block) > words * MAX_LINKED) return null;
  return { paragraph: lines.some((l) => wordsOf(l).length >= PARAGRAPH_WORDS) };
}

/** How many of a block's words are inside its links. */
export function linkedWords(block: OrderedElement): number {
  let linked = 0;
  for (const a of Array.from(block.querySelectorAll("a"))) linked += wordsOf(domToLines(a).join(" ")).length;
  return linked;
}
