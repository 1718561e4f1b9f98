import { suite } from "uvu";
import * as assert from "uvu/assert";
import { glanceSpellings } from "../../src/articles/glance-spellings.ts";
import { parseArticle } from "../../src/articles/parse-article.ts";

const glance = suite("glanceSpellings");

/** An article file with these front matter lines between title/date and the body. */
const file = (...lines: string[]) =>
  ["---", 'title: "A title"', "date: 2024-03-07", ...lines, "---", "The body.", ""].join("\n");

/** What the full parser reads of the file's tags and source. */
function parsed(text: string) {
  const { article, diagnostics } = parseArticle({ file: "a.md", name: "a.md", text }, { timeZone: "UTC" });
  if (!article) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return { tags: article.tags, source: article.source };
}

glance("reads the usual forms exactly as the full parser does", () => {
  const cases = [
    file("source: Iran Focus", "tags: [Sanctions, \"Oil  Exports\", 'Iran''s Allies']"),
    file("source: 'Asharq Al-Awsat'", "tags: sanctions, OIL, Sanctions"),
    file('source: "Le Monde diplomatique"', "tags:", "  - Syria", "  - 'Middle East'", '  - "Ｗｉｄｅ"'),
    file("tags:", "- Énergie", "- énergie", "source: Al Jazeera English"),
    file("tags: []", "source:"),
    file("source: Reuters"),
    file("tags: [Iran]"),
    file('summary: "No tags: none."', "source_url: https://example.org/a"),
    file("source: Asharq   Al-Awsat", "tags: [ a-b , c:d ]"),
  ];
  for (const text of cases) assert.equal(glanceSpellings(text), parsed(text), text);
});

glance("anything unusual is in doubt (null), so the file is parsed", () => {
  const doubtful = [
    file("source: Iran Focus # the wire"),
    file('source: "Iran\\u0020Focus"'),
    file("source: Iran", "  Focus"),
    file("source: &wire Iran Focus"),
    file("source: 1.50"),
    file("source: true"),
    file("tags: [Iran, [Oil]]"),
    file('tags: ["Iran, Iraq"]'),
    file("tags:", "  - Iran", "  -", "  - Oil"),
    file("tags:", "  - Iran", "    Oil"),
    file("tags: [Iran,]"),
    file("tags : [Iran]"),
    file('"tags": [Iran]'),
    file("? tags", ": [Iran]"),
    file("tags: [Iran]", "tags: [Oil]"),
    file("summary: |", "  source: Not the source", "source: Reuters"),
    file("source: Iran\u202EFocus"),
    file("tags: [Iran\tOil]"),
    file('tags: ["!!!"]'),
    "no front matter\n",
  ];
  for (const text of doubtful) assert.is(glanceSpellings(text), null, text);
});

glance.run();
