import { statSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { storeCases } from "./store-cases.ts";

const T0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const who = (email: string) => ({ email, name: "Reader", topics: ["iran"] });

for (const kind of storeCases()) {
  const test = suite(`createSubscriberStore (${kind.name})`);

  test("a new address is pending and gets a confirmation; confirming makes it confirmed", async () => {
    const { store, cleanup } = await kind.open(T0);
    try {
      const first = await store.subscribe(who("a@example.org"), T0, 3);
      assert.equal(first, { status: "pending", sendConfirmation: true });
      assert.is(await store.confirm("a@example.org", later(1)), "confirmed");
      const row = await store.get("a@example.org");
      assert.is(row?.status, "confirmed");
      assert.equal(row?.topics, ["iran"]);
      assert.is(row?.created, T0.toISOString());
      assert.is(row?.updated, later(1).toISOString());
      assert.equal(await store.confirmed(), [{ email: "a@example.org", name: "Reader" }]);
    } finally {
      await cleanup();
    }
  });

  test("a confirmed address posted again: no duplicate, no mail; three mails a day at most", async () => {
    const { store, cleanup } = await kind.open(T0);
    try {
      for (let i = 0; i < 3; i++)
        assert.ok(
          (await store.subscribe(who("b@example.org"), later(i), 3)).sendConfirmation,
          `mail ${i + 1}`,
        );
      assert.not.ok((await store.subscribe(who("b@example.org"), later(4), 3)).sendConfirmation);
      // The next UTC day the allowance starts again.
      assert.ok((await store.subscribe(who("b@example.org"), later(24 * 60), 3)).sendConfirmation);
      await store.confirm("b@example.org", later(24 * 60 + 1));
      const again = await store.subscribe(
        { email: "b@example.org", name: "Other", topics: [] },
        later(24 * 60 + 2),
        3,
      );
      assert.equal(again, { status: "confirmed", sendConfirmation: false });
      assert.is((await store.list()).length, 1);
      assert.is((await store.get("b@example.org"))?.name, "Reader");
    } finally {
      await cleanup();
    }
  });

  test("unsubscribed can subscribe again (pending); bounced and complained never", async () => {
    const { store, cleanup } = await kind.open(T0);
    try {
      await store.subscribe(who("c@example.org"), T0, 3);
      await store.confirm("c@example.org", T0);
      assert.is(await store.unsubscribe("c@example.org", later(1)), "unsubscribed");
      assert.equal(await store.subscribe(who("c@example.org"), later(2), 3), {
        status: "pending",
        sendConfirmation: true,
      });
      await store.record(
        [
          { email: "d@example.org", kind: "hard-bounce", detail: "5.1.1" },
          { email: "e@example.org", kind: "complaint", detail: "abuse" },
        ],
        later(3),
        3,
      );
      for (const email of ["d@example.org", "e@example.org"]) {
        const outcome = await store.subscribe(who(email), later(4), 3);
        assert.not.ok(outcome.sendConfirmation, email);
        assert.ok(["bounced", "complained"].includes(outcome.status), email);
        assert.is(await store.confirm(email, later(5)), outcome.status);
      }
      assert.is(await store.unsubscribe("nobody@example.org", later(6)), null);
      assert.is(await store.get("nobody@example.org"), null);
    } finally {
      await cleanup();
    }
  });

  test("soft bounces count and suppress at the limit; a complaint wins over a bounce", async () => {
    const { store, cleanup } = await kind.open(T0);
    try {
      await store.subscribe(who("f@example.org"), T0, 3);
      await store.confirm("f@example.org", T0);
      const soft = { email: "f@example.org", kind: "soft-bounce" as const, detail: "4.2.2 mailbox full" };
      assert.equal(await store.record([soft, soft], later(1), 3), ["confirmed", "confirmed"]);
      assert.equal(await store.record([soft], later(2), 3), ["bounced"]);
      assert.is((await store.get("f@example.org"))?.reason, "4.2.2 mailbox full");
      assert.equal(await store.record([{ ...soft, kind: "complaint" }], later(3), 3), ["complained"]);
      assert.equal(await store.record([{ ...soft, kind: "hard-bounce" }], later(4), 3), ["complained"]);
      assert.equal(await store.record([{ ...soft, email: "new@example.org" }], later(5), 3), [null]);
      assert.equal(await store.confirmed(), []);
    } finally {
      await cleanup();
    }
  });

  test("import keeps statuses, updates in place, never lifts a suppression; remove forgets", async () => {
    const { store, cleanup } = await kind.open(T0);
    try {
      await store.record([{ email: "gone@example.org", kind: "hard-bounce", detail: "550" }], T0, 3);
      const outcome = await store.import(
        [
          { email: "a@example.org", status: "confirmed", name: "A", topics: [] },
          { email: "b@example.org", status: "unsubscribed", name: null, topics: ["x", "y"] },
          { email: "gone@example.org", status: "confirmed", name: null, topics: [] },
          { email: "a@example.org", status: "pending", name: "A2", topics: [] },
        ],
        later(1),
      );
      assert.equal(outcome, { added: 2, updated: 0, keptSuppressed: 1 });
      assert.is((await store.get("a@example.org"))?.status, "pending");
      assert.is((await store.get("gone@example.org"))?.status, "bounced");
      assert.equal((await store.get("b@example.org"))?.topics, ["x", "y"]);
      const second = await store.import(
        [{ email: "b@example.org", status: "confirmed", name: null, topics: [] }],
        later(2),
      );
      assert.equal(second, { added: 0, updated: 1, keptSuppressed: 0 });
      assert.equal((await store.get("b@example.org"))?.topics, ["x", "y"]);
      assert.equal(await store.counts(), {
        pending: 1,
        confirmed: 1,
        unsubscribed: 0,
        bounced: 1,
        complained: 0,
      });
      assert.equal(
        (await store.list("confirmed")).map((r) => r.email),
        ["b@example.org"],
      );
      assert.ok(await store.remove("gone@example.org"));
      assert.not.ok(await store.remove("gone@example.org"));
      assert.is(await store.get("gone@example.org"), null);
    } finally {
      await cleanup();
    }
  });

  test("hit counts per bucket and window, across two stores on one database; old windows are forgotten", async () => {
    const opened = await kind.open(T0);
    const { openStore } = await import("../../src/subscriptions/open-store.ts");
    // A second instance on the same database (another process behind the same proxy).
    const other = await openStore(opened.env, opened.root, T0);
    try {
      const w1 = "2026-03-01T10:00:00.000Z";
      const w2 = "2026-03-01T10:10:00.000Z";
      const counts = [
        await opened.store.hit("ip-a", w1),
        await other.hit("ip-a", w1),
        await opened.store.hit("ip-a", w1),
        await other.hit("ip-b", w1),
      ];
      assert.equal(counts, [1, 2, 3, 1]);
      const together = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? other : opened.store).hit("ip-c", w1)),
      );
      assert.equal(
        together.sort((a, b) => a - b),
        Array.from({ length: 20 }, (_, i) => i + 1),
        "concurrent hits from both instances each count once",
      );
      assert.is(await other.hit("ip-a", w2), 1, "a new window starts again");
      await opened.store.forgetHits(w2);
      assert.is(await other.hit("ip-b", w2), 1, "ip-b's old window was forgotten");
      assert.is(await opened.store.hit("ip-a", w2), 2, "the current window is kept");
      if (kind.name === "postgres") {
        // Counts need no write-ahead log: an unlogged table, so a form post waits for the disk once.
        const pg = (await import("pg")).default;
        const client = new pg.Client({ connectionString: opened.env.DATABASE_URL });
        await client.connect();
        const { rows } = await client.query(
          "SELECT relpersistence FROM pg_class WHERE oid = 'rate_limits'::regclass",
        );
        await client.end();
        assert.is(rows[0]?.relpersistence, "u");
      }
    } finally {
      await other.close();
      await opened.cleanup();
    }
  });

  test("reopening an existing store migrates nothing twice and keeps the rows", async () => {
    const opened = await kind.open(T0);
    try {
      await opened.store.subscribe(who("k@example.org"), T0, 3);
      assert.is(opened.store.schemaVersion, 4);
      await opened.store.close();
      const { openStore } = await import("../../src/subscriptions/open-store.ts");
      const again = await openStore(opened.env, opened.root, later(1));
      assert.is((await again.get("k@example.org"))?.status, "pending");
      await again.close();
      if (kind.name === "sqlite") {
        const file = opened.env.GAZETTE_SUBSCRIBERS_DB ?? "";
        assert.is(statSync(file).mode & 0o777, 0o600);
        assert.is(statSync(path.dirname(file)).mode & 0o777, 0o700);
      }
    } finally {
      await opened.cleanup();
    }
  });

  test.run();
}
