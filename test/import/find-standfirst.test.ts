import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { declaredDescriptions, findStandfirst } from "../../src/import/find-standfirst.ts";

const declared = suite("declaredDescriptions");

declared("og:description, twitter:description and the description meta, each once", () => {
  const { document } = parseHTML(`<html><head>
    <meta property="og:description" content="The bridge will be rebuilt  before spring.">
    <meta name="twitter:description" content="The bridge will be rebuilt before spring.">
    <meta name="description" content="Council news.">
    <meta name="keywords" content="bridge">
  </head><body></body></html>`);
  assert.equal(declaredDescriptions(document as never), [
    "The bridge will be rebuilt before spring.",
    "Council news.",
  ]);
});

const find = suite("findStandfirst");
const page = [
  "Menu",
  "Council Votes To Rebuild The Bridge",
  "By Jane Doe",
  "The old crossing will be replaced before the spring floods, the mayor says.",
  "The council met on Tuesday and agreed to rebuild the old bridge over the river.",
];
const description = ["The old crossing will be replaced before the spring floods, the mayor says"];

find("the declared summary shown just under the headline, when the content lacks it", () => {
  assert.is(
    findStandfirst(page, "Council votes to rebuild the bridge", description, [page[4] as string]),
    page[3],
  );
});

find("nothing when the content holds it, the page declares none, or it stands elsewhere", () => {
  assert.is(findStandfirst(page, "Council votes to rebuild the bridge", description, page.slice(3)), null);
  assert.is(findStandfirst(page, "Council votes to rebuild the bridge", [], [page[4] as string]), null);
  assert.is(
    findStandfirst(page, "Council votes to rebuild the bridge", ["Another summary altogether"], []),
    null,
  );
  const far = [page[1] as string, "a", "b", "c", "d", page[3] as string];
  assert.is(findStandfirst(far, "Council votes to rebuild the bridge", description, []), null);
});

declared.run();
find.run();
