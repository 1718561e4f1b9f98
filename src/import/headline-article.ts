import { type DomNode, domToLines } from "./dom-to-lines.ts";
import { agreement } from "./pick-headline.ts";

/** The parts of a DOM document and element this module uses; `linkedom` and browsers both provide them. */
export interface ArticleElement extends DomNode {
  querySelector(selector: string): ArticleElement | null;
}
export interface ArticleDocument {
  querySelectorAll(selector: string): ArrayLike<ArticleElement>;
}

/**
 * The text lines of the one story, on a page that shows several in full (a feed or an endless scroll:
 * each `<article>` with its own `h1`), whose `h1` is the page's headline; null on a page with one story,
 * or when no story's `h1` is the headline. Readability takes the container of them all.
 */
export function headlineArticle(document: ArticleDocument, headline: string | null): string[] | null {
  if (!headline) return null;
  const stories = Array.from(document.querySelectorAll("article")).filter(
    (a) => a.querySelector("h1") !== null && a.querySelector("article") === null,
  );
  if (stories.length < 2) return null;
  const own = stories.find((a) => {
    const h1 = a.querySelector("h1");
    return h1 !== null && agreement(domToLines(h1).join(" "), headline) >= 0.9;
  });
  return own ? domToLines(own) : null;
}
