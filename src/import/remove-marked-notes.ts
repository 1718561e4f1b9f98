import { nameWords } from "./remove-overlays.ts";

/** The parts of a DOM element this module uses; `linkedom` and browsers both provide them. */
export interface MarkedElement {
  nodeName: string;
  querySelector(selector: string): unknown;
  getAttribute(name: string): string | null;
  remove(): void;
}
export interface MarkedRoot {
  querySelectorAll(selector: string): ArrayLike<MarkedElement>;
}

/**
 * Words of a class or id that mark a block inside an article as a note about it rather than its text:
 * an image's caption or credit, the byline, the author's bio, a disclaimer, footnotes.
 */
const NOTE_WORDS = new Set([
  "caption",
  "captions",
  "byline",
  "bylines",
  "bio",
  "author",
  "authors",
  "disclaimer",
  "footnote",
  "footnotes",
  // Embedded posts, sign-up forms, breadcrumb trails, post navigation, kickers.
  "tweet",
  "twitter",
  "signup",
  "breadcrumb",
  "breadcrumbs",
  "prev",
  "eyebrow",
]);

/**
 * Removes, in place, the blocks of an article's content whose class or id names them a note about the
 * article (`NOTE_WORDS`): captions, credits, bylines, author boxes and bios, disclaimers, footnotes, embedded
 * posts, sign-up forms, breadcrumb trails, post navigation, kickers; never an `article` or `main` element
 * or one that holds them (a post's container is named after its author). Readability keeps them when
 * they sit inside the article's container.
 */
export function removeMarkedNotes(root: MarkedRoot): void {
  for (const el of Array.from(root.querySelectorAll("[class], [id]"))) {
    if (!nameWords(el).some((w) => NOTE_WORDS.has(w))) continue;
    // A post's own container is named after its author too ("post hentry author-jane-doe").
    const name = el.nodeName.toUpperCase();
    if (name === "ARTICLE" || name === "MAIN" || el.querySelector("article, main")) continue;
    el.remove();
  }
}
