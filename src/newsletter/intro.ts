import { renderMarkdown } from "../articles/render-markdown.ts";

/** The editor's introduction, rendered once and kept in the ledger. */
export interface Intro {
  /** HTML for the email (raw HTML in the Markdown is escaped, as in articles). */
  html: string;
  /** Plain text for `email.txt`: links as `text [url]`. */
  text: string;
}

/**
 * Renders the `--intro` Markdown (pure). Headings move one level down (`#` becomes `<h2>`), because the
 * email's masthead is its only `<h1>`. html-to-text is loaded only when there is an intro.
 */
export async function renderIntro(markdown: string): Promise<Intro> {
  const { convert } = await import("html-to-text");
  const html = renderMarkdown(markdown)
    .html.replace(
      /<(\/?)h([1-6])>/g,
      (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 1)}>`,
    )
    .trim();
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
