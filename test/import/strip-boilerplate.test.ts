import { suite } from "uvu";
import * as assert from "uvu/assert";
import { stripBoilerplate } from "../../src/import/strip-boilerplate.ts";
import { linesOf, paragraph } from "./lines.ts";

const strip = suite("stripBoilerplate");
strip("removes chrome lines and dangling labels, keeps paragraphs and headings", () => {
  const p = paragraph(30);
  const r = stripBoilerplate(
    linesOf(
      ["1 / 5", p, "Advertisement", "A subheading in the story", p, "Share", "Tweet", "Photo"].join("\n"),
    ),
  );
  assert.equal(
    r.lines.map((l) => l.text),
    [p, "A subheading in the story", p],
  );
  assert.is(r.removed.length, 5);
});
strip("a paragraph that mentions sharing stays", () => {
  const text = "Share prices fell sharply on Monday after the report was published.";
  assert.equal(
    stripBoilerplate(linesOf(text)).lines.map((l) => l.text),
    [text],
  );
});
strip.run();
