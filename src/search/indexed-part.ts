/** An article page's output path (`2019/01/slug/index.html`): the pages Pagefind indexes (ARTICLE_PAGES_GLOB). */
export function isIndexedPage(outputPath: string): boolean {
  return /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(outputPath);
}

/**
 * The part of an article page that Pagefind's index depends on: the `<html>` start tag (its `lang`), the
 * `<title>`, and the `<article>` marked `data-pagefind-body` (from its start tag to the page's last
 * `</article>`, so an `<article>` nested in the body cannot cut it short). Two pages with the same part
 * give the same search records, whatever else differs (navigation, related articles, the footer, the
 * stylesheet's address). A page with a `data-pagefind-*` attribute outside that element, or without such
 * an `<article>`, is returned whole: then any change counts.
 */
export function indexedPart(html: string): string {
  const marker = html.indexOf("data-pagefind-body");
  if (marker < 0) return html;
  const start = html.lastIndexOf("<", marker);
  const close = html.lastIndexOf("</article>");
  if (start < 0 || close < marker || !html.startsWith("<article", start)) return html;
  const end = close + "</article>".length;
  if (html.slice(0, start).includes("data-pagefind") || html.slice(end).includes("data-pagefind"))
    return html;
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? "";
  const title = /<title\b[^>]*>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? "";
  return `${root}\n${title}\n${html.slice(start, end)}`;
}
