import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatJson } from "../../scripts/import/format-json.ts";

const format = suite("formatJson");
format("objects one key a line, short arrays on one line, long ones filled or one item a line", () => {
  assert.is(
    formatJson({ a: [1, 2], b: { c: "x" }, d: [] }),
    '{\n  "a": [1, 2],\n  "b": {\n    "c": "x"\n  },\n  "d": []\n}\n',
  );
  const numbers = Array.from({ length: 30 }, (_, i) => i * 1.5);
  const lines = formatJson({ n: numbers }).split("\n");
  // The object's two lines, the key's, two rows of numbers, the bracket, the final newline's.
  assert.is(lines.length, 7);
  assert.ok(lines.every((l) => l.length <= 110));
  assert.is(lines[2]?.startsWith("    0, 1.5, 3,"), true);
  const words = Array.from({ length: 12 }, (_, i) => `a longer name of a feature ${i}`);
  assert.is(formatJson({ w: words }).split("\n").length, words.length + 5);
  assert.equal(JSON.parse(formatJson({ n: numbers, w: words })), { n: numbers, w: words });
});
format("writes the committed models exactly as they are", () => {
  for (const file of ["src/import/body-model.json", "src/import/title-model.json"]) {
    const text = readFileSync(file, "utf8");
    assert.is(formatJson(JSON.parse(text)), text, file);
  }
});
format.run();
