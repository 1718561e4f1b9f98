import { suite } from "uvu";
import * as assert from "uvu/assert";
import { absolutizeHtml } from "../../src/feeds/absolutize-html.ts";

const absolutize = suite("absolutizeHtml");
const article = "https://example.org/digest/2019/01/story/";
const site = "https://example.org/digest/";

absolutize(
  "resolves root-relative links against the site (keeping the prefix) and relative ones against the article",
  () => {
    assert.is(
      absolutizeHtml(
        '<a href="/tags/iran/">x</a> <a href="notes/">y</a> <img src="../pic.jpg" alt="">',
        article,
        site,
      ),
      '<a href="https://example.org/digest/tags/iran/">x</a> <a href="https://example.org/digest/2019/01/story/notes/">y</a> <img src="https://example.org/digest/2019/01/pic.jpg" alt="">',
    );
  },
);

absolutize("leaves absolute and mailto links as they are, and keeps escaped ampersands escaped", () => {
  assert.is(
    absolutizeHtml(
      '<a href="https://other.org/?a=1&amp;b=2">x</a> <a href="mailto:a@b.org">m</a>',
      article,
      site,
    ),
    '<a href="https://other.org/?a=1&amp;b=2">x</a> <a href="mailto:a@b.org">m</a>',
  );
});

absolutize("a fragment resolves to the article itself", () => {
  assert.is(absolutizeHtml('<a href="#note-1">1</a>', article, site), `<a href="${article}#note-1">1</a>`);
});

absolutize.run();
