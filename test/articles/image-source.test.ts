import { suite } from "uvu";
import * as assert from "uvu/assert";
import { imageProblem } from "../../src/articles/image-source.ts";

const image = suite("imageProblem");

image("accepts http(s) URLs and site paths", () => {
  for (const src of [
    "https://example.org/a.jpg",
    "http://example.org/a.jpg?x=1",
    "/images/a.jpg",
    "/images/خبر.jpg",
  ])
    assert.is(imageProblem(src), null, src);
});

image("refuses other schemes, protocol-relative and relative paths, and unsafe characters", () => {
  const cases: [string, string][] = [
    ["javascript:alert(1)", "scheme javascript:"],
    ["JavaScript:alert(1)", "scheme javascript:"],
    ["data:image/png;base64,AAAA", "scheme data:"],
    ["file:///etc/passwd", "scheme file:"],
    ["//evil.test/a.jpg", "protocol-relative"],
    ["images/a.jpg", "relative path"],
    ["https://", "not a valid address"],
    ["https:/a.jpg", "no host"],
    ["http://[::1", "not a valid address"],
    ['/a.jpg" onerror="x', "quote"],
    ["/a b.jpg", "space"],
    ["\\\\host\\a.jpg", "backslash"],
  ];
  for (const [src, reason] of cases) assert.match(imageProblem(src) ?? "", reason, src);
});

image.run();
