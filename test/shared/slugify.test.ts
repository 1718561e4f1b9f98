import { suite } from "uvu";
import * as assert from "uvu/assert";
import { encodePath } from "../../src/shared/slugify.ts";

const encode = suite("encodePath");

const reference = (path: string) =>
  path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");

encode("percent-encodes each segment and keeps the slashes", () => {
  assert.is(encodePath("tags/iran/"), "tags/iran/");
  assert.is(encodePath("tags/société/page/2/"), "tags/soci%C3%A9t%C3%A9/page/2/");
  assert.is(encodePath("a b/c?d#e&f"), "a%20b/c%3Fd%23e%26f");
  assert.is(encodePath("it's-(a)_~test!*."), "it's-(a)_~test!*.");
});

encode("gives encodeURIComponent's answer for every ASCII character and some beyond", () => {
  const characters = [
    ...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)),
    "é",
    "ß",
    "٣",
    "😀",
    "\u00a0",
  ];
  for (const c of characters) {
    for (const path of [c, `a${c}b`, `x/${c}/y`])
      assert.is(encodePath(path), reference(path), JSON.stringify(path));
  }
});

encode.run();
