import { writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runSubscribers, type SubscribersCommand } from "../../src/subscriptions/run-subscribers.ts";
import { storeCases } from "./store-cases.ts";

const NOW = new Date("2026-03-01T10:00:00Z");
const mbox = new URL("../fixtures/bounces/bounces.mbox", import.meta.url).pathname;

function recorder() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) } };
}

for (const kind of storeCases()) {
  const test = suite(`runSubscribers (${kind.name})`);

  test("import, list --json (the contract's fields), list --status, export", async () => {
    const { store, root, cleanup } = await kind.open(NOW);
    try {
      const file = path.join(root, "subscribers.csv");
      await writeFile(file, "email,name,status\nb@example.org,B,\na@example.org,,unsubscribed\nbad,,\n");
      const r = recorder();
      assert.is(await runSubscribers({ name: "import", file }, store, r.io, NOW), 0);
      assert.match(r.out.join("\n"), "2 added, 0 updated, 0 kept as bounced or complained, 1 skipped");
      assert.match(r.err.join("\n"), `${file}:4 warning subscribers/bad-address`);
      const json = recorder();
      await runSubscribers({ name: "list", status: null, json: true }, store, json.io, NOW);
      assert.equal(
        json.out.map((l) => JSON.parse(l)),
        [
          {
            email: "a@example.org",
            status: "unsubscribed",
            name: null,
            topics: [],
            created: NOW.toISOString(),
            updated: NOW.toISOString(),
          },
          {
            email: "b@example.org",
            status: "confirmed",
            name: "B",
            topics: [],
            created: NOW.toISOString(),
            updated: NOW.toISOString(),
          },
        ],
      );
      const only = recorder();
      await runSubscribers({ name: "list", status: "confirmed", json: false }, store, only.io, NOW);
      assert.equal(only.out, ["b@example.org\tconfirmed\tB"]);
      const bad = recorder();
      assert.is(await runSubscribers({ name: "list", status: "gold", json: false }, store, bad.io, NOW), 1);
      const csv = recorder();
      await runSubscribers({ name: "export", status: null }, store, csv.io, NOW);
      assert.match(
        csv.out.join("\n"),
        /^email,name,status,topics,created,updated\na@example\.org,,unsubscribed/,
      );
      const missing = recorder();
      assert.is(
        await runSubscribers({ name: "import", file: path.join(root, "nope.csv") }, store, missing.io, NOW),
        1,
      );
      assert.match(missing.err[0] ?? "", "does not exist");
    } finally {
      await cleanup();
    }
  });

  test("add, a suppressed address refused without --force, remove", async () => {
    const { store, cleanup } = await kind.open(NOW);
    try {
      const add = (email: string, extra: Partial<Extract<SubscribersCommand, { name: "add" }>> = {}) =>
        runSubscribers(
          {
            name: "add",
            email,
            displayName: null,
            status: "confirmed",
            topics: null,
            force: false,
            ...extra,
          },
          store,
          recorder().io,
          NOW,
        );
      assert.is(await add("New@Example.org", { displayName: "New", topics: "a, b" }), 0);
      assert.equal((await store.get("new@example.org"))?.topics, ["a", "b"]);
      assert.is(await add("not-an-address"), 1);
      assert.is(await add("x@example.org", { status: "vip" }), 1);
      await store.record([{ email: "gone@example.org", kind: "complaint", detail: "abuse" }], NOW, 3);
      assert.is(await add("gone@example.org"), 1);
      assert.is((await store.get("gone@example.org"))?.status, "complained");
      assert.is(await add("gone@example.org", { force: true }), 0);
      assert.is((await store.get("gone@example.org"))?.status, "confirmed");
      assert.is(
        await runSubscribers({ name: "remove", email: "new@example.org" }, store, recorder().io, NOW),
        0,
      );
      assert.is(
        await runSubscribers({ name: "remove", email: "new@example.org" }, store, recorder().io, NOW),
        1,
      );
    } finally {
      await cleanup();
    }
  });

  test("bounces: the mbox's hard bounces suppress, soft ones count", async () => {
    const { store, cleanup } = await kind.open(NOW);
    try {
      await store.import(
        [
          "gone@example.net",
          "full@example.net",
          "nobody@example.com",
          "slow@example.org",
          "reader@example.org",
        ].map((email) => ({ email, status: "confirmed" as const, name: null, topics: [] })),
        NOW,
      );
      const r = recorder();
      assert.is(await runSubscribers({ name: "bounces", file: mbox, softLimit: 3 }, store, r.io, NOW), 0);
      assert.match(r.out.at(-1) ?? "", "4 messages, 3 delivery reports, 2 hard and 2 soft bounces");
      const statuses = Object.fromEntries(
        (await store.list()).map((s) => [s.email, [s.status, s.softBounces]]),
      );
      assert.equal(statuses, {
        "full@example.net": ["confirmed", 1],
        "gone@example.net": ["bounced", 0],
        "nobody@example.com": ["bounced", 0],
        "reader@example.org": ["confirmed", 0],
        "slow@example.org": ["confirmed", 1],
      });
      const empty = recorder();
      assert.is(
        await runSubscribers({ name: "bounces", file: "/dev/null", softLimit: 3 }, store, empty.io, NOW),
        1,
      );
    } finally {
      await cleanup();
    }
  });

  test.run();
}
