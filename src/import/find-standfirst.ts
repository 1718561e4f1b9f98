import { wordsOf } from "./normalize-text.ts";
import { agreement, headlineAt } from "./pick-headline.ts";

/** The parts of a DOM document this module reads; `linkedom` and browsers both provide them. */
export interface StandfirstDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

/** How many lines below the headline a standfirst may stand (a byline or a date may come between). */
const BELOW = 4;
/** A standfirst is a sentence, not a label. */
const MIN_WORDS = 6;
/** Agreement with a declared description at which a line is that description as shown. */
const AGREES = 0.8;

/** The page's declared descriptions: `og:description`, `twitter:description`, `<meta name=description>`. */
export function declaredDescriptions(document: StandfirstDocument): string[] {
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll("meta"))) {
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? "").trim().toLowerCase();
    const content = el.getAttribute("content")?.replace(/\s+/g, " ").trim();
    if (
      content &&
      ["og:description", "twitter:description", "description"].includes(key) &&
      !out.includes(content)
    )
      out.push(content);
  }
  return out;
}

/**
 * The standfirst (dek) the page shows right under its headline, when Readability's content lacks it: a
 * line of at least six words, at most four lines below the headline in the page's text, that is one of the
 * page's declared descriptions (80% of the words both ways). News pages set the summary under the
 * headline outside the article's container, and declare the same summary for search and sharing; the
 * declaration tells it from a caption or a teaser. Null when there is none, or the content already holds it.
 */
export function findStandfirst(
  pageLines: readonly string[],
  headline: string | null,
  descriptions: readonly string[],
  content: readonly string[],
): string | null {
  if (!headline || descriptions.length === 0) return null;
  const at = headlineAt(pageLines, headline);
  if (at < 0) return null;
  const inContent = content.join("\n");
  for (const line of pageLines.slice(at + 1, at + 1 + BELOW)) {
    const t = line.trim();
    if (wordsOf(t).length < MIN_WORDS) continue;
    if (!descriptions.some((d) => agreement(t, d) >= AGREES)) continue;
    return inContent.includes(t.slice(0, 60)) ? null : t;
  }
  return null;
}
