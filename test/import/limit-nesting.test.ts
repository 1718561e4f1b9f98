import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BROWSER_MAX_DEPTH, limitNesting } from "../../src/import/limit-nesting.ts";

const limit = suite("limitNesting");

limit("a page within the limit comes back as it was, with its depth", () => {
  const page = "<!doctype html><html><head><title>T</title></head><body><div><p>a</p></div></body></html>";
  const r = limitNesting(page);
  assert.is(r.html, page);
  assert.is(r.depth, 4, "html > body > div > p");
  assert.is(r.flattened, 0);
});

limit("void and self-closing elements, comments and raw text do not nest", () => {
  const page = [
    "<html><body>",
    "<img src=a><br><hr><input><svg><path d='M0'/></svg>",
    "<!-- <div><div><div> -->",
    "<script>const s = '<div><div><div>';</script>",
    "<style>a > b { }</style>",
    '<a title="x > y" href="/">link</a>',
    "</body></html>",
  ].join("");
  const r = limitNesting(page);
  assert.is(r.depth, 3, "html > body > svg (or a)");
});

limit("elements whose start tag ends the open one of their name (<p>, <li>) do not nest", () => {
  const items = "<li>item".repeat(1000);
  const paragraphs = "<p>text".repeat(1000);
  const r = limitNesting(`<html><body><ul>${items}</ul>${paragraphs}</body></html>`);
  assert.is(r.depth, 4, "html > body > ul > li");
  assert.is(r.flattened, 0);
});

limit("an end tag closes what is open inside its element; a stray one changes nothing", () => {
  const r = limitNesting("<div><span><b>a</div></i><div><div>b</div></div>");
  assert.is(r.depth, 3);
});

limit("elements nested deeper than the limit are read beside the deepest one, tags and text kept", () => {
  const page = `<div>${"<section>".repeat(4)}<h1>Title</h1><p>deep text</p>${"</section>".repeat(4)}</div><p>after</p>`;
  const r = limitNesting(page, 3);
  assert.is(
    r.html,
    "<div><section><section></section><section></section><section></section><h1>Title</h1><p>deep text</p></section></div><p>after</p>",
  );
  assert.is(r.depth, 6, "the depth the page asked for");
  assert.is(r.flattened, 3, "two sections and the h1 went beside the deepest section");
  assert.is(limitNesting(r.html, 3).depth, 3, "within the limit once flattened");
  assert.is(limitNesting(r.html, 3).flattened, 0);
});

limit("an end tag of an element put beside the deepest ends it and what was inside it", () => {
  const r = limitNesting("<a><b><c><d>x</c>y</b>z</a>", 2);
  assert.is(r.html, "<a><b></b><c></c><d>x</d>yz</a>");
  assert.is(r.depth, 4);
});

limit("a hostile page of 200,000 nested elements is flattened to a browser's depth", () => {
  const n = 200_000;
  const r = limitNesting(`<body>${"<div>".repeat(n)}text${"</div>".repeat(n)}</body>`);
  assert.is(r.depth, n + 1);
  assert.is(r.flattened, n + 1 - BROWSER_MAX_DEPTH);
  assert.is(limitNesting(r.html).depth, BROWSER_MAX_DEPTH);
  assert.ok(r.html.includes(`${"</div><div>".repeat(3)}text</div>`), "the text is in the last one");
  // Mismatched end tags do not make it slow either (each end tag once, not a search of every element).
  const mismatched = limitNesting(`<body>${"<div>".repeat(n)}${"</span>".repeat(n)}</body>`);
  assert.is(mismatched.depth, n + 1);
});

limit("an unclosed comment, quote or raw-text element ends the scan, never loops", () => {
  assert.is(limitNesting("<div><!-- never closed <div><div>").depth, 1);
  assert.is(limitNesting("<div><script>never closed <div><div>").depth, 2);
  // A browser reads the rest as the attribute's value; counting the tags in it only errs on the deep side.
  assert.ok(limitNesting('<div><a href="never closed <div><div>').depth <= 3);
});

limit.run();
