import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderBatches } from "../../src/site/eleventy-batches.ts";
import { makeSiteData } from "../../src/site/load-site-data.ts";
import { makeArticle, makeConfig } from "../factories.ts";

const renderBatchesSuite = suite("renderBatches");

const articles = Array.from({ length: 5 }, (_, i) =>
  makeArticle({ title: `Article ${i}`, date: new Date(Date.UTC(2019, 0, 31 - i)) }),
);
const data = makeSiteData(makeConfig(), articles);

renderBatchesSuite("renders listings first, then tag pages, then every article page exactly once", () => {
  const batches = renderBatches(data, 2);
  assert.is(batches.length, 5, "listings, one batch for the one tag, three article batches");
  assert.is(batches[0]?.only, undefined, "the first run renders every template");
  assert.equal(batches[0]?.data.model.articlePages, []);
  assert.equal(batches[0]?.data.model.tagPages, []);
  assert.equal(batches[0]?.data.model.homePages, data.model.homePages);
  assert.equal(batches[1]?.only, ["tag.njk"]);
  assert.equal(batches[1]?.data.model.tagPages, data.model.tagPages);
  assert.equal(batches[1]?.data.model.articlePages, []);
  const slugs = batches.slice(2).flatMap((b) => b.data.model.articlePages.map((p) => p.article.slug));
  assert.equal(
    slugs,
    data.model.articlePages.map((p) => p.article.slug),
  );
  for (const batch of batches.slice(2)) assert.equal(batch.only, ["article.njk"]);
});

renderBatchesSuite("keeps each page's neighbours and related articles from the whole site", () => {
  const [, , second] = renderBatches(data, 2);
  const page = second?.data.model.articlePages[1];
  assert.is(page?.older?.slug, "article-2", "a batch edge still links to the next batch's article");
});

renderBatchesSuite("an empty site is one run", () => {
  assert.is(renderBatches(makeSiteData(makeConfig(), []), 2).length, 1);
});

renderBatchesSuite.run();
