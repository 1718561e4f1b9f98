import MarkdownIt from "markdown-it";

/** Raw HTML in articles is shown as text, never run: content is copied from the web. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
type Token = ReturnType<typeof markdown.parse>[number];

export interface RenderedBody {
  html: string;
  /** Plain text: paragraphs and headings separated by a blank line, list items one per line. */
  text: string;
  /**
   * The opening paragraphs as plain text (blank-line separated): the body's first run of top-level
   * paragraphs, skipping headings, lists, quotes and code before it and stopping at the next such block.
   * What a summary is made of, so it never runs a heading or list items into a sentence. When the body has
   * no paragraph at all, its first block (a list's items joined with "; ").
   */
  lead: string;
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
  const lead: string[] = [];
  let leadDone = false;
  let inLeadParagraph = false;
  let listDepth = 0;
  let listLines: string[] = [];
  for (const token of tokens) {
    // A top-level block: a paragraph joins the lead; anything else ends a lead that has begun.
    if (token.level === 0 && token.nesting !== -1 && token.type !== "inline") {
      inLeadParagraph = token.type === "paragraph_open" && !leadDone;
      if (!inLeadParagraph && lead.length > 0) leadDone = true;
    }
    if (token.type === "inline" && inLeadParagraph && token.level === 1) {
      const text = inlineText(token).trim();
      if (text !== "") lead.push(text);
    }
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
  return {
    html,
    text: blocks.join("\n\n"),
    lead: lead.length > 0 ? lead.join("\n\n") : (blocks[0] ?? "").replace(/\n/g, "; "),
  };
}
