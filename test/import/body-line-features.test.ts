import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BODY_LINE_FEATURES, bodyLineFeatures } from "../../src/import/body-line-features.ts";
import { splitLines } from "../../src/import/normalize-text.ts";

const features = suite("bodyLineFeatures");
const at = (row: number[] | undefined, name: (typeof BODY_LINE_FEATURES)[number]): number =>
  row?.[BODY_LINE_FEATURES.indexOf(name)] ?? Number.NaN;

features("one row per line, one value per feature: shape, place, vocabulary", () => {
  const text = [
    "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks.",
    "Photo: Jane Smith/Getty Images",
    "Sign up for our newsletter",
    "Jane Doe is a reporter covering the city hall.",
  ].join("\n\n");
  const lines = splitLines(text);
  const rows = bodyLineFeatures(lines, lines);
  assert.is(rows.length, 4);
  for (const row of rows) assert.is(row.length, BODY_LINE_FEATURES.length);
  assert.is(at(rows[0], "bias"), 1);
  assert.is(at(rows[0], "first line"), 1);
  assert.is(at(rows[0], "ends like a sentence"), 1);
  assert.is(at(rows[0], "over 25 words"), 0);
  assert.is(at(rows[1], "credit words"), 1);
  assert.is(at(rows[2], "call to action"), 1);
  assert.is(at(rows[2], "no end punctuation"), 1);
  assert.is(at(rows[3], "about the author"), 1);
  assert.is(at(rows[3], "last line"), 1);
  assert.is(at(rows[3], "position in the text"), 1);
});

features("a line that repeats elsewhere on the page is marked", () => {
  const page = splitLines("Read more\n\nA paragraph of the story that is long enough.\n\nRead more");
  const rows = bodyLineFeatures(page.slice(0, 2), page);
  assert.is(at(rows[0], "repeated in the page"), 1);
  assert.is(at(rows[1], "repeated in the page"), 0);
});

features("context: end markers above (stripped ones too), the share above, the lead's words", () => {
  const page = splitLines(
    [
      "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks.",
      "Engineers said the bridge piers had moved by several centimetres since the council last inspected them.",
      "Related stories",
      "Farmers protest new water rules in the valley",
      "Markets fall as oil prices climb again this week",
    ].join("\n\n"),
  );
  // The filter sees the text without the stripped heading; the page still has it.
  const lines = [page[0], page[1], page[3], page[4]].filter((l) => l !== undefined);
  const rows = bodyLineFeatures(lines, page);
  assert.equal(
    rows.map((r) => at(r, "after an end marker")),
    [0, 0, 1, 1],
  );
  assert.equal(
    rows.map((r) => at(r, "just after an end marker")),
    [0, 0, 1, 1],
  );
  assert.is(at(rows[0], "share of the text above"), 0);
  assert.ok(at(rows[2], "share of the text above") > 0.5);
  // "council", "bridge" and "engineers" come back from the lead; the teasers share none of its words.
  assert.ok(at(rows[1], "words shared with the lead") > 0.2);
  assert.is(at(rows[3], "words shared with the lead"), 0);
  assert.is(at(rows[3], "short lines above"), 1 / 3);
});

features("a date stamp beside a line and runs of short lines are marked", () => {
  const lines = splitLines(
    [
      "A long paragraph of the story that goes on for a good many words before it ends here.",
      "Other story headline here",
      "December 21, 2023",
      "Another short line",
    ].join("\n\n"),
  );
  const rows = bodyLineFeatures(lines, lines);
  assert.is(at(rows[0], "date stamp next to it"), 1);
  assert.is(at(rows[1], "date stamp next to it"), 1);
  assert.is(at(rows[3], "short lines above"), 2 / 3);
  assert.is(at(rows[0], "short lines around"), 3 / 6);
});

features("closing notes, and the text after one in the last two thirds, are marked", () => {
  const lines = splitLines(
    [
      "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks.",
      "Engineers said the bridge piers had moved by several centimetres since the council last inspected them.",
      "Sign up for our newsletter to get the news in your inbox.",
      "Markets fall as oil prices climb again this week",
    ].join("\n\n"),
  );
  const rows = bodyLineFeatures(lines, lines);
  assert.equal(
    rows.map((r) => at(r, "closing note")),
    [0, 0, 1, 0],
  );
  assert.equal(
    rows.map((r) => at(r, "after a closing note")),
    [0, 0, 0, 1],
  );
});

features("the lead's words below a line, and words the line shares with the text away from it", () => {
  const lines = splitLines(
    [
      "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks.",
      "A short note in between here.",
      "Residents asked whether buses would still be allowed over it.",
      "Filler line number four stands here.",
      "Filler line number five stands here.",
      "Filler line number six stands here.",
      "The bridge will reopen once the council has repaired the cracks the engineers found.",
    ].join("\n\n"),
  );
  const rows = bodyLineFeatures(lines, lines);
  // The last line shares "bridge", "council", "cracks", "engineers" with the first, four lines away.
  assert.ok(at(rows[0], "words used elsewhere in the text") > 0.3);
  assert.ok(at(rows[6], "words used elsewhere in the text") > 0.3);
  assert.is(at(rows[2], "words used elsewhere in the text"), 0);
  // Below the fifth line only the last one, which uses the lead's words; below the last, nothing (itself).
  assert.ok(at(rows[4], "lead words in the text below") > 0.3);
  assert.is(at(rows[5], "lead words in the text below"), at(rows[6], "words shared with the lead"));
});

features(
  "related-story labels, credits at a caption's end, post signatures, references, the author's name",
  () => {
    const page = splitLines(
      [
        "By Jane Doe",
        "The council voted on Tuesday to close the old bridge to cars from next spring.",
        "RELATED: Farmers protest new water rules in the valley",
        "The old bridge at dusk. (Image credit: Future / John Roe)",
        "The mayor at the bridge on Monday.JOHN ROE",
        "Few saws can make these cuts, but a scroll saw can. Beauty of Nature / Pixabay",
        "— Erick Erickson (@EWErickson) December 20, 2023",
        "Roberts KC, Danoff-Burg S. Mindfulness and health. J Am Coll Health 2010;59(3):165-173.",
        "Jane Doe is a reporter covering the city hall.",
        "He met NASA officials in the USA on Monday.",
      ].join("\n\n"),
    );
    const rows = bodyLineFeatures(page.slice(1), page);
    const col = (name: (typeof BODY_LINE_FEATURES)[number]): number[] => rows.map((r) => at(r, name));
    assert.equal(col("opens with a related-story label"), [0, 1, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(col("ends with a credit"), [0, 0, 1, 1, 1, 0, 0, 0, 0]);
    assert.equal(col("embedded post signature"), [0, 0, 0, 0, 0, 1, 0, 0, 0]);
    assert.equal(col("reference entry"), [0, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert.equal(col("names the author"), [0, 0, 0, 0, 0, 0, 0, 1, 0]);
  },
);

features.run();
