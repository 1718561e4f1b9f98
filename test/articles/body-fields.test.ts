import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineBodyFields } from "../../src/articles/body-fields.ts";

const fields = suite("defineBodyFields");

fields("the derived summary comes from the opening paragraphs, never a heading or list run into it", () => {
  const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(" ");
  const body = `# Headline again\n\n${words(10, "lead")}.\n\n## Next steps\n\n- One thing\n- Another thing\n\n${words(50, "later")}.\n`;
  const article = defineBodyFields({}, body, null);
  assert.is(article.summary, `${words(10, "lead")}.`);
  assert.not.match(article.summary, "Next steps");
  assert.not.match(article.summary, "One thing");
  assert.match(article.text, "Next steps");
});

fields("a summary given in front matter wins; the body is rendered only when read", () => {
  const article = defineBodyFields({}, "## Only a heading\n", "Given.");
  assert.is(article.summary, "Given.");
  assert.is(defineBodyFields({}, "- a list\n- only\n", null).summary, "a list; only");
});

fields.run();
