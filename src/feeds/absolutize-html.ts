/**
 * Makes every `href` and `src` in rendered article HTML absolute, as feed readers show content away from the
 * site: relative links resolve against the article's own absolute URL, root-relative ones against the site's
 * base URL (so they keep the path prefix). Other schemes (`mailto:`, `https:`) and fragments-only links to
 * the article itself are resolved the same way. Expects double-quoted attributes, as markdown-it writes them.
 */
export function absolutizeHtml(html: string, articleUrl: string, siteUrl: string): string {
  return html.replace(/(\s(?:href|src)=")([^"]*)"/g, (whole, start: string, value: string) => {
    const raw = value.replace(/&amp;/g, "&");
    let resolved: string;
    try {
      resolved =
        raw.startsWith("/") && !raw.startsWith("//")
          ? new URL(raw.slice(1), siteUrl).href
          : new URL(raw, articleUrl).href;
    } catch {
      return whole;
    }
    return `${start}${resolved.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  });
}
