import { suite } from "uvu";
import * as assert from "uvu/assert";
import { blocksToMarkdown, blocksToText, escapeMarkdown, toBlocks } from "../../src/import/format-blocks.ts";
import { linesOf } from "./lines.ts";

const fixture = () =>
  linesOf(
    [
      "A plan with three objectives:",
      "• Oil exports",
      "• Foreign currency",
      "",
      "1. Finland",
      "2. Norway",
      "> A quote",
      "Last words.",
    ].join("\n"),
  );

const blocks = suite("toBlocks");
blocks("bullets make a list, numbers an ordered list, > a quote", () => {
  assert.equal(toBlocks(fixture()), [
    { kind: "paragraph", text: "A plan with three objectives:" },
    { kind: "list", ordered: false, items: ["Oil exports", "Foreign currency"] },
    { kind: "list", ordered: true, items: ["1. Finland", "2. Norway"] },
    { kind: "quote", text: "A quote" },
    { kind: "paragraph", text: "Last words." },
  ]);
});
blocks("consecutive code lines make one code block", () => {
  assert.equal(toBlocks(linesOf("var a = 1;\nvar b = 2;")), [
    { kind: "code", lines: ["var a = 1;", "var b = 2;"] },
  ]);
});
blocks.run();

const text = suite("blocksToText");
text("paragraphs apart, list items one per line", () => {
  assert.is(
    blocksToText(toBlocks(fixture())),
    "A plan with three objectives:\n\nOil exports\nForeign currency\n\n1. Finland\n2. Norway\n\nA quote\n\nLast words.",
  );
});
text.run();

const markdown = suite("blocksToMarkdown");
markdown("lists, quotes and paragraphs as Markdown", () => {
  assert.is(
    blocksToMarkdown(toBlocks(fixture())),
    "A plan with three objectives:\n\n- Oil exports\n- Foreign currency\n\n1. Finland\n2. Norway\n\n> A quote\n\nLast words.",
  );
});
markdown.run();

const escaping = suite("escapeMarkdown");
escaping("text that Markdown would read as markup", () => {
  assert.is(escapeMarkdown("# not a heading"), "\\# not a heading");
  assert.is(escapeMarkdown("2019. A year"), "2019\\. A year");
  assert.is(escapeMarkdown("a <script> tag"), "a &lt;script> tag");
  assert.is(escapeMarkdown("Plain text."), "Plain text.");
});
escaping.run();
