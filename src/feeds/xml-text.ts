/**
 * Text made safe for XML 1.0 before it reaches the `feed` package, and the two placeholders that carry the
 * package's escaping gaps through to its output, where `restoreXml` puts the right markup in.
 */

/**
 * Characters XML 1.0 forbids (C0 controls but tab, newline and return; U+FFFE and U+FFFF; lone
 * surrogates), the ones it discourages (DEL and the C1 controls), and the Unicode noncharacters
 * U+FDD0–U+FDEF, which the placeholders below use. A C0 control character would make the whole feed
 * malformed (trap 3 of `feed` 6). Articles are cleaned of them when parsed; this is the last guard.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what XML 1.0 cannot carry or discourages (control characters). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Escapes text for HTML (Atom `type="html"`, RSS descriptions): `&`, `<`, `>`, `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const CDATA_END = "\uFDD0";
const ATTRIBUTE_LT = "\uFDD1";

/**
 * Text that `feed` puts in a CDATA section: its XML writer splits only the first `]]>` (trap 2), so every
 * `]]>` becomes a placeholder here and a proper CDATA split in `restoreXml`.
 */
export function forCdata(text: string): string {
  return xmlSafe(text).replaceAll("]]>", CDATA_END);
}

/**
 * Text that `feed` puts in an attribute: it escapes `&` but not `<` there (trap 2), so `<` becomes a
 * placeholder here and `&lt;` in `restoreXml`.
 */
export function forAttribute(text: string): string {
  return xmlSafe(text).replaceAll("<", ATTRIBUTE_LT);
}

const TEXT_AMP = "\uFDD2";

/**
 * Text that `feed` puts in an element: its XML writer first turns every `&amp;` back into `&` (to avoid
 * escaping twice), so a literal "&amp;" in a title, or HTML-escaped text, would lose a level of escaping.
 * Every `&` becomes a placeholder here and `&amp;` in `restoreXml`; `<` and `>` the writer escapes itself.
 */
export function forText(text: string): string {
  return xmlSafe(text).replaceAll("&", TEXT_AMP);
}

/** Replaces the placeholders in `feed`'s output with the escaping it left out. */
export function restoreXml(xml: string): string {
  return xml
    .replaceAll(CDATA_END, "]]]]><![CDATA[>")
    .replaceAll(ATTRIBUTE_LT, "&lt;")
    .replaceAll(TEXT_AMP, "&amp;");
}
