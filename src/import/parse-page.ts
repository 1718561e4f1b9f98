import { parseHTML } from "linkedom";

/** Elements a browser keeps in `<head>` when they come before the page's content. */
const HEAD_ONLY = new Set(["META", "LINK", "TITLE", "BASE", "STYLE", "SCRIPT", "NOSCRIPT", "TEMPLATE"]);

interface TreeNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  outerHTML?: string;
  childNodes: ArrayLike<TreeNode>;
}

/**
 * Parses a saved page with `linkedom` as a browser would read it.
 * - HTML attribute names are case-insensitive, but `linkedom` keeps them as written, so `<time dateTime=…>`
 *   or `itemProp=…` (as server-rendered React writes them) would be invisible to `[datetime]` and
 *   `getAttribute("itemprop")`. Every attribute name with a capital letter is lower-cased (an existing
 *   lower-case twin wins).
 * - `linkedom` does not rebuild a page's tree the way a browser does: content before `<html>` (a script or
 *   style pasted above the doctype), a page without `<body>` or `<head>` tags, or `<html>` inside an IE
 *   conditional comment leave the article outside `<body>` (or in a second one), where Readability and the page's text would
 *   not see it; nor does text with no element at all. Such a page is re-parsed with every misplaced node moved into `<body>` (metadata elements
 *   that come before any content into `<head>`), in page order.
 */
export function parsePage(html: string): ReturnType<typeof parseHTML> {
  let window = parseHTML(html);
  // Text with no element at all (a page saved as plain text) leaves linkedom without a root element,
  // which its `head` and `body` getters do not survive; a browser puts such text in a <body>.
  if (!window.document.documentElement)
    window = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  // Without a <head> first in <html>, linkedom's `document.body` opens an empty <body> of its own.
  const opened = window.document.body;
  const bodies = window.document.querySelectorAll("body");
  const phantom = bodies.length !== 1 || bodies[0] !== opened;
  const rebuilt = rebuildTree(window.document as unknown as TreeNode, phantom);
  if (rebuilt !== null) window = parseHTML(rebuilt);
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

/**
 * The page as `<html><head>…</head><body>…</body></html>` when content sits outside `<body>`; null when
 * the tree is already a browser's.
 */
function rebuildTree(document: TreeNode, force: boolean): string | null {
  const head: string[] = [];
  const body: string[] = [];
  let misplaced = force;
  let content = false;
  const place = (node: TreeNode, top: boolean): void => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? "";
      if (text.trim() === "") return;
      misplaced = true;
      content = true;
      body.push(escapeText(text));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === "HTML") {
      for (const child of Array.from(node.childNodes)) place(child, false);
      return;
    }
    if (name === "HEAD" || name === "BODY") {
      // Outside <html>, or a second <body> (linkedom opens an empty one of its own before a late <body>).
      if (top || (name === "BODY" && content)) misplaced = true;
      if (name === "BODY") content = true;
      const into = name === "HEAD" && !content ? head : body;
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 1 && /^(?:HTML|HEAD|BODY)$/i.test(child.nodeName)) place(child, false);
        else if (child.nodeType === 1) into.push(child.outerHTML ?? "");
        else if (child.nodeType === 3) into.push(escapeText(child.textContent ?? ""));
      }
      return;
    }
    if (top || !HEAD_ONLY.has(name)) misplaced = true;
    if (HEAD_ONLY.has(name) && !content) head.push(node.outerHTML ?? "");
    else {
      content = true;
      body.push(node.outerHTML ?? "");
    }
  };
  for (const child of Array.from(document.childNodes)) place(child, true);
  return misplaced
    ? `<!doctype html><html><head>${head.join("")}</head><body>${body.join("")}</body></html>`
    : null;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
