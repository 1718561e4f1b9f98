import { suite } from "uvu";
import * as assert from "uvu/assert";
import { siteFold, siteHalf } from "../../scripts/import/site-half.ts";

const test = suite("site-half");

const hosts = Array.from({ length: 400 }, (_, i) => `https://site${i}.example.org/story`);

test("a site's pages share a half and a fold, with or without www.", () => {
  assert.is(siteHalf("https://www.news.example/a"), siteHalf("https://news.example/b"));
  assert.is(siteFold("https://www.news.example/a"), siteFold("https://news.example/b"));
});

test("the halves split the sites roughly in two", () => {
  const tune = hosts.filter((u) => siteHalf(u) === "tune").length;
  assert.ok(tune > 150 && tune < 250, `${tune} of 400 in tune`);
});

test("the folds split each half roughly in two (they do not follow the half)", () => {
  for (const half of ["tune", "held"] as const) {
    const inHalf = hosts.filter((u) => siteHalf(u) === half);
    const zero = inHalf.filter((u) => siteFold(u) === 0).length;
    assert.ok(
      zero > inHalf.length * 0.3 && zero < inHalf.length * 0.7,
      `${half}: ${zero} of ${inHalf.length}`,
    );
  }
});

test.run();
