import { isCodeLike, LIST_ITEM } from "./find-article-region.ts";
import type { TextLine } from "./normalize-text.ts";

/** A block of the article body. */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "quote"; text: string }
  | { kind: "code"; lines: string[] };

const BULLET = /^[-+*•·▪◦‣–—]\s+/;
const NUMBER = /^\(?(\d{1,3})[.)]\s+/;

/**
 * Groups body lines into blocks: a line is a paragraph; consecutive bulleted lines ("• …", "- …") form a
 * list and lose their bullet; numbered lines ("1. …") form an ordered list and keep their number; lines
 * opening with ">" are quotes; two or more code-like lines with no blank line between form a code block.
 */
export function toBlocks(lines: readonly TextLine[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const text = line.text;
    const last = blocks[blocks.length - 1];
    if (LIST_ITEM.test(text) && (BULLET.test(text) || NUMBER.test(text))) {
      const ordered = NUMBER.test(text);
      const item = ordered ? text : text.replace(BULLET, "");
      if (last?.kind === "list" && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: "list", ordered, items: [item] });
    } else if (/^>\s?/.test(text)) {
      blocks.push({ kind: "quote", text: text.replace(/^>\s?/, "") });
    } else if (isCodeLike(text) && !line.blankBefore && last?.kind === "code") {
      last.lines.push(text);
    } else if (
      isCodeLike(text) &&
      lines[i + 1] &&
      !lines[i + 1]?.blankBefore &&
      isCodeLike(lines[i + 1]?.text ?? "")
    ) {
      blocks.push({ kind: "code", lines: [text] });
    } else {
      blocks.push({ kind: "paragraph", text });
    }
  });
  return blocks;
}

/** Plain text: blocks separated by a blank line, list items and code lines one per line. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === "list" ? b.items.join("\n") : b.kind === "code" ? b.lines.join("\n") : b.text))
    .join("\n\n");
}

/** Markdown: "- " list items, numbered items as they are, "> " quotes, fenced code; other text escaped. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === "list") return b.items.map((item) => listItem(item, b.ordered)).join("\n");
      if (b.kind === "quote") return `> ${escapeMarkdown(b.text)}`;
      if (b.kind === "code") return ["```", ...b.lines, "```"].join("\n");
      return escapeMarkdown(b.text);
    })
    .join("\n\n");
}

/** One Markdown list item: "- text", or "N. text" for a numbered item ("(3) x" becomes "3. x"). */
function listItem(item: string, ordered: boolean): string {
  const m = ordered ? NUMBER.exec(item) : null;
  return m ? `${m[1]}. ${escapeMarkdown(item.slice(m[0].length))}` : `- ${escapeMarkdown(item)}`;
}

/** Escapes what Markdown would read as markup at the start of a line, and raw HTML angle brackets. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/</g, "&lt;")
    .replace(/^(#{1,6}\s|[-+*>]\s|={3,}|-{3,}|`{3,}|~{3,})/, "\\$1")
    .replace(/^(\d{1,9})([.)]\s)/, "$1\\$2");
}
