import { suite } from "uvu";
import * as assert from "uvu/assert";
import { cleanText, cleanValue, codePointName } from "../../src/articles/clean-text.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";

const clean = suite("cleanText");

clean(
  "removes C0 (but tab and newline), DEL and C1 controls with a warning at each line, keeping lines",
  () => {
    const result = cleanText("a\u0007b\nok\tline\n\u007F\u0085\u009B[2J\n", "articles/x.md");
    assert.is(result.text, "ab\nok\tline\n[2J\n");
    assert.equal(result.diagnostics.map(formatDiagnostic), [
      "articles/x.md:1 warning file/control-character: removed 1 control character (U+0007) that no page, feed or email may carry (expected printable text)",
      "articles/x.md:3 warning file/control-character: removed 3 control characters (U+007F, U+0085, U+009B) that no page, feed or email may carry (expected printable text)",
    ]);
  },
);

clean("CRLF and lone CR become LF, so every line keeps its number", () => {
  assert.is(cleanText("a\r\nb\rc\n", "x.md").text, "a\nb\nc\n");
});

clean("a NUL byte is an error at its line", () => {
  const result = cleanText("---\ntitle: x\u0000y\n---\n", "articles/x.md");
  assert.equal(
    result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}`),
    ["error file/nul 2"],
  );
});

clean("many dirty lines: five shown, the rest counted", () => {
  const result = cleanText("\u0001\n".repeat(8), "x.md");
  assert.is(result.diagnostics.length, 6);
  assert.match(result.diagnostics[5]?.message ?? "", "3 more lines");
});

clean.run();

const value = suite("cleanValue");

value("removes NUL and controls always, bidi controls only where asked", () => {
  assert.equal(cleanValue("a\u0000b\u202Ec", false), { value: "ab\u202Ec", removed: ["U+0000"] });
  assert.equal(cleanValue("a\u202Eb\u2066c\u2069", true), {
    value: "abc",
    removed: ["U+202E", "U+2066", "U+2069"],
  });
  assert.equal(cleanValue("plain خبر", true), { value: "plain خبر", removed: [] });
});

value.run();

const names = suite("codePointName");
names("names a character without printing it", () => {
  assert.is(codePointName("\u001B"), "U+001B");
  assert.is(codePointName("\u202E"), "U+202E");
});
names.run();
