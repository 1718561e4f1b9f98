import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type DomNode, domToLines, linkShare } from "../../src/import/dom-to-lines.ts";

const body = (html: string): DomNode =>
  parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as DomNode;

const lines = suite("domToLines");
lines("one line per block, <br> breaks, inline text joined, white space collapsed", () => {
  assert.equal(domToLines(body("<p>One <b>bold</b>\n  word.</p><div>Two<br>Three</div>")), [
    "One bold word.",
    "Two",
    "Three",
  ]);
});
lines("list items get a bullet or their number; table cells are joined", () => {
  assert.equal(domToLines(body("<ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>")), [
    "• a",
    "• b",
    "1. x",
    "2. y",
  ]);
  assert.equal(domToLines(body("<table><tr><td>1</td><td>2</td></tr></table>")), ["1 | 2"]);
});
lines("scripts, styles, controls and captions are left out (captions on request)", () => {
  const html =
    "<script>x()</script><style>p{}</style><button>Share</button><figure><figcaption>Cap</figcaption></figure><p>Text</p>";
  assert.equal(domToLines(body(html)), ["Text"]);
  assert.equal(domToLines(body(html), { captions: true }), ["Cap", "Text"]);
});
lines("linkBlocks: false leaves out paragraphs made only of links, not list items or headings", () => {
  const html =
    '<p>The council met on <a href="/a">Monday</a>.</p><p><a href="/b">Storm floods the old town</a></p>' +
    '<div><a href="/c">Related: bridge closed</a> | <a href="/d">Roads</a></div>' +
    '<ul><li><a href="#one">Section one</a></li></ul><h2><a href="/p">Product name</a></h2>';
  assert.equal(domToLines(body(html), { linkBlocks: false }), [
    "The council met on Monday.",
    "• Section one",
    "Product name",
  ]);
  assert.equal(domToLines(body(html)).length, 5, "kept by default");
});
lines(
  "figures: false leaves out an image's credit, not a figure holding a table, code, quote or list",
  () => {
    const html =
      "<figure><img src=x><span>Photo: Agency</span></figure><figure><table><tr><td>1</td><td>2</td></tr></table></figure><p>Text</p>";
    assert.equal(domToLines(body(html), { figures: false }), ["1 | 2", "Text"]);
    assert.equal(domToLines(body(html)), ["Photo: Agency", "1 | 2", "Text"]);
  },
);
lines("spaced: every element boundary separates words (a name and a stamp side by side)", () => {
  const html =
    '<div class="meta"><span>Jane Doe</span><span>Mar 5, 2025</span></div><p>One <b>bold</b> word.</p>';
  assert.equal(domToLines(body(html)), ["Jane DoeMar 5, 2025", "One bold word."]);
  assert.equal(domToLines(body(html), { spaced: true }), ["Jane Doe Mar 5, 2025", "One bold word."]);
});
lines.run();

const share = suite("linkShare");
share("the share of the visible letters and digits inside links", () => {
  // 8 letters of 27 linked; the spaces and the full stop count for neither.
  assert.is(linkShare(body('<p>The council met <a href="/m">on Monday</a> in town.</p>')), 8 / 27);
  const list =
    '<ul><li><a href="/a">Storm floods the old town</a></li><li><a href="/b">Bridge shut</a></li></ul>';
  assert.is(linkShare(body(list)), 1);
  assert.is(linkShare(body("<p>No links at all.</p>")), 0);
});
share("scripts and controls are not text; an empty block is no links", () => {
  assert.is(
    linkShare(body('<p>Four words of text</p><script>var a = "<a>x</a>";</script><button>Go</button>')),
    0,
  );
  assert.is(linkShare(body('<a href="/x"> » </a>')), 0);
  assert.is(linkShare(body("")), 0);
});
share.run();
