import { suite } from "uvu";
import * as assert from "uvu/assert";
import { normalizeText, splitLines, wordsOf } from "../../src/import/normalize-text.ts";

const normalize = suite("normalizeText");
normalize("drops the BOM, makes LF line ends and plain spaces, trims lines", () => {
  assert.is(normalizeText("\uFEFF  Title\u00A0here \r\nbody\u200B text\t\r\n"), "Title here\nbody text\n");
});
normalize("keeps letters, case and punctuation", () => {
  assert.is(normalizeText("Iran’s “East” – policy…"), "Iran’s “East” – policy…");
});
normalize("keeps a wide gap inside a line as two spaces, for splitLines", () => {
  assert.is(normalizeText("Home\tReviews     The Finals  "), "Home  Reviews  The Finals");
});
normalize.run();

const split = suite("splitLines");
split("keeps non-blank lines with their line numbers and blank lines before them", () => {
  const lines = splitLines("A\n\nB\nC");
  assert.equal(
    lines.map((l) => [l.text, l.lineNo, l.blankBefore]),
    [
      ["A", 1, true],
      ["B", 3, true],
      ["C", 4, false],
    ],
  );
});
split("counts wide gaps between words, not after sentence punctuation, and collapses them", () => {
  const [trail, prose] = splitLines(normalizeText("Games  Sim\tThe Sims 4\nIt ended.  Then it began"));
  assert.equal([trail?.text, trail?.gaps], ["Games Sim The Sims 4", 2]);
  assert.equal([prose?.text, prose?.gaps], ["It ended. Then it began", 0]);
});
split.run();

const words = suite("wordsOf");
words("counts letter and digit runs, apostrophes inside words", () => {
  assert.equal(wordsOf("Iran’s S-300 isn't here."), ["Iran’s", "S", "300", "isn't", "here"]);
});
words("the same words as the scorer's expression, in any script and at any edge", () => {
  const expression = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu;
  for (const text of [
    "rock'n'roll don't2 o'neil's 'quoted' it’s’",
    "Ⅻ² straße İstanbul ǅemal ٣٤ 中文字 e\u0301t\u00e9",
    "𝐀𝐁c 😀x \ud835 lone surrogate 𝟗9 a’𝐀b",
    "snake_case __init__ -- ...",
    "",
  ])
    assert.equal([...wordsOf(text)], text.match(expression) ?? [], text);
});
words("a line asked again gets the same words", () => {
  assert.equal(wordsOf("The same line, twice."), wordsOf("The same line, twice."));
});
words.run();
