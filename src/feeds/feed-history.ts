import type { FeedHistory } from "./feed-meta.ts";

/** RFC 5005's namespace for `fh:archive`. */
export const FEED_HISTORY_NS = "http://purl.org/syndication/history/1.0";

function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/**
 * Adds the RFC 5005 links (`prev-archive`, `next-archive`, `current`) and `<fh:archive/>` to a feed that
 * the `feed` package wrote, which knows none of them: right after the feed's `rel="self"` link, as Atom
 * links (`atom:link` in RSS, whose `atom` prefix `feed` already declares), and the `fh` namespace on the
 * root element.
 */
export function addFeedHistory(
  xml: string,
  format: "rss" | "atom",
  history: FeedHistory | undefined,
): string {
  if (!history) return xml;
  const link = format === "rss" ? "atom:link" : "link";
  const type = format === "rss" ? "application/rss+xml" : "application/atom+xml";
  const lines: string[] = [];
  const add = (rel: string, urls: FeedHistory["prev"]): void => {
    if (urls) lines.push(`<${link} rel="${rel}" href="${attribute(urls[format])}" type="${type}"/>`);
  };
  add("current", history.current);
  add("prev-archive", history.prev);
  add("next-archive", history.next);
  if (history.archive) lines.push("<fh:archive/>");
  if (lines.length === 0) return xml;
  const self =
    format === "rss"
      ? /(\n(\s*)<atom:link href="[^"]*" rel="self"[^>]*\/>)/
      : /(\n(\s*)<link rel="self"[^>]*\/>)/;
  const match = self.exec(xml);
  if (!match) throw new Error(`addFeedHistory: no rel="self" link in the ${format} feed`);
  const indent = match[2] ?? "";
  const added = lines.map((line) => `\n${indent}${line}`).join("");
  const withLinks = xml.replace(self, (whole) => whole + added);
  if (!history.archive) return withLinks;
  const root = format === "rss" ? "<rss " : "<feed ";
  return withLinks.replace(root, `${root}xmlns:fh="${FEED_HISTORY_NS}" `);
}
