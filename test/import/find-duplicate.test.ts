import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  addKnown,
  canonicalUrl,
  findDuplicate,
  indexKnown,
  shingleSet,
} from "../../src/import/find-duplicate.ts";

const TEXT = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
const known = () =>
  indexKnown([
    {
      file: "articles/a.md",
      sourceUrl: "https://www.example.com/story/?utm_source=x#top",
      shingles: shingleSet(TEXT),
    },
  ]);

const dup = suite("findDuplicate");
dup("the same source_url, however it is written", () => {
  assert.equal(findDuplicate({ url: "http://example.com/story", text: "other" }, known()), {
    file: "articles/a.md",
    reason: "source_url",
  });
});
dup("nearly the same text (a re-copy with a changed word), in another case", () => {
  const copy = TEXT.replace("word20", "changed").toUpperCase();
  const found = findDuplicate({ url: null, text: copy }, known());
  assert.is(found?.file, "articles/a.md");
  assert.is(found?.reason, "text");
  assert.ok((found?.overlap ?? 0) >= 0.8);
});
dup("an edited copy sharing over half its word 5-grams is a duplicate; a long quote is not", () => {
  const words = TEXT.split(" ");
  // Every tenth word changed: 20 of the 36 5-grams survive (0.56).
  const edited = words.map((w, i) => (i % 10 === 9 ? `edit${i}` : w)).join(" ");
  const found = findDuplicate({ url: null, text: edited }, known());
  assert.is(found?.file, "articles/a.md");
  assert.ok((found?.overlap ?? 0) > 0.55 && (found?.overlap ?? 1) < 0.56, String(found?.overlap));
  // Another story quoting half the known one (20 of its 40 words): 16 shared 5-grams, 0.44 of the shorter.
  const quoting = `${Array.from({ length: 20 }, (_, i) => `mine${i}`).join(" ")} ${words.slice(10, 30).join(" ")} ${Array.from({ length: 20 }, (_, i) => `more${i}`).join(" ")}`;
  assert.is(findDuplicate({ url: null, text: quoting }, known()), null);
});
dup("a different article, or a stub too short to compare, is no duplicate", () => {
  const other = Array.from({ length: 40 }, (_, i) => `other${i}`).join(" ");
  assert.is(findDuplicate({ url: "https://example.com/other", text: other }, known()), null);
  assert.is(findDuplicate({ url: null, text: "word0 word1 word2 word3 word4 word5" }, known()), null);
});
dup("an article added to the index is found by the next one (a batch that repeats itself)", () => {
  const index = indexKnown([]);
  addKnown(index, { file: "first.txt", sourceUrl: null, shingles: shingleSet(TEXT) });
  assert.is(findDuplicate({ url: null, text: TEXT }, index)?.file, "first.txt");
});
dup("boilerplate many known articles share neither makes a duplicate nor hides one", () => {
  const boilerplate = Array.from({ length: 30 }, (_, i) => `footer${i}`).join(" ");
  const own = (k: number) => Array.from({ length: 40 }, (_, i) => `story${k}w${i}`).join(" ");
  const index = indexKnown(
    Array.from({ length: 40 }, (_, k) => ({
      file: `articles/${k}.md`,
      sourceUrl: null,
      shingles: shingleSet(`${own(k)} ${boilerplate}`),
    })),
  );
  assert.is(findDuplicate({ url: null, text: `${own(7)} ${boilerplate}` }, index)?.file, "articles/7.md");
  assert.is(findDuplicate({ url: null, text: `${own(99)} ${boilerplate}` }, index), null);
  const overlap = findDuplicate({ url: null, text: `${own(3)} ${boilerplate}` }, index)?.overlap;
  assert.is(overlap, 1, "the shared boilerplate counts in the overlap");
});
dup.run();

const canon = suite("canonicalUrl");
canon("drops scheme, www., trailing slash, fragment and tracking parameters", () => {
  assert.is(canonicalUrl("https://www.Example.com/a/?utm_medium=x&b=2&a=1#f"), "example.com/a?a=1&b=2");
  assert.is(canonicalUrl("not a url"), "not a url");
});
canon.run();

const sh = suite("shingleSet");
sh("lower-cased word 5-grams", () => {
  assert.is(shingleSet("A b c d e F").size, 2);
  assert.equal(shingleSet("A b c d e F"), shingleSet("a B C D E f"), "case does not matter");
  assert.not.equal(shingleSet("a b c d e"), shingleSet("a b c d f"));
});
sh.run();
