import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSiteModel, leadStory } from "../../src/site/site-model.ts";
import { makeArticle, makeConfig } from "../factories.ts";

const lead = suite("leadStory");
lead("the newest article marked featured leads", () => {
  const articles = [
    makeArticle({ slug: "newest" }),
    makeArticle({ slug: "featured", featured: true }),
    makeArticle({ slug: "older-featured", featured: true }),
  ];
  assert.is(leadStory(articles)?.slug, "featured");
});
lead("else the newest; none on an empty site", () => {
  assert.is(leadStory([makeArticle({ slug: "a" }), makeArticle({ slug: "b" })])?.slug, "a");
  assert.is(leadStory([]), null);
});
lead.run();

const model = suite("buildSiteModel");
model("the lead story tops the home page's first page only, and is not repeated below it", () => {
  const articles = ["a", "b", "c"].map((slug, i) =>
    makeArticle({ slug, date: new Date(Date.UTC(2019, 0, 30 - i, 9)) }),
  );
  const site = buildSiteModel(makeConfig({ perPage: 2 }), articles);
  const [first, second] = site.homePages;
  assert.is(first?.lead?.slug, "a");
  assert.equal(
    first?.days.flatMap((d) => d.articles.map((a) => a.slug)),
    ["b"],
  );
  assert.is(second?.lead, null);
  assert.is(site.tagPages[0]?.lead, null, "tag pages have no lead");
});
model.run();
