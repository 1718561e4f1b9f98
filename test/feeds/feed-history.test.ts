import { suite } from "uvu";
import * as assert from "uvu/assert";
import { addFeedHistory } from "../../src/feeds/feed-history.ts";
import { wellFormed } from "./feed-helpers.ts";

const add = suite("addFeedHistory");

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
    <link rel="self" href="https://x.org/archive/2019/01/atom.xml"/>
    <title>T</title>
</feed>`;
const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
    <channel>
        <title>T</title>
        <atom:link href="https://x.org/feed.xml" rel="self" type="application/rss+xml"/>
    </channel>
</rss>`;
const urls = (path: string) => ({
  rss: `https://x.org/${path}feed.xml?a=1&b=2`,
  atom: `https://x.org/${path}atom.xml`,
});

add("adds the archive links and fh:archive after the self link, with the fh namespace", () => {
  const history = {
    archive: true,
    prev: urls("archive/2018/12/"),
    next: urls("archive/2019/02/"),
    current: urls(""),
  };
  const atom = addFeedHistory(ATOM, "atom", history);
  assert.is(wellFormed(atom), null);
  assert.match(atom, '<feed xmlns:fh="http://purl.org/syndication/history/1.0" xmlns=');
  assert.match(
    atom,
    'atom.xml"/>\n    <link rel="current" href="https://x.org/atom.xml" type="application/atom+xml"/>\n    <link rel="prev-archive" href="https://x.org/archive/2018/12/atom.xml" type="application/atom+xml"/>\n    <link rel="next-archive" href="https://x.org/archive/2019/02/atom.xml" type="application/atom+xml"/>\n    <fh:archive/>\n    <title>',
  );
  const rss = addFeedHistory(RSS, "rss", history);
  assert.is(wellFormed(rss), null);
  assert.match(
    rss,
    '<atom:link rel="prev-archive" href="https://x.org/archive/2018/12/feed.xml?a=1&amp;b=2" type="application/rss+xml"/>',
  );
  assert.match(rss, "<rss xmlns:fh=");
});

add("a subscription feed gets only its prev-archive link; no history changes nothing", () => {
  const rss = addFeedHistory(RSS, "rss", {
    archive: false,
    prev: urls("archive/2019/01/"),
    next: null,
    current: null,
  });
  assert.not.match(rss, "fh:");
  assert.match(rss, 'rel="prev-archive"');
  assert.not.match(rss, 'rel="next-archive"');
  assert.is(addFeedHistory(ATOM, "atom", undefined), ATOM);
});

add.run();
