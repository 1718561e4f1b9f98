import { renderMarkdown } from "../articles/render-markdown.ts";

/** The editor's introduction, rendered from the Markdown the ledger keeps. */
export interface Intro {
  /** HTML for the email (raw HTML in the Markdown is escaped, as in articles). */
  html: string;
  /** Plain text for `email.txt`: links as `text [url]`. */
  text: string;
}

/**
 * The introduction's HTML from its Markdown (pure), the same way every time it is shown: raw HTML in the
 * Markdown is escaped as in articles, and headings move one level down (`#` becomes `<h2>`), because the
 * email's masthead and the web version's title are the only `<h1>`. The ledger keeps the Markdown, never
 * this HTML, so nothing stored there is trusted as markup.
 */
export function introHtml(markdown: string): string {
  return renderMarkdown(markdown)
    .html.replace(
      /<(\/?)h([1-6])>/g,
      (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 1)}>`,
    )
    .trim();
}

/**
 * Renders the introduction's Markdown for the email (pure): `introHtml` and a plain-text version.
 * html-to-text is loaded only when there is an intro.
 */
export async function renderIntro(markdown: string): Promise<Intro> {
  const { convert } = await import("html-to-text");
  const html = introHtml(markdown);
  const text = convert(html, {
    wordwrap: 76,
    selectors: [
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).trim();
  return { html, text };
}
