import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defineBodyFields } from "../../src/articles/body-fields.ts";
import { canonicalSpellings } from "../../src/articles/canonical-spellings.ts";
import { makeArticle } from "../factories.ts";

const canonical = suite("canonicalSpellings");
const day = (d: number) => new Date(`2024-03-${String(d).padStart(2, "0")}T09:00:00Z`);
const tag = (name: string) => ({ name, slug: name.toLowerCase().replace(/\s+/g, "-") });
const src = (name: string) => ({ name, slug: name.toLowerCase().replace(/\s+/g, "-") });

canonical("the most used spelling wins, for tags and sources alike", () => {
  const out = canonicalSpellings([
    makeArticle({ slug: "a", date: day(1), tags: [tag("SANCTIONS")], source: src("IRAN FOCUS") }),
    makeArticle({ slug: "b", date: day(2), tags: [tag("Sanctions")], source: src("Iran Focus") }),
    makeArticle({ slug: "c", date: day(3), tags: [tag("Sanctions"), tag("Oil")], source: src("Iran Focus") }),
  ]);
  assert.equal(
    out.map((a) => [a.slug, a.tags.map((t) => t.name), a.source?.name]),
    [
      ["a", ["Sanctions"], "Iran Focus"],
      ["b", ["Sanctions"], "Iran Focus"],
      ["c", ["Sanctions", "Oil"], "Iran Focus"],
    ],
  );
});

canonical("a tie goes to the spelling of the oldest article, whatever the input order", () => {
  const newer = makeArticle({ slug: "newer", date: day(5), tags: [tag("oil")] });
  const older = makeArticle({ slug: "older", date: day(4), tags: [tag("Oil")] });
  for (const order of [
    [newer, older],
    [older, newer],
  ])
    assert.equal(
      canonicalSpellings(order).map((a) => a.tags[0]?.name),
      order.map(() => "Oil"),
    );
});

canonical("unchanged articles are the same objects; others are live views that keep a lazy body lazy", () => {
  let renders = 0;
  const lazy = defineBodyFields(
    { ...makeArticle({ slug: "x", date: day(9), tags: [tag("OIL")] }) },
    "Body text.",
    null,
  );
  Object.defineProperty(lazy, "html", {
    enumerable: true,
    configurable: true,
    get: () => {
      renders++;
      return "<p>Body text.</p>";
    },
  });
  const same = makeArticle({ slug: "y", date: day(1), tags: [tag("Oil")] });
  const also = makeArticle({ slug: "z", date: day(2), tags: [tag("Oil")] });
  const [x, y] = canonicalSpellings([lazy, same, also]);
  assert.is(y, same);
  assert.is.not(x, lazy);
  assert.is(renders, 0);
  assert.equal(x?.tags, [{ name: "Oil", slug: "oil" }]);
  assert.equal(lazy.tags, [{ name: "OIL", slug: "oil" }]);
  assert.is(x?.html, "<p>Body text.</p>");
  // A summary filled in later shows through; keys and spreading see the canonical names.
  lazy.summary = "Filled in later.";
  assert.is(x?.summary, "Filled in later.");
  assert.equal({ ...x }.tags, [{ name: "Oil", slug: "oil" }]);
  assert.ok(Object.keys(x ?? {}).includes("tags"));
});

canonical(
  "others count in the choice but are not returned: a partial read picks the whole collection's",
  () => {
    const recent = makeArticle({
      slug: "recent",
      date: day(9),
      tags: [tag("Oil")],
      source: src("Iran Focus"),
    });
    const old = (slug: string, d: number) => ({
      slug,
      date: day(d),
      tags: [tag("OIL")],
      source: src("IRAN FOCUS"),
    });
    assert.equal(
      canonicalSpellings([recent]).map((a) => [a.tags[0]?.name, a.source?.name]),
      [["Oil", "Iran Focus"]],
    );
    const out = canonicalSpellings([recent], [old("old-1", 1), old("old-2", 2)]);
    assert.equal(
      out.map((a) => [a.slug, a.tags[0]?.name, a.source?.name]),
      [["recent", "OIL", "IRAN FOCUS"]],
    );
    // A tie (one use each): the oldest wins, even when it is one of the others.
    assert.equal(canonicalSpellings([recent], [old("old-1", 1)])[0]?.tags[0]?.name, "OIL");
  },
);

canonical.run();
