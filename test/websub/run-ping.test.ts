import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/build-site.ts";
import { changedFeeds, PING_STATE_FILE, readPingState, writePingState } from "../../src/websub/ping-state.ts";
import { readBuiltFeeds } from "../../src/websub/read-built-feeds.ts";
import { runPing } from "../../src/websub/run-ping.ts";
import { articleText, fixtureConfig, makeFixtureSite, readTree } from "../build/fixture-site.ts";
import { startLocalHub } from "./local-hub.ts";

const NOW = new Date("2020-01-15T12:00:00Z");

function recorder() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
}

async function project(hub: string | null) {
  const config = `${fixtureConfig()}${hub ? `feeds:\n  hub: ${hub}\n` : ""}`;
  return makeFixtureSite(config, {
    "2020-01-10-oil.md": articleText({ title: "Oil", date: "2020-01-10", source: "Wire", tags: "[Oil]" }),
    "2020-01-09-iran.md": articleText({ title: "Iran", date: "2020-01-09", source: "Paper", tags: "[Iran]" }),
    "2019-12-01-old.md": articleText({ title: "Old", date: "2019-12-01", source: "Paper", tags: "[Iran]" }),
  });
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

const run = suite("runPing");

run("pings every subscription feed first, then exactly the feeds whose bytes changed", async () => {
  const hub = await startLocalHub(204);
  const root = await project(hub.url);
  try {
    assert.ok((await buildSite({ root, now: NOW })).ok);
    const first = recorder();
    assert.is(await runPing({ root }, first), 0, first.errors.join("\n"));
    const built = await readBuiltFeeds(path.join(root, "_site"));
    assert.equal(hub.topics(), built.map((f) => f.url).sort(), "every feed that links the hub, once");
    assert.ok(hub.topics().includes("https://example.org/feed.json"));
    assert.ok(hub.topics().includes("https://example.org/sources/wire/atom.xml"));
    assert.ok(!hub.topics().some((t) => t.includes("/archive/")), "archives are not pushed");
    for (const file of ["feed.xml", "atom.xml", "tags/oil/atom.xml"])
      assert.match(await readFile(path.join(root, "_site", file), "utf8"), hub.url.replace(/\//g, "/"));

    // Nothing changed: nothing is sent.
    hub.requests.length = 0;
    const again = recorder();
    assert.is(await runPing({ root }, again), 0);
    assert.is(hub.requests.length, 0);
    assert.match(again.lines.join("\n"), "No feed changed since the last ping");

    // A new Oil article from Wire: the site feeds, Oil's and Wire's change; Iran's and Paper's do not.
    const before = await readTree(path.join(root, "_site"));
    await writeFile(
      path.join(root, "articles", "2020-01-12-more-oil.md"),
      articleText({ title: "More oil", date: "2020-01-12", source: "Wire", tags: "[Oil]" }),
    );
    assert.ok((await buildSite({ root, now: NOW })).ok);
    const after = await readTree(path.join(root, "_site"));
    const changedFiles = (await readBuiltFeeds(path.join(root, "_site")))
      .filter((f) => sha(before.get(f.file) ?? "") !== sha(after.get(f.file) ?? ""))
      .map((f) => f.url)
      .sort();
    assert.equal(changedFiles, [
      "https://example.org/atom.xml",
      "https://example.org/feed.json",
      "https://example.org/feed.xml",
      "https://example.org/sources/wire/atom.xml",
      "https://example.org/sources/wire/feed.xml",
      "https://example.org/tags/oil/atom.xml",
      "https://example.org/tags/oil/feed.xml",
    ]);
    const third = recorder();
    assert.is(await runPing({ root }, third), 0, third.errors.join("\n"));
    assert.equal(hub.topics(), changedFiles, "exactly the feeds whose bytes changed");
  } finally {
    await hub.close();
    await rm(root, { recursive: true, force: true });
  }
});

run("a feed the hub refused is pinged again next time; a dry run sends nothing", async () => {
  const hub = await startLocalHub(503);
  const root = await project(hub.url);
  try {
    assert.ok((await buildSite({ root, now: NOW })).ok);
    const dry = recorder();
    assert.is(await runPing({ root, dryRun: true }, dry), 0);
    assert.is(hub.requests.length, 0);
    assert.match(dry.lines[0] ?? "", /^Would ping http:\/\/127\.0\.0\.1:\d+\/hub for \d+ of \d+ feeds:$/);
    const failing = recorder();
    assert.is(await runPing({ root }, failing), 1);
    assert.match(failing.errors.join("\n"), "the hub answered 503");
    assert.match(failing.errors.join("\n"), "run npm run ping again to retry them");
    const count = hub.requests.length;
    assert.ok(count > 0);
    hub.answer(202);
    hub.requests.length = 0;
    const retry = recorder();
    assert.is(await runPing({ root }, retry), 0, retry.errors.join("\n"));
    assert.is(hub.requests.length, count, "every refused feed again");
  } finally {
    await hub.close();
    await rm(root, { recursive: true, force: true });
  }
});

run("without feeds.hub, or before a build, it says what to do and fails", async () => {
  const root = await project(null);
  try {
    const none = recorder();
    assert.is(await runPing({ root }, none), 1);
    assert.match(none.errors.join("\n"), "gazette.config.yaml has no feeds.hub");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const unbuilt = await project("http://127.0.0.1:9/hub");
  try {
    const io = recorder();
    assert.is(await runPing({ root: unbuilt }, io), 1);
    assert.match(io.errors.join("\n"), "build the site first (npm run build)");
  } finally {
    await rm(unbuilt, { recursive: true, force: true });
  }
});

run.run();

const changed = suite("changedFeeds");

changed("new and changed feeds, or all of them for another hub", () => {
  const feeds = [
    { file: "a.xml", url: "https://x/a", hash: "1" },
    { file: "b.xml", url: "https://x/b", hash: "2" },
    { file: "c.xml", url: "https://x/c", hash: "3" },
  ];
  const state = {
    hub: "https://hub/",
    feeds: { "https://x/a": "1", "https://x/b": "old", "https://x/gone": "9" },
  };
  assert.equal(
    changedFeeds(feeds, state, "https://hub/").map((f) => f.url),
    ["https://x/b", "https://x/c"],
  );
  assert.is(changedFeeds(feeds, state, "https://other-hub/").length, 3);
});

changed.run();

const state = suite("readPingState");

state("reads what writePingState wrote; a missing file is an empty state", async () => {
  const root = await project(null);
  try {
    assert.equal(await readPingState(root), { hub: null, feeds: {} });
    await writePingState(root, { hub: "https://hub/", feeds: { "https://x/b": "2", "https://x/a": "1" } });
    assert.equal(await readPingState(root), {
      hub: "https://hub/",
      feeds: { "https://x/a": "1", "https://x/b": "2" },
    });
    assert.match(await readFile(path.join(root, PING_STATE_FILE), "utf8"), /^\{\n {2}"hub"/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

state.run();
