import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isSubheading, restoreParagraphs } from "../../src/import/restore-paragraphs.ts";
import { numberElements } from "../../src/import/split-article.ts";

const PARAGRAPH = "A paragraph of the article that holds well over twelve words, as paragraphs do.";

/** The page numbered, a copy of it as it was, and the content: the page with the blocks of `drop` taken out. */
function setUp(body: string, drop: string) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  numberElements(document as never);
  const pristine = document.body.cloneNode(true);
  for (const el of Array.from(document.querySelectorAll(drop))) el.remove();
  return { content: document, pristine };
}

const lines = (doc: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }): string[] =>
  Array.from(doc.querySelectorAll("p, h2, h3"), (p) => (p.textContent ?? "").trim());

const restore = suite("restoreParagraphs");

restore("puts a section of paragraphs that the cleanup took out back in its place", () => {
  const { content, pristine } = setUp(
    `<div id="article">
      <p>${PARAGRAPH} One.</p>
      <div class="checklist"><h2>Checklist</h2><div>${PARAGRAPH} Two.</div><div>${PARAGRAPH} Three.</div></div>
      <p>${PARAGRAPH} Four.</p>
    </div>`,
    ".checklist",
  );
  assert.is(restoreParagraphs(content as never, pristine as never), 1);
  assert.equal(lines(content), [`${PARAGRAPH} One.`, "Checklist", `${PARAGRAPH} Four.`]);
  assert.match(content.body.textContent ?? "", /Two\.[\s\S]*Three\.[\s\S]*Four\./);
});

restore("leaves out a lone paragraph, lists of links, asides and blocks whose text is still there", () => {
  const { content, pristine } = setUp(
    `<div id="article">
      <p>${PARAGRAPH} One.</p>
      <div class="caption-like"><p>${PARAGRAPH} A caption.</p></div>
      <div class="links"><p><a href="/a">${PARAGRAPH}</a></p><p><a href="/b">${PARAGRAPH}</a></p></div>
      <div class="related-posts"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>
      <div class="wrapper"><p>${PARAGRAPH} Kept.</p><p>${PARAGRAPH} Kept too.</p></div>
    </div>`,
    ".caption-like, .links, .related-posts",
  );
  // Readability unwrapped the last block: its paragraphs are in the content, the wrapper is not.
  const wrapper = content.querySelector(".wrapper");
  if (wrapper) wrapper.replaceWith(...Array.from(wrapper.childNodes));
  assert.is(restoreParagraphs(content as never, pristine as never), 0);
  assert.equal(lines(content).length, 3);
});

restore("puts back a subheading between two kept blocks, not one at the end or after a dropped block", () => {
  const { content, pristine } = setUp(
    `<div id="article">
      <p>${PARAGRAPH} One.</p>
      <h3 class="header-anchor-post">Part 1: Getting ready</h3>
      <p>${PARAGRAPH} Two.</p>
      <div class="promo-box">Buy the book</div>
      <h3 class="header-anchor-post">Part 2: After a dropped block</h3>
      <p>${PARAGRAPH} Three.</p>
      <h3 class="header-anchor-post">Part 3: At the very end</h3>
    </div>`,
    ".header-anchor-post, .promo-box",
  );
  assert.is(restoreParagraphs(content as never, pristine as never), 1);
  assert.equal(lines(content), [
    `${PARAGRAPH} One.`,
    "Part 1: Getting ready",
    `${PARAGRAPH} Two.`,
    `${PARAGRAPH} Three.`,
  ]);
});

restore.run();

const subheading = suite("isSubheading");

subheading("a heading below the headline's level with a few words", () => {
  const { document } = parseHTML(
    `<html><body><h2>What it costs</h2><h1>The headline</h1><p>Not a heading</p><h4></h4><h3>${PARAGRAPH} ${PARAGRAPH}</h3></body></html>`,
  );
  const verdicts = Array.from(document.body.children, (el) => isSubheading(el as never));
  assert.equal(verdicts, [true, false, false, false, false]);
});

subheading.run();
