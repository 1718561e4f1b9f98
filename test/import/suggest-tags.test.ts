import { suite } from "uvu";
import * as assert from "uvu/assert";
import { suggestTags } from "../../src/import/suggest-tags.ts";

const SITE = [
  { name: "Sanctions", uses: 5 },
  { name: "Oil", uses: 9 },
  { name: "Middle East", uses: 2 },
  { name: "Weather", uses: 1 },
];

const tags = suite("suggestTags");
tags("only the site's tags the text is about: in the title, or twice in the body", () => {
  const article = {
    title: "New sanctions hit the Middle East",
    body: "Oil prices rose. Oil buyers waited. The weather was fine. Nobody mentioned shipping or Russia.",
  };
  assert.equal(
    suggestTags(article, SITE),
    ["Sanctions", "Middle East", "Oil"],
    "ties go to the more used tag",
  );
});
tags("never a tag the site does not have, however often the word occurs", () => {
  const article = { title: "Shipping", body: "Shipping shipping shipping." };
  assert.equal(suggestTags(article, SITE), []);
  assert.equal(suggestTags(article, []), []);
});
tags("whole words only ('oil' is not in 'turmoil')", () => {
  assert.equal(suggestTags({ title: null, body: "turmoil turmoil turmoil" }, SITE), []);
});
tags.run();
