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

/** Blocks that, made of links and nothing else, point to other pages ("Related: …"). */
const LINK_BLOCK = new Set(["P", "DIV"]);
/** What a figure may hold that is article text rather than an image and its credit. */
const FIGURE_CONTENT = new Set(["TABLE", "PRE", "BLOCKQUOTE", "OL", "UL"]);

/** Whether the subtree holds an element named in `names`. */
function holds(node: DomNode, names: ReadonlySet<string>): boolean {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== 1) continue;
    if (names.has(child.nodeName.toUpperCase()) || holds(child, names)) return true;
  }
  return false;
}

/**
 * The visible text of a subtree counted by where it stands: letters and digits inside links and outside
 * them (white space, punctuation and symbols are not counted), and whether any link holds visible text.
 */
function linkedText(node: DomNode): { linked: number; loose: number; anyLink: boolean } {
  const count = { linked: 0, loose: 0, anyLink: false };
  const walk = (n: DomNode, inLink: boolean): void => {
    if (n.nodeType === 3) {
      const words = (n.textContent ?? "").trim();
      if (words === "") return;
      const letters = words.replace(/[\s\p{P}\p{S}]/gu, "").length;
      if (inLink) {
        count.linked += letters;
        count.anyLink = true;
      } else count.loose += letters;
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    for (const child of Array.from(n.childNodes)) walk(child, inLink || name === "A");
  };
  walk(node, false);
  return count;
}

/** Whether every visible word of a block is inside links (and it has some). */
function isAllLink(node: DomNode): boolean {
  const { loose, anyLink } = linkedText(node);
  return anyLink && loose === 0;
}

/**
 * The share of a subtree's visible letters and digits that are inside links (0 when it shows none): an
 * article's text links a few words; a list of other stories is all links.
 */
export function linkShare(root: DomNode): number {
  const { linked, loose } = linkedText(root);
  return linked + loose === 0 ? 0 : linked / (linked + loose);
}

/**
 * The visible text of a DOM subtree as lines, the way a reader sees the blocks: each block element
 * (paragraph, heading, list item, table row…) starts a new line, `<br>` breaks a line, table cells are
 * joined with " | ", white space inside a line collapses. Items of an unordered list open with "• ",
 * of an ordered list with their number ("2. "), so the text path's list formatting applies. Image
 * captions (`figcaption`) are left out unless `captions` is set; scripts, styles and controls always are.
 * With `linkBlocks: false`, a paragraph or division made only of links is left out (related-story links
 * inside an article; list items and headings made of links stay: tables of contents, listicles' product
 * names); with `figures: false`, a figure (an image with its credit)
 * is, unless it holds a table, code, a quotation or a list. With `spaced`, every element boundary is a
 * space (for finding stamps: spans shown side by side, "Jane Doe" and "Mar 5, 2025", are not one word).
 */
export function domToLines(
  root: DomNode,
  options: { captions?: boolean; linkBlocks?: boolean; figures?: boolean; spaced?: boolean } = {},
): string[] {
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
    if (options.figures === false && name === "FIGURE" && !holds(node, FIGURE_CONTENT)) return;
    if (options.linkBlocks === false && LINK_BLOCK.has(name) && isAllLink(node)) return;
    if (name === "BR") {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    else if (options.spaced) current += " ";
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
    else if (options.spaced) current += " ";
  };
  walk(root, null);
  flush();
  return lines;
}
