import { suite } from "uvu";
import * as assert from "uvu/assert";
import { originalLink } from "../../src/site/original-link.ts";

const link = suite("originalLink");
link("names the source and opens safely", () => {
  assert.equal(
    originalLink(
      { source: { name: "Iran Focus", slug: "iran-focus" }, sourceUrl: "https://www.iranfocus.com/en/x" },
      false,
    ),
    { href: "https://www.iranfocus.com/en/x", publisher: "Iran Focus", rel: "external noopener" },
  );
});
link("adds nofollow when configured, and names the host without a source", () => {
  assert.equal(originalLink({ source: null, sourceUrl: "https://news.example.org/a?b=1" }, true), {
    href: "https://news.example.org/a?b=1",
    publisher: "news.example.org",
    rel: "external noopener nofollow",
  });
});
link("no source_url, no link", () => {
  assert.is(originalLink({ source: { name: "X", slug: "x" }, sourceUrl: null }, false), null);
});
link.run();
