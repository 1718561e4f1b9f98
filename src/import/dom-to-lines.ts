/** The parts of a DOM node this module reads (`linkedom` and browsers both provide them). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode?: DomNode | null;
}

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "TR",
  "UL",
  "CAPTION",
]);
/** Never text a reader sees in the article. */
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "BUTTON",
  "SELECT",
  "OPTION",
  "TEXTAREA",
  "INPUT",
  "OBJECT",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "HEAD",
  "TITLE",
]);

/**
 * The visible text of a DOM subtree as lines, the way a reader sees the blocks: each block element
 * (paragraph, heading, list item, table row…) starts a new line, `<br>` breaks a line, table cells are
 * joined with " | ", white space inside a line collapses. Items of an unordered list open with "• ",
 * of an ordered list with their number ("2. "), so the text path's list formatting applies. Image
 * captions (`figcaption`) are left out unless `captions` is set; scripts, styles and controls always are.
 */
export function domToLines(root: DomNode, options: { captions?: boolean } = {}): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = (): void => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  const walk = (node: DomNode, listIndex: number | null): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || (name === "FIGCAPTION" && !options.captions)) return;
    if (name === "BR") {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === "LI") current += listIndex === null ? "• " : `${listIndex}. `;
    if (name === "TD" || name === "TH") {
      if (current.trim() !== "") current += " | ";
    }
    let index = 0;
    const ordered = name === "OL";
    for (const child of Array.from(node.childNodes)) {
      const isItem = child.nodeType === 1 && child.nodeName.toUpperCase() === "LI";
      if (isItem) index++;
      walk(child, name === "UL" || name === "OL" ? (ordered ? index : null) : listIndex);
    }
    if (block) flush();
  };
  walk(root, null);
  flush();
  return lines;
}
