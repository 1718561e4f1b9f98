import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { restoreParagraphs } from "../../src/import/restore-paragraphs.ts";
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
  Array.from(doc.querySelectorAll("p, h2"), (p) => (p.textContent ?? "").trim());

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

restore.run();
