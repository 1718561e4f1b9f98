import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderMarkdown } from "../../src/articles/render-markdown.ts";

const render = suite("renderMarkdown");

render("text keeps every block; lead is the opening paragraphs only", () => {
  const body = renderMarkdown(
    "## Background\n\nFirst paragraph,\nwrapped.\n\nSecond paragraph.\n\n## Next steps\n\n- One thing\n- Another thing\n\nA later paragraph.\n",
  );
  assert.is(
    body.text,
    "Background\n\nFirst paragraph, wrapped.\n\nSecond paragraph.\n\nNext steps\n\nOne thing\nAnother thing\n\nA later paragraph.",
  );
  assert.is(body.lead, "First paragraph, wrapped.\n\nSecond paragraph.");
});

render("a body that opens with a list: the paragraph after it; a quote ends the lead", () => {
  assert.is(renderMarkdown("- one\n- two\n\nThe paragraph.\n").lead, "The paragraph.");
  assert.is(renderMarkdown("Intro.\n\n> A quote.\n\nAfter.\n").lead, "Intro.");
});

render("no paragraph at all: the first block, list items kept apart", () => {
  assert.is(renderMarkdown("- one\n- two\n").lead, "one; two");
  assert.is(renderMarkdown("").lead, "");
});

render.run();
