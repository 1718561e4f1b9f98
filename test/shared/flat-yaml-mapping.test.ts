import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseFlatMapping } from "../../src/shared/flat-yaml-mapping.ts";
import { parseYamlDocument } from "../../src/shared/parse-yaml.ts";

const flat = suite("parseFlatMapping");

/** The fast path must give exactly what the full parser gives: values and key lines. */
function assertAgrees(text: string): boolean {
  const fast = parseFlatMapping(text);
  if (fast === null) return false;
  const full = parseYamlDocument(text);
  assert.ok(full.ok, `the full parser refuses what the fast path read: ${JSON.stringify(text)}`);
  if (full.ok) assert.equal(fast, full.mapping, JSON.stringify(text));
  return true;
}

flat("reads the usual front matter exactly as the YAML parser does", () => {
  const texts = [
    [
      "title: Iran Is Looking for Allies but Finding None",
      "date: 2018-10-20",
      "source: Iran Focus",
      "dateline: London, 20 Oct",
      "tags: [Iran, Sanctions, Russia]",
      "caption: Ali Khamenei and Hassan Rouhani",
      "# attribution: Asharq AL-awsat",
    ].join("\n"),
    [
      'title: "East water economy nuclear coalition beijing trade syria 0"',
      "date: 2015-01-01",
      "source: Bench Source 25",
      "source_url: https://example.org/report/0?a=1#top",
      'tags: ["economy 154", "syria 7", "budget 58"]',
      "",
      "summary: 'It''s the economy: again'",
      "date_time: 2019-01-31T10:30:00+03:30",
      "tags_empty: []",
    ].join("\n"),
    "",
    "# only a comment",
  ];
  for (const text of texts) assert.ok(assertAgrees(text), `not read by the fast path: ${text}`);
});

flat("leaves to the full parser whatever it does not read exactly", () => {
  for (const text of [
    "count: 12",
    "ratio: 1.5e3",
    "draft: true",
    "draft: FALSE",
    "note: ~",
    "note: null",
    "title:",
    'title: "say \\"hi\\""',
    "title: a: b",
    "title: a # comment",
    "title: |\n  block",
    "tags:\n  - a\n  - b",
    "title: a\ntitle: b",
    "title: a\n  continued",
    "\ttitle: tab",
    "title: 'unbalanced",
    "tags: [a, , b]",
    "tags: [a, b,]",
    "tags: [12, a]",
    "tags: [a: b]",
    "title: *alias",
    "title: &anchor a",
    "title: !!str 12",
    "title: -",
    "title: a\r\ndate: 2019-01-01",
    "\ufefftitle: a",
    "__proto__: a",
    "null: a",
    "true: a",
    "---\ntitle: a",
  ])
    assert.is(parseFlatMapping(text), null, JSON.stringify(text));
});

flat("agrees with the full parser on 5,000 random front matters of tricky pieces", () => {
  // A fixed seed: the same cases on every run.
  let state = 20190131;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const keys = ["title", "date", "source", "tags", "summary", "x_1", "a-b", "True", "on", "yes", "No"];
  const atoms = [
    "plain words",
    "2019-01-31",
    "2019-01-31 10:30",
    "12",
    "-12",
    "+1",
    "0x1F",
    "0o17",
    "0b11",
    "1_000",
    ".5",
    "1.",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "yes",
    "off",
    "https://example.org/a?b=c#d",
    "a:b",
    "a: b",
    "a #b",
    "a#b",
    "a, b",
    "[a]",
    "x [a] {b}",
    "-a",
    "- a",
    "?a",
    ":a",
    "%a",
    "@a",
    "`a`",
    "*a",
    "&a b",
    "!a b",
    "|",
    ">",
    '"quoted"',
    '"with \\" escape"',
    '"it\'s"',
    "'single'",
    "'it''s'",
    "''",
    '""',
    "'a' b",
    '"a" b',
    "[]",
    "[a, b]",
    '["a", "b c"]',
    "['a', 'b''c']",
    "[a, 'b', \"c\"]",
    "[a,b]",
    "[ a , b ]",
    "[a, 1]",
    "[a, true]",
    "[a, [b]]",
    "[a, {b: c}]",
    "[a,]",
    "[,a]",
    '["a, b"]',
    "['a, b', c]",
    "[a b, c d]",
    "[a:b]",
    "[a #b]",
    "ünïcödé — “quotes”",
    "عربى",
    "a\\b",
    "a   ",
    "",
  ];
  let fast = 0;
  for (let i = 0; i < 5000; i++) {
    const lines: string[] = [];
    const count = 1 + Math.floor(next() * 5);
    for (let n = 0; n < count; n++) {
      const roll = next();
      if (roll < 0.05) lines.push("");
      else if (roll < 0.08) lines.push(`# ${pick(atoms)}`);
      else if (roll < 0.1) lines.push(`  ${pick(atoms)}`);
      else lines.push(`${pick(keys)}:${next() < 0.05 ? "" : " "}${pick(atoms)}`);
    }
    if (assertAgrees(lines.join("\n"))) fast++;
  }
  // The property is only worth something if the fast path takes a fair share of the cases.
  assert.ok(fast > 500, `only ${fast} of 5,000 cases took the fast path`);
});

flat.run();
