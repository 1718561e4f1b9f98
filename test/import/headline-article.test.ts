import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { headlineArticle } from "../../src/import/headline-article.ts";

const story = suite("headlineArticle");

const feed = `<html><body><main><article class="feed">
  <article><h1>Council Votes To Rebuild The Bridge</h1><p>The council met on Tuesday.</p></article>
  <article><h1>Giuliani Files For Bankruptcy</h1><p>Rudy Giuliani filed for bankruptcy on Thursday.</p></article>
</article></main></body></html>`;

story("on a page of several full stories, the lines of the one whose h1 is the headline", () => {
  const { document } = parseHTML(feed);
  assert.equal(headlineArticle(document as never, "Giuliani Files for Bankruptcy"), [
    "Giuliani Files For Bankruptcy",
    "Rudy Giuliani filed for bankruptcy on Thursday.",
  ]);
});

story("null on a page with one story, or when no story's h1 is the headline", () => {
  const { document } = parseHTML(feed);
  assert.is(headlineArticle(document as never, "Something Else Entirely"), null);
  assert.is(headlineArticle(document as never, null), null);
  const one = parseHTML(
    "<html><body><article><h1>Only Story</h1><p>Text.</p><article><p>A comment.</p></article></article></body></html>",
  );
  assert.is(headlineArticle(one.document as never, "Only Story"), null);
});

story.run();
