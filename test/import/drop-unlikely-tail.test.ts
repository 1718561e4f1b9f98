import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BODY_LINE_FEATURES } from "../../src/import/body-line-features.ts";
import { dropUnlikelyTail } from "../../src/import/drop-unlikely-tail.ts";
import { splitLines } from "../../src/import/normalize-text.ts";

const ARTICLE = [
  "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that two of its piers had moved.",
  "Engineers said the bridge, built in 1908, would need a new deck and strengthened piers before it could carry traffic again.",
  "The mayor said buses would be rerouted over the river crossing to the north while the work went on.",
  "Residents who live near the bridge will be able to comment on the plans at a meeting next month.",
];
const OTHER_STORIES = [
  "How to set up a home office in a rented apartment",
  "Oct 17, 2025",
  "How to stand properly at your desk?",
  "Sep 18, 2025",
];
const texts = (lines: ReadonlyArray<{ text: string }>) => lines.map((l) => l.text);

const tail = suite("dropUnlikelyTail");

tail("other stories' headlines and dates after the article go; the article stays whole", () => {
  const lines = splitLines([...ARTICLE, ...OTHER_STORIES].join("\n\n"));
  const page = splitLines(["Menu", "Home", ...ARTICLE, ...OTHER_STORIES, "© 2025 City News"].join("\n"));
  assert.equal(texts(dropUnlikelyTail(lines, page)), ARTICLE);
  assert.equal(texts(dropUnlikelyTail(splitLines(ARTICLE.join("\n")), page)), ARTICLE);
});

tail("only the end is trimmed: a doubtful line between paragraphs stays", () => {
  const lines = splitLines([ARTICLE[0], ...OTHER_STORIES.slice(0, 2), ...ARTICLE.slice(1)].join("\n"));
  assert.equal(dropUnlikelyTail(lines, lines).length, lines.length);
});

tail("an end that would take half the words or more is kept, and so is a single line", () => {
  // A model that doubts every short line (1-4 words) and trusts the rest.
  const weights = BODY_LINE_FEATURES.map((f) => (f === "bias" ? 4 : f === "1-4 words" ? -8 : 0));
  const model = { features: BODY_LINE_FEATURES, weights, threshold: 0.5 };
  const names = Array.from(
    { length: 6 },
    (_, i) => ["Jane Roe", "John Doe", "Acme Widgets"][i % 3] as string,
  );
  const lines = splitLines([...ARTICLE, ...names].join("\n"));
  assert.equal(texts(dropUnlikelyTail(lines, lines, model)), ARTICLE);
  const most = splitLines([ARTICLE[0], ...names, ...names, ...names].join("\n"));
  assert.equal(dropUnlikelyTail(most, most, model).length, most.length, "the names are most of the words");
  const one = splitLines("Oct 17, 2025");
  assert.equal(texts(dropUnlikelyTail(one, one, model)), ["Oct 17, 2025"]);
});

tail("a model of other features trims nothing", () => {
  const lines = splitLines([...ARTICLE, ...OTHER_STORIES].join("\n"));
  const model = { features: ["bias"], weights: [-5], threshold: 0.5 };
  assert.equal(dropUnlikelyTail(lines, lines, model).length, lines.length);
  const against = { features: BODY_LINE_FEATURES, weights: BODY_LINE_FEATURES.map(() => 0), threshold: 0.5 };
  assert.equal(dropUnlikelyTail(lines, lines, against).length, lines.length, "probability 0.5 everywhere");
});

tail.run();
