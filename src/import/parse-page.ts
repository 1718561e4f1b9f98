import { parseHTML } from "linkedom";

/**
 * Parses a saved page with `linkedom` as a browser would read its attributes: HTML attribute names are
 * case-insensitive, but `linkedom` keeps them as written, so `<time dateTime=…>` or `itemProp=…` (as
 * server-rendered React writes them) would be invisible to `[datetime]` and `getAttribute("itemprop")`.
 * Every attribute name with a capital letter is lower-cased (an existing lower-case twin wins).
 */
export function parsePage(html: string): ReturnType<typeof parseHTML> {
  const window = parseHTML(html);
  if (/<[a-z][\w-]*\s[^>]*?[A-Z][\w-]*\s*=/.test(html)) {
    for (const el of Array.from(window.document.querySelectorAll("*"))) {
      const names = Array.from(el.attributes as ArrayLike<{ name: string }>, (a) => a.name);
      for (const name of names) {
        if (!/[A-Z]/.test(name)) continue;
        const value = el.getAttribute(name);
        el.removeAttribute(name);
        const lower = name.toLowerCase();
        if (value !== null && !el.hasAttribute(lower)) el.setAttribute(lower, value);
      }
    }
  }
  return window;
}
