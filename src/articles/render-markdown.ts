import MarkdownIt from "markdown-it";

/** Raw HTML in articles is shown as text, never run: content is copied from the web. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
type Token = ReturnType<typeof markdown.parse>[number];

export interface RenderedBody {
  html: string;
  /** Plain text: paragraphs and headings separated by a blank line, list items one per line. */
  text: string;
}

function inlineText(token: Token): string {
  let out = "";
  for (const child of token.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") out += " ";
    else if (child.type === "image") out += child.content;
  }
  return out;
}

/** Renders Markdown once into HTML and plain text, from one parse. */
export function renderMarkdown(source: string): RenderedBody {
  const tokens = markdown.parse(source, {});
  const html = markdown.renderer.render(tokens, markdown.options, {});
  const blocks: string[] = [];
  let listDepth = 0;
  let listLines: string[] = [];
  for (const token of tokens) {
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") listDepth++;
    else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") {
      listDepth--;
      if (listDepth === 0 && listLines.length > 0) {
        blocks.push(listLines.join("\n"));
        listLines = [];
      }
    } else if (token.type === "inline") {
      const text = inlineText(token).trim();
      if (text === "") continue;
      if (listDepth > 0) listLines.push(text);
      else blocks.push(text);
    } else if (token.type === "fence" || token.type === "code_block") {
      blocks.push(token.content.trimEnd());
    }
  }
  return { html, text: blocks.join("\n\n") };
}
