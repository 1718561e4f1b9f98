import { suite } from "uvu";
import * as assert from "uvu/assert";
import { introHtml, renderIntro } from "../../src/newsletter/intro.ts";

const html = suite("introHtml");
html("the same escaping every time: raw HTML is text, headings one level down", () => {
  assert.is(introHtml("# Hi\n\n<b>x</b>"), "<h2>Hi</h2>\n<p>&lt;b&gt;x&lt;/b&gt;</p>");
  assert.is(introHtml("# Hi\n\n<b>x</b>"), introHtml("# Hi\n\n<b>x</b>"));
});
html.run();

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
