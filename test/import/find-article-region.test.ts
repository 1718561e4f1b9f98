import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  findArticleRegion,
  isCodeLike,
  lineWeight,
  lineWeights,
} from "../../src/import/find-article-region.ts";
import { linesOf, paragraph } from "./lines.ts";

const weight = suite("lineWeight");
weight("long sentences gain, menu items and widgets lose", () => {
  assert.ok(lineWeight(paragraph(30)) > 20);
  assert.ok(lineWeight("Home") < 0);
  assert.ok(lineWeight("Related") <= -60);
});
weight("list items and code cost little", () => {
  assert.is(lineWeight("• Even Oman"), -1);
  assert.is(lineWeight("});"), -1);
});
weight.run();

const code = suite("isCodeLike");
code("program code and table rows", () => {
  assert.ok(isCodeLike("var x = 1;"));
  assert.ok(isCodeLike("2 │ f"));
  assert.not.ok(isCodeLike("Home"));
});
code.run();

const weights = suite("lineWeights");
weights("a listing's first line costs a little; a bare keyword or code inside it costs nothing", () => {
  const w = lineWeights(linesOf("SELECT avg(n)\nFROM\nseries;"));
  assert.equal(w, [-1, 0, 0]);
});
weights(
  "inside a listing, a code line that reads like a heading is code ('tags: [Tag!]!' is no Tags: block)",
  () => {
    const w = lineWeights(linesOf("type Post {\ntitle: String!\ntags: [Tag!]!\n}"));
    assert.equal(w.slice(1), [0, 0, 0]);
    assert.ok((lineWeights(linesOf("Tags: [Tag!]!"))[0] ?? 0) < -1, "on its own it is still a heading");
  },
);
weights("a listing runs on while no blank line comes between; after a blank a short line costs again", () => {
  const w = lineWeights(linesOf("type User {\nid: ID!\nemail: String!\nname: String\n\nHome\nAbout"));
  assert.equal(w.slice(1, 4), [0, 0, 0]);
  assert.ok((w[4] ?? 0) < -1);
  assert.ok((w[5] ?? 0) < -1);
});
weights(
  "a list a sentence ending in a colon introduces costs little, item by item, until a blank line",
  () => {
    const w = lineWeights(
      linesOf("Break your budget into categories:\n\nVenue\nCatering\nAttire\n\nHome\nAbout"),
    );
    assert.equal(w.slice(1, 4), [-1, -1, -1]);
    assert.ok((w[4] ?? 0) < -1, "after a blank line a short line is a menu item again");
    const one = lineWeights(linesOf("Include:\nVenue\n\nHome"));
    assert.ok((one[1] ?? 0) < -1, "one line after a colon is no list");
  },
);
weights.run();

const region = suite("findArticleRegion");
region("skips the menu before and the teasers after the article", () => {
  const text = [
    "Home",
    "News",
    "Sport",
    "Weather",
    paragraph(40),
    paragraph(35),
    "Subheading here",
    paragraph(50),
    "Latest news",
    "Other story title here",
    paragraph(20).replace(/\.$/, "..."),
  ].join("\n");
  const lines = linesOf(text);
  const r = findArticleRegion(lines);
  assert.equal([r.start, r.end], [4, 8]);
});
region("a long comment thread does not win over a shorter article above it", () => {
  const comments = Array.from({ length: 4 }, () => paragraph(40)).join("\nReply\n");
  const lines = linesOf([paragraph(40), paragraph(40), "12 Comments", comments].join("\n"));
  assert.equal(findArticleRegion(lines), { start: 0, end: 2 });
});
region("a guide's run of short steps between paragraphs stays in the article", () => {
  const steps = Array.from({ length: 10 }, (_, i) => `Check the filter in step ${i + 1}`);
  const lines = linesOf(
    ["Home", "Menu", paragraph(30), ...steps, paragraph(30), "Share", "Related stories", "Other story"].join(
      "\n",
    ),
  );
  assert.equal(findArticleRegion(lines), { start: 2, end: 14 });
});
region("a guide whose lists a sentence introduces is not cut at its first list", () => {
  const list = (intro: string, items: string[]) => [intro, "", ...items, ""];
  const lines = linesOf(
    [
      "Home",
      "Blog",
      paragraph(30),
      ...list("Ask yourselves:", ["Elegant or rustic?", "Black-tie or barn?", "Indoor or outdoor?"]),
      ...list("Break the budget into categories:", ["Venue", "Catering", "Photography", "Attire", "Florals"]),
      paragraph(20),
      ...list("Include:", ["Your story", "Event details", "Registry", "Travel", "FAQs"]),
      paragraph(25),
      "Share",
      "Related stories",
    ].join("\n"),
  );
  const r = findArticleRegion(lines);
  assert.equal([lines[r.start]?.text.slice(0, 4), lines[r.end - 1]?.text], ["Some", paragraph(25)]);
});
region("empty input gives an empty region", () => {
  assert.equal(findArticleRegion([]), { start: 0, end: 0 });
});
region.run();
