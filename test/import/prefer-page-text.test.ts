import { suite } from "uvu";
import * as assert from "uvu/assert";
import { preferPageText } from "../../src/import/prefer-page-text.ts";

const prefer = suite("preferPageText");

const para = (n: number): string =>
  `Paragraph ${n} of the story tells what happened in the town, who was there and what they said.`;
const article = [1, 2, 3, 4, 5, 6, 7, 8].map(para);
const page = (between: string[], after: string[]): string[] => [
  "Home",
  "News",
  "Storm floods the old town",
  "By Jane Doe",
  ...between,
  ...article,
  ...after,
];

prefer("Readability's block far below the headline, the text right under it: the text", () => {
  const notice =
    "This website is made by a commercial company that is owned by the broadcaster and funds programmes.";
  const lines = page([], ["Related", ...Array.from({ length: 12 }, (_, i) => `Link ${i}`), notice]);
  const reason = preferPageText(lines, "Storm floods the old town", [notice], article.join("\n"));
  assert.ok(reason?.includes("lines below the headline"), String(reason));
});

prefer("Readability's content a small part of the text under the headline: the text", () => {
  const lines = page([], []);
  const reason = preferPageText(lines, "Storm floods the old town", [para(3)], article.join("\n"));
  assert.ok(reason?.includes("small part"), String(reason));
});

prefer("Readability's content where the article is: kept", () => {
  const lines = page([], []);
  assert.is(preferPageText(lines, "Storm floods the old town", article, article.join("\n")), null);
  assert.is(
    preferPageText(lines, "Storm floods the old town", article.slice(0, 5), article.join("\n")),
    null,
  );
});

prefer("the text does not start under the headline, or there is no headline: kept", () => {
  const promo = Array.from(
    { length: 15 },
    (_, i) => `Promotion ${i} of the shop sells many things to many people`,
  );
  const lines = page(promo, []);
  assert.is(preferPageText(lines, "Storm floods the old town", [para(8)], article.join("\n")), null);
  assert.is(preferPageText(lines, null, [para(8)], article.join("\n")), null);
  assert.is(preferPageText(lines, "A headline the page does not show", [para(8)], article.join("\n")), null);
});

prefer(
  "Readability's content mostly links (other stories' headlines): the text, whatever the headline",
  () => {
    const lines = page([], []);
    const reason = preferPageText(lines, null, article, article.join("\n"), 0.83);
    assert.ok(reason?.includes("mostly links: 83% of its text"), String(reason));
    assert.ok(preferPageText(lines, "Storm floods the old town", article, article.join("\n"), 0.61));
    // An article that links much (a roundup of sources), kept.
    assert.is(preferPageText(lines, "Storm floods the old town", article, article.join("\n"), 0.6), null);
    assert.is(preferPageText(lines, "Storm floods the old town", article, article.join("\n"), 0.2), null);
  },
);

prefer.run();
