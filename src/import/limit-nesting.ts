/**
 * How deep a browser nests elements: past this depth Chromium's parser adds new elements beside the
 * deepest open one instead of inside it. The deepest of the importer corpus's 1,322 real news pages is
 * 138 (its 99th percentile 34).
 */
export const BROWSER_MAX_DEPTH = 512;

/** Elements that never have an end tag (HTML's void elements). */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Elements whose start tag ends an open element of the same name (`<li>…<li>`, `<p>…<p>`). */
const SELF_ENDING = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "optgroup",
  "tr",
  "td",
  "th",
  "rb",
  "rt",
  "rp",
]);

/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = /^(?:script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)$/;

/** A comment, a doctype or other `<!…>`/`<?…>` declaration, an end tag, or a start tag with its attributes. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<\/([a-zA-Z][^\s/>]*)[^>]*>?|<([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

export interface LimitedNesting {
  /** The page, with elements nested deeper than the limit made siblings of each other at the limit. */
  html: string;
  /** How deep the page's elements nest (as far as its tags show: end tags a browser would imply are not). */
  depth: number;
  /** How many elements were nested too deep and were read beside the deepest one instead. */
  flattened: number;
}

/**
 * Reads a page's tags (not a full HTML parse: comments, raw-text elements such as `<script>`, void and
 * self-closing elements and the implied end of `<p>`/`<li>`-like elements are understood) and keeps its
 * nesting within `maxDepth`, as a browser does: an element that would be nested deeper is put beside the
 * deepest one instead (its predecessor there is ended just before it, and that one's own end tag is left
 * out later), so every element, its tag and its text are kept. Parsing and content extraction are far
 * slower than linear in depth (a page of 200,000 nested `<div>`s took minutes), so a hostile page is
 * flattened before it is parsed. Pure; linear in the page's length. A page within the limit comes back
 * unchanged (the same string).
 */
export function limitNesting(html: string, maxDepth: number = BROWSER_MAX_DEPTH): LimitedNesting {
  /** The elements open in the page as rewritten, outermost first. */
  const open: string[] = [];
  /**
   * Elements ended early to make room at the limit, outermost first: as the page has it, they are still
   * open, inside `open` but for its element at the limit, which is inside them.
   */
  const early: string[] = [];
  /** How many of `early` have each name (a search of `early` for a name it lacks would cost its length). */
  const earlyNames = new Map<string, number>();
  const endEarlyFrom = (at: number): void => {
    for (const ended of early.slice(at)) earlyNames.set(ended, (earlyNames.get(ended) ?? 1) - 1);
    early.length = at;
  };
  /** Edits to the page: [from, to, replacement]. */
  const edits: [number, number, string][] = [];
  let depth = 0;
  let flattened = 0;
  const token = new RegExp(TOKEN.source, "g");
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const [text, closing, opening, selfClosing] = m;
    if (closing !== undefined) {
      const name = closing.toLowerCase();
      const atLimit = early.length > 0 && open.length === maxDepth;
      if (atLimit && open[open.length - 1] === name) open.pop();
      else if ((earlyNames.get(name) ?? 0) > 0) {
        // It ends an element already ended (and what is inside it): end what is open at the limit instead.
        endEarlyFrom(early.lastIndexOf(name));
        edits.push([m.index, m.index + text.length, atLimit ? `</${open.pop()}>` : ""]);
      } else {
        const at = open.lastIndexOf(name);
        if (at >= 0) {
          open.length = at;
          endEarlyFrom(0);
        }
      }
      continue;
    }
    if (opening === undefined) continue;
    const name = opening.toLowerCase();
    if (VOID.has(name) || selfClosing === "/") continue;
    if (SELF_ENDING.has(name) && open[open.length - 1] === name) open.pop();
    if (open.length >= maxDepth) {
      // No room deeper: end the element at the limit here, and read this one beside it.
      const ended = open.pop() as string;
      edits.push([m.index, m.index, `</${ended}>`]);
      early.push(ended);
      earlyNames.set(ended, (earlyNames.get(ended) ?? 0) + 1);
      flattened++;
    }
    open.push(name);
    depth = Math.max(depth, open.length + early.length);
    if (RAW_TEXT.test(name)) {
      // What is inside is text: go on after the element's end tag (or to the end of the page).
      const end = rawTextEnd(name);
      end.lastIndex = token.lastIndex;
      token.lastIndex = end.exec(html)?.index ?? html.length;
    }
  }
  if (flattened === 0) return { html, depth, flattened };
  let out = "";
  let from = 0;
  for (const [start, end, replacement] of edits) {
    out += html.slice(from, start) + replacement;
    from = end;
  }
  return { html: out + html.slice(from), depth, flattened };
}

const rawTextEnds = new Map<string, RegExp>();

/** A search for the end tag of the raw-text element `name` (`</script>`, any case). */
function rawTextEnd(name: string): RegExp {
  let found = rawTextEnds.get(name);
  if (!found) {
    found = new RegExp(`</${name}[\\s/>]`, "gi");
    rawTextEnds.set(name, found);
  }
  return found;
}
