/**
 * Puts the path prefix on root-relative `href` and `src` attributes of rendered article HTML, so a link an
 * author wrote as `/2019/01/other/` still works when the site is served from `/digest/`. Protocol-relative
 * URLs (`//host/…`) are left alone. Expects double-quoted attributes, as markdown-it writes them.
 */
export function prefixLinks(html: string, pathPrefix: string): string {
  if (pathPrefix === "/") return html;
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${pathPrefix}`);
}
