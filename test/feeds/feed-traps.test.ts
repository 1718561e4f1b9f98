// The known traps of `feed` 6, each with the article that springs it. Every test here fails when the
// workaround in src/feeds is taken out.
import { parseFeed } from "@rowanmanning/feed-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderFeeds } from "../../src/feeds/render-feeds.ts";
import { makeArticle, makeConfig } from "../factories.ts";
import { fileAt, jsonFeedErrors, wellFormed } from "./feed-helpers.ts";

const config = makeConfig();
const ADVERSARIAL = '<script>alert(1)</script> & "AT&T" ]]> ]]>';

function adversarialFeeds() {
  const article = makeArticle({
    slug: "خبر-📰",
    title: `${ADVERSARIAL} 📰 خبر عاجل`,
    summary: "A summary with ]]> and a bell\u0007.",
    html: "<p>Right-to-left: خبر عاجل, emoji 📰, a control character here:\u0001.</p>\n<!-- ]]> ]]> -->\n",
    text: "Right-to-left: خبر عاجل, emoji 📰, a control character here:\u0001.",
    tags: [{ name: '<b>&"tag', slug: "b-tag" }],
    byline: "Jane Doe",
  });
  return [...renderFeeds(config, [article])];
}

const traps = suite("feed 6 traps");

traps("an adversarial article gives well-formed RSS and Atom with the text intact", () => {
  const files = adversarialFeeds();
  for (const path of ["/feed.xml", "/atom.xml", "/tags/b-tag/feed.xml", "/tags/b-tag/atom.xml"]) {
    const xml = fileAt(files, path);
    assert.is(wellFormed(xml), null, path);
    const item = parseFeed(xml).items[0];
    assert.is(item?.title, `${ADVERSARIAL} 📰 خبر عاجل`, `${path}: title intact`);
    assert.match(item?.content ?? "", "Right-to-left: خبر عاجل, emoji 📰, a control character here:.");
  }
});

traps("several ]]> in content do not end the CDATA section early (writer escapes only the first)", () => {
  const rss = fileAt(adversarialFeeds(), "/feed.xml");
  assert.match(rss, "]]]]><![CDATA[> ]]]]><![CDATA[>");
});

traps("< in a category attribute is escaped (writer escapes only &)", () => {
  const atom = fileAt(adversarialFeeds(), "/atom.xml");
  assert.match(atom, 'term="&lt;b>&amp;&quot;tag"');
  assert.equal(
    parseFeed(atom).items[0]?.categories.map((c) => c.term),
    ['<b>&"tag'],
  );
});

traps("control characters are dropped instead of making the feed malformed", () => {
  for (const file of adversarialFeeds())
    assert.not.ok(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(file.contents), file.path);
});

traps("no executable markup: Atom's type=html title and summary are escaped HTML", () => {
  const atom = fileAt(adversarialFeeds(), "/atom.xml");
  assert.not.ok(atom.includes("<script>"), "no raw <script> anywhere in the Atom feed");
  assert.match(
    atom,
    '<title type="html"><![CDATA[&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;AT&amp;T&quot;',
  );
});

traps("an RSS author with a name and no email goes in dc:creator, not <author>", () => {
  const rss = fileAt(adversarialFeeds(), "/feed.xml");
  assert.not.ok(rss.includes("<author>"));
  assert.match(rss, "<dc:creator>Jane Doe</dc:creator>");
  assert.match(rss, 'xmlns:dc="http://purl.org/dc/elements/1.1/"');
});

traps("an Atom entry id from a Unicode slug is a valid URL (feed throws on ids that are not)", () => {
  const atom = fileAt(adversarialFeeds(), "/atom.xml");
  const id = parseFeed(atom).items[0]?.id ?? "";
  assert.ok(URL.canParse(id), id);
  assert.match(id, "https://gazette.test/2019/01/%D8%AE%D8%A8%D8%B1-%F0%9F%93%B0/");
});

traps("the JSON Feed is 1.1 (feed writes 1.0) and schema-valid with the adversarial text", () => {
  const json = JSON.parse(fileAt(adversarialFeeds(), "/feed.json"));
  assert.is(jsonFeedErrors(json), null);
  assert.is(json.version, "https://jsonfeed.org/version/1.1");
  assert.is(json.items[0].title, `${ADVERSARIAL} 📰 خبر عاجل`);
  assert.equal(json.items[0].authors, [{ name: "Jane Doe" }]);
});

traps.run();
