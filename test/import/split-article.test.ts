import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { numberElements, ORDER_ATTRIBUTE, splitArticleBlocks } from "../../src/import/split-article.ts";

const PARAGRAPH =
  "This paragraph is long enough to be a paragraph of the article, with more than fifteen words in it.";

/** A page, numbered; the block with `id` is taken out, as Readability moves the block it picks. */
function page(body: string, id: string) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  const parents = numberElements(document as never);
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  const taken = [
    { order: Number(el.getAttribute(ORDER_ATTRIBUTE)), className: el.getAttribute("class") ?? "" },
  ];
  el.remove();
  return { document, parents, taken };
}

const text = (blocks: { html: string }[]): string[] =>
  blocks.map((b) => parseHTML(`<html><body>${b.html}</body></html>`).document.body.textContent?.trim() ?? "");

const split = suite("splitArticleBlocks");

split("finds the sibling blocks of the same kind, with their subheadings, in page order", () => {
  const { document, parents, taken } = page(
    `<div class="col">
      <div class="sqs-block html-block" id="a"><p>${PARAGRAPH} One.</p></div>
      <div class="sqs-block html-block"><h2>A subheading</h2></div>
      <div class="sqs-block html-block"><p>${PARAGRAPH} Two.</p></div>
      <div class="sqs-block spacer-block"></div>
      <div class="sqs-block html-block"><p>${PARAGRAPH} Three.</p></div>
      <div class="sqs-block html-block"><p>A short closing line</p></div>
    </div>`,
    "a",
  );
  const blocks = splitArticleBlocks(document as never, parents, taken);
  assert.equal(text(blocks), ["A subheading", `${PARAGRAPH} Two.`, `${PARAGRAPH} Three.`]);
  assert.ok(blocks.every((b, i) => i === 0 || b.order > (blocks[i - 1]?.order ?? 0)));
});

split("leaves out siblings of another kind, lists of links and forms", () => {
  const { document, parents, taken } = page(
    `<div class="col">
      <div class="block text" id="a"><p>${PARAGRAPH}</p></div>
      <div class="promo-box"><p>${PARAGRAPH}</p></div>
      <div class="block text"><p><a href="/1">${PARAGRAPH}</a></p></div>
      <div class="block text"><p>${PARAGRAPH}</p><form><input name="email"></form></div>
    </div>`,
    "a",
  );
  assert.equal(splitArticleBlocks(document as never, parents, taken), []);
});

split(
  "looks one level up, at containers of the very same class, when the block's own siblings are none",
  () => {
    const { document, parents, taken } = page(
      `<div class="content">
      <div class="sect1"><h2>One</h2><div class="sectionbody"><p>${PARAGRAPH} One.</p></div></div>
      <div class="sect1"><h2>Two</h2><div class="sectionbody" id="a"><p>${PARAGRAPH} Two.</p></div></div>
      <div class="sect1 sponsor"><p>${PARAGRAPH} Sponsor.</p></div>
    </div>`,
      "a",
    );
    assert.equal(text(splitArticleBlocks(document as never, parents, taken)), [`One${PARAGRAPH} One.`]);
  },
);

split("finds nothing for a block without a class", () => {
  const { document, parents, taken } = page(
    `<div><div id="a"><p>${PARAGRAPH}</p></div><div><p>${PARAGRAPH}</p></div></div>`,
    "a",
  );
  assert.equal(splitArticleBlocks(document as never, parents, taken), []);
});

split.run();
