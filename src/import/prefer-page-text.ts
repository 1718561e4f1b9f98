import { findInPage } from "./left-out-sections.ts";
import { wordsOf } from "./normalize-text.ts";
import { headlineAt } from "./pick-headline.ts";

/** How far below the headline (in lines of the page's text) an article's first paragraph starts. */
const NEAR = 10;
/** A paragraph line: enough words to be found again in the page's text without ambiguity. */
const PARAGRAPH_WORDS = 6;
/**
 * Above this share of its text inside links, what Readability found is a list of links (other stories,
 * an archive, a menu), not an article: an article's text links a few of its words. On the importer
 * corpus's 1,322 saved pages, Readability's choice is over 60% links on two (67% and 84%, both lists of
 * other stories' headlines beside an article of a few hundred words); the next are 48% and 46%, articles
 * that link much, rightly read.
 */
const MOSTLY_LINKS = 0.6;

/**
 * Whether the copied-text reading of the whole page (`textBody`) should replace what Readability found
 * (`content`), and why; null to keep Readability's. Readability scores blocks, and two layouts defeat
 * it: it takes a block far below the headline (a legal or cookie notice, footnotes, a promotion) while
 * the article starts right under the headline; or it takes one item of an article split into many
 * containers (a listicle whose items are separate blocks), a small part of the text that starts under the
 * headline. In both cases the text reading starts within a few lines below the headline, where news pages
 * put their first paragraph. And a third, whatever the headline: it takes a block that is mostly links
 * (`links`, the share of its text inside links, over `MOSTLY_LINKS`), the page's lists of other stories.
 * `pageLines` are the page's text lines, `headline` the chosen title.
 */
export function preferPageText(
  pageLines: readonly string[],
  headline: string | null,
  content: readonly string[],
  textBody: string,
  links = 0,
): string | null {
  if (links > MOSTLY_LINKS)
    return `the main content found is mostly links: ${Math.round(links * 100)}% of its text`;
  if (!headline) return null;
  const at = headlineAt(pageLines, headline);
  if (at < 0) return null;
  const textStart = firstParagraphAt(pageLines, textBody.split("\n"), at);
  if (textStart === null || textStart < at || textStart - at > NEAR) return null;
  const contentStart = firstParagraphAt(pageLines, content, 0);
  if (contentStart !== null && contentStart - at > NEAR)
    return `the main content found starts ${contentStart - at} lines below the headline, the text right under it`;
  const contentWords = wordsOf(content.join(" ")).length;
  const textWords = wordsOf(textBody).length;
  if (contentWords * 4 < textWords && covered(content, textBody) >= 0.9)
    return `the main content found is a small part (${contentWords} of ${textWords} words) of the text under the headline`;
  return null;
}

/** Where in the page's lines the first paragraph line of `lines` is (searching from `from`), or null. */
function firstParagraphAt(
  pageLines: readonly string[],
  lines: readonly string[],
  from: number,
): number | null {
  for (const line of lines) {
    if (wordsOf(line.trim()).length < PARAGRAPH_WORDS) continue;
    return findInPage(pageLines, line, from);
  }
  return null;
}

/** Share of the paragraph lines of `content` that occur in `text`. */
function covered(content: readonly string[], text: string): number {
  const paragraphs = content.filter((l) => wordsOf(l).length >= PARAGRAPH_WORDS);
  if (paragraphs.length === 0) return 0;
  return paragraphs.filter((l) => text.includes(l.trim().slice(0, 60))).length / paragraphs.length;
}
