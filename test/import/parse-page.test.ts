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

parse.run();
