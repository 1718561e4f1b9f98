import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderIntro } from "../../src/newsletter/intro.ts";

const intro = suite("renderIntro");

intro("Markdown to HTML with headings one level down", async () => {
  const { html } = await renderIntro("# This week\n\nA *quiet* week. [Read](https://x.org/a)");
  assert.is(html, '<h2>This week</h2>\n<p>A <em>quiet</em> week. <a href="https://x.org/a">Read</a></p>');
});

intro("raw HTML is shown as text", async () => {
  assert.match((await renderIntro("<script>alert(1)</script>")).html, "&lt;script&gt;");
});

intro("plain text keeps link targets", async () => {
  const { text } = await renderIntro("# This week\n\nA quiet week. [Read](https://x.org/a)");
  assert.match(text, "This week");
  assert.match(text, "Read [https://x.org/a]");
});

intro.run();
