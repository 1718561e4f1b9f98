import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readHeader } from "../../src/import/read-header.ts";
import { linesOf, paragraph } from "./lines.ts";

const header = suite("readHeader");
header("caption, publication name and date between headline and text", () => {
  const lines = linesOf(
    ["Headline of the story here", "Ali Khamenei and Hassan Rouhani", "Iran Focus", paragraph(40)].join("\n"),
  );
  const h = readHeader(lines, 1, 3);
  assert.is(h.caption, "Ali Khamenei and Hassan Rouhani");
  assert.is(h.source, "Iran Focus");
  assert.is(h.byline, null);
  assert.is(h.end, 3);
});
header("byline and date stamp lines reach into the text region", () => {
  const lines = linesOf(
    ["Headline of the story here", "By Nelson D. Schwartz", "Sept. 25, 2018", paragraph(40)].join("\n"),
  );
  const h = readHeader(lines, 1, 1);
  assert.is(h.byline, "Nelson D. Schwartz");
  assert.is(h.dates[0]?.match.date, "2018-09-25");
  assert.is(h.end, 3);
});
header("a name that is not last before the text is no publication", () => {
  const lines = linesOf(
    ["Headline of the story here", "Iran Focus", "Some photo caption of a place", paragraph(40)].join("\n"),
  );
  assert.is(readHeader(lines, 1, 3).source, null);
});
header.run();
