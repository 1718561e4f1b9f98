import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type DomNode, domToLines } from "../../src/import/dom-to-lines.ts";

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
lines.run();
