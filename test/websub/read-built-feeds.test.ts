import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readBuiltFeeds, selfUrl } from "../../src/websub/read-built-feeds.ts";

const self = suite("selfUrl");

self("reads the feed's own URL in Atom, RSS and JSON Feed", () => {
  assert.is(
    selfUrl('<feed><link rel="self" href="https://x.org/a?b=1&amp;c=2"/></feed>', "atom.xml"),
    "https://x.org/a?b=1&c=2",
  );
  assert.is(
    selfUrl(
      '<channel><atom:link href="https://x.org/feed.xml" rel="self" type="application/rss+xml"/>',
      "feed.xml",
    ),
    "https://x.org/feed.xml",
  );
  assert.is(selfUrl('{"feed_url": "https://x.org/feed.json"}', "feed.json"), "https://x.org/feed.json");
  assert.is(selfUrl("{not json", "feed.json"), null);
  assert.is(selfUrl("<feed/>", "atom.xml"), null);
});

self.run();

const read = suite("readBuiltFeeds");

read("finds the subscription feeds of a built site, not the monthly archives", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-feeds-"));
  const files: Record<string, string> = {
    "atom.xml": '<feed><link rel="self" href="https://x.org/atom.xml"/></feed>',
    "tags/iran/feed.xml": '<atom:link href="https://x.org/tags/iran/feed.xml" rel="self"/>',
    "feed.json": '{"feed_url":"https://x.org/feed.json"}',
    "archive/2019/01/atom.xml":
      '<feed><link rel="self" href="https://x.org/archive/2019/01/atom.xml"/></feed>',
    "index.html": "<p>page</p>",
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  const feeds = await readBuiltFeeds(dir);
  assert.equal(
    feeds.map((f) => [f.file, f.url]),
    [
      ["atom.xml", "https://x.org/atom.xml"],
      ["feed.json", "https://x.org/feed.json"],
      ["tags/iran/feed.xml", "https://x.org/tags/iran/feed.xml"],
    ],
  );
  assert.match(feeds[0]?.hash ?? "", /^[0-9a-f]{64}$/);
  await rm(dir, { recursive: true, force: true });
});

read.run();
