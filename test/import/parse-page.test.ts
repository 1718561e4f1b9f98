import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parsePage } from "../../src/import/parse-page.ts";

const parse = suite("parsePage");

parse("attribute names are lower-cased, as a browser reads them; a lower-case twin wins", () => {
  const { document } = parsePage(
    `<html><body><time dateTime="2025-04-14">x</time><span itemProp="a" itemprop="b" Class="c">y</span></body></html>`,
  );
  assert.is(document.querySelectorAll("time[datetime]").length, 1);
  assert.is(document.querySelector("time")?.getAttribute("datetime"), "2025-04-14");
  const span = document.querySelector("span");
  assert.is(span?.getAttribute("itemprop"), "b");
  assert.is(span?.getAttribute("class"), "c");
  assert.is(span?.textContent, "y");
});

parse("a page without capitals in its attributes is parsed as it is", () => {
  const { document } = parsePage(`<html><body><p class="x">Text</p></body></html>`);
  assert.is(document.querySelector("p.x")?.textContent, "Text");
});

parse("content linkedom leaves outside <body> is moved into it, in page order, metadata kept", () => {
  const pages = {
    "no <head> tag before <body>":
      "<!doctype html><html lang=en><meta charset=utf-8><title>T</title><body><p>First</p><p>Second</p></body></html>",
    "a style above the doctype":
      "<style>p{}</style><!doctype html><html><head><title>T</title></head><body><p>First</p><p>Second</p></body></html>",
    "<head> and <body> without <html>":
      "<!doctype html><head><title>T</title></head><body><p>First</p><p>Second</p></body>",
  };
  for (const [name, page] of Object.entries(pages)) {
    const { document } = parsePage(page);
    const texts = Array.from(document.body.querySelectorAll("p"), (p) => p.textContent);
    assert.equal(texts, ["First", "Second"], name);
    assert.is(document.querySelector("title")?.textContent, "T", name);
    assert.is(document.querySelectorAll("body").length, 1, name);
  }
});

parse("a well-formed page keeps its tree", () => {
  const { document } = parsePage(
    '<!doctype html><html><head><meta name="a" content="b"></head><body><main><p>Text</p></main></body></html>',
  );
  assert.is(document.body.firstElementChild?.nodeName, "MAIN");
  assert.is(document.head.querySelector("meta")?.getAttribute("content"), "b");
});

parse("text with no element at all is read as a browser reads it: the body's text", () => {
  const { document } = parsePage("Just a line of text, saved as a page.\nAnd a second one.");
  assert.is(document.body.textContent, "Just a line of text, saved as a page.\nAnd a second one.");
  assert.is(parsePage("").document.body.textContent, "");
});

parse.run();
