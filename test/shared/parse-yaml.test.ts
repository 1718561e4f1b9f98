import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseYamlMapping } from "../../src/shared/parse-yaml.ts";

const yaml = suite("parseYamlMapping");

const BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
  "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
  "h: [*g, *g, *g, *g, *g, *g, *g, *g, *g]",
].join("\n");

yaml("a billion-laughs alias bomb is an error at the first alias, not an exhausted memory", () => {
  const result = parseYamlMapping(BOMB);
  assert.is(result.ok, false);
  if (result.ok) return;
  assert.is(result.line, 2);
  assert.match(result.message, "aliases (*name) expand too far");
});

yaml("2,000-deep nesting is an error at its line, never 'Maximum call stack'", () => {
  for (const text of [
    `tags: ${"[".repeat(2000)}${"]".repeat(2000)}`,
    Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"),
  ]) {
    const result = parseYamlMapping(text);
    assert.is(result.ok, false);
    if (result.ok) continue;
    assert.ok(result.line >= 1);
    assert.match(result.message, "nests more than 50 levels");
    assert.not.match(result.message, "call stack");
  }
});

yaml("a few honest aliases still work; list items carry their lines", () => {
  const result = parseYamlMapping("base: &b Iran\ntags:\n  - *b\n  - Oil\n");
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.equal(result.mapping.values.tags, ["Iran", "Oil"]);
  assert.is(result.mapping.lines["tags.1"], 4);
});

yaml.run();
