import { suite } from "uvu";
import * as assert from "uvu/assert";
import { findDeepNesting, MAX_YAML_DEPTH } from "../../src/shared/yaml-depth.ts";

const depth = suite("findDeepNesting");

depth("ordinary front matter and configuration pass", () => {
  for (const text of [
    "title: a[b]c\ntags: [a, [b], {c: [d]}]",
    'title: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["',
    `title: it's ${"[".repeat(80)}`,
    `a: 1\n# ${"{".repeat(80)}\nb: 2`,
    `summary: |\n  ${"[".repeat(80)}\n  more\nc: 3`,
    "newsletter:\n  from: x\n  limit: 20",
  ])
    assert.is(findDeepNesting(text), null, text);
});

depth("flow, block and sequence nesting past the limit is found at its line", () => {
  assert.is(findDeepNesting(`tags: ${"[".repeat(2000)}${"]".repeat(2000)}`), 1);
  assert.is(findDeepNesting(`x: ${"{a: ".repeat(2000)}1${"}".repeat(2000)}`), 1);
  const block = Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n");
  assert.is(findDeepNesting(block), MAX_YAML_DEPTH + 1);
  const seq = Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i * 2)}- `).join("\n");
  assert.ok((findDeepNesting(seq) ?? 0) > 0);
  assert.is(findDeepNesting(`title: x\ntags:\n  - ${"- ".repeat(60)}y`), 3);
});

depth.run();
