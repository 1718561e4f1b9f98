import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CARD_WORDS, shortSummary } from "../../src/site/short-summary.ts";

const words = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `w${i + from}`).join(" ");

const short = suite("shortSummary");
short("keeps a summary of 30 words or fewer as it is (spaces tidied)", () => {
  assert.is(shortSummary(`  ${words(30)}  `), words(30));
  assert.is(shortSummary("One sentence."), "One sentence.");
});
short("ends at the last sentence end within 30 words", () => {
  const text = `${words(19)} end. ${words(5, 21)} stop! ${words(20, 30)}`;
  assert.is(shortSummary(text), `${words(19)} end. ${words(5, 21)} stop!`);
});
short("cuts at the 30th word with an ellipsis when no sentence ends late enough", () => {
  const text = `Short. ${words(40)}`;
  const result = shortSummary(text);
  assert.is(result.split(" ").length, CARD_WORDS);
  assert.ok(result.endsWith("w29…"), result);
});
short("an abbreviation is not a sentence end; trailing commas go before the ellipsis", () => {
  const text = `${words(20)} Mr. ${words(8, 30)} last, ${words(10, 50)}`;
  assert.is(shortSummary(text), `${words(20)} Mr. ${words(8, 30)} last…`);
});
short("takes another limit", () => {
  assert.is(shortSummary(words(10), 5), `${words(5)}…`);
});
short.run();
