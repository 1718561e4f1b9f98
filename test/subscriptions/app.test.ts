import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { unsubscribeToken } from "../../src/newsletter/unsubscribe.ts";
import { confirmToken } from "../../src/subscriptions/tokens.ts";
import { confirmLink, SECRET, startHarness, waitFor } from "./service-harness.ts";
import { storeCases } from "./store-cases.ts";

for (const kind of storeCases()) {
  const flow = suite(`createApp: subscribe and confirm (${kind.name})`);

  flow("subscribe → mail → GET confirm changes nothing → POST confirm → confirmed", async () => {
    const h = await startHarness(kind);
    try {
      const posted = await h.form("subscribe", {
        email: "Reader@Example.org",
        name: "A Reader",
        topics: ["Iran", "oil"],
      });
      assert.is(posted.status, 303);
      assert.is(posted.headers.get("location"), `${h.base}check-inbox`);
      const inbox = await fetch(posted.headers.get("location") ?? "");
      assert.match(await inbox.text(), "Check your inbox");
      assert.is((await h.store.get("reader@example.org"))?.status, "pending");
      await waitFor(() => h.relay.delivered.length === 1, "the confirmation mail");
      const mail = await simpleParser(h.relay.delivered[0]?.raw ?? Buffer.alloc(0));
      assert.is(mail.subject, "Confirm your subscription to Test Gazette");
      assert.is(h.relay.delivered[0]?.to, "reader@example.org");
      assert.is(mail.headers.get("auto-submitted"), "auto-generated");
      const link = await confirmLink(h.relay.delivered[0]?.raw ?? Buffer.alloc(0));
      assert.ok(link.startsWith(`${h.base}confirm?token=`), link);

      const page = await fetch(link);
      assert.is(page.status, 200);
      const html = await page.text();
      assert.match(html, '<form class="signup" method="post">');
      assert.match(html, 'href="https://gazette.test/style.css"');
      assert.not.match(html, "<script");
      assert.is(page.headers.get("cache-control"), "no-store");
      assert.is((await h.store.get("reader@example.org"))?.status, "pending", "GET changed nothing");

      const token = new URL(link).searchParams.get("token") ?? "";
      const done = await h.form(`confirm?token=${token}`, { token });
      assert.is(done.status, 200);
      assert.match(await done.text(), "You are subscribed");
      const row = await h.store.get("reader@example.org");
      assert.is(row?.status, "confirmed");
      assert.is(row?.name, "A Reader");
      assert.equal(row?.topics, ["iran", "oil"]);
      for (const line of h.logs) assert.not.match(line.toLowerCase(), "reader@example.org", line);
    } finally {
      await h.close();
    }
  });

  flow(
    "the same answer whatever the state; no duplicate row; no mail for confirmed or suppressed",
    async () => {
      const h = await startHarness(kind);
      try {
        await h.store.import(
          [{ email: "known@example.org", status: "confirmed", name: null, topics: [] }],
          new Date(),
        );
        await h.store.record(
          [{ email: "gone@example.org", kind: "hard-bounce", detail: "550" }],
          new Date(),
          3,
        );
        const answers = [];
        for (const email of [
          "new@example.org",
          "known@example.org",
          "gone@example.org",
          "KNOWN@example.org",
        ]) {
          const r = await h.form("subscribe", { email });
          answers.push([r.status, r.headers.get("location"), await r.text()]);
        }
        for (const a of answers) assert.equal(a, answers[0]);
        await h.service.mail.drain();
        assert.equal(
          h.relay.delivered.map((d) => d.to),
          ["new@example.org"],
        );
        assert.is((await h.store.list()).length, 3);
        assert.is((await h.store.get("gone@example.org"))?.status, "bounced");
      } finally {
        await h.close();
      }
    },
  );

  flow(
    "a relay's 421 is tried again: the confirmation mail arrives; a 550 is logged without the address",
    async () => {
      const h = await startHarness(kind, {
        relay: {
          refuse421Once: (to) => to === "later@example.org",
          refuse550: (to) => to === "nobody@example.org",
        },
        mailOptions: { retryDelays: [20] },
      });
      try {
        assert.is((await h.form("subscribe", { email: "later@example.org" })).status, 303);
        assert.is((await h.form("subscribe", { email: "nobody@example.org" })).status, 303);
        await h.service.mail.drain();
        assert.equal(
          h.relay.delivered.map((d) => d.to),
          ["later@example.org"],
        );
        const failures = h.logs.filter((l) => l.startsWith("confirmation mail not sent"));
        assert.is(failures.length, 1, h.logs.join("\n"));
        assert.match(failures[0] ?? "", /\(1 try\): 550/);
        assert.not.match(h.logs.join("\n"), /@example\.org/);
      } finally {
        await h.close();
      }
    },
  );

  flow("at most three confirmation mails a day for one address", async () => {
    const h = await startHarness(kind);
    try {
      for (let i = 0; i < 6; i++)
        assert.is((await h.form("subscribe", { email: "again@example.org" })).status, 303);
      await h.service.mail.drain();
      assert.is(h.relay.delivered.length, 3);
    } finally {
      await h.close();
    }
  });

  flow("the honeypot, a bad address and an oversized body change nothing", async () => {
    const h = await startHarness(kind);
    try {
      const bot = await h.form("subscribe", { email: "bot@example.org", website: "http://spam.example" });
      assert.is(bot.status, 303);
      for (const email of [
        "no-at-sign",
        "a@b",
        "x@-bad-.org",
        "a..b@example.org",
        "a@example.org\r\nBcc: x@y.org",
        `${"a".repeat(65)}@example.org`,
      ]) {
        const r = await h.form("subscribe", { email });
        assert.is(r.status, 400, email);
        assert.match(await r.text(), "That address does not look right");
      }
      const big = await h.form("subscribe", { email: "big@example.org", name: "x".repeat(20_000) });
      assert.is(big.status, 413);
      // Without a Content-Length (chunked), the limit holds while the body is read.
      const chunks = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("email=chunked%40example.org&name="));
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1000)));
          controller.close();
        },
      });
      const chunked = await fetch(`${h.base}subscribe`, {
        method: "POST",
        body: chunks,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        duplex: "half",
      } as RequestInit);
      assert.is(chunked.status, 413);
      await h.service.mail.drain();
      assert.equal(await h.store.list(), []);
      assert.is(h.relay.delivered.length, 0);
    } finally {
      await h.close();
    }
  });

  flow("a forged, altered or expired confirmation token is refused and changes nothing", async () => {
    let now = new Date("2026-03-01T10:00:00Z");
    const h = await startHarness(kind, { now: () => now });
    try {
      await h.form("subscribe", { email: "late@example.org" });
      const good = confirmToken("late@example.org", SECRET, now);
      const forged = confirmToken("late@example.org", "another-secret-that-is-32-bytes-long", now);
      const other = confirmToken("other@example.org", SECRET, now);
      const altered = `${Buffer.from("late@example.org").toString("base64url")}.${other.split(".").slice(1).join(".")}`;
      for (const token of [forged, altered, "", "nonsense", `${good}x`]) {
        assert.is((await fetch(`${h.base}confirm?token=${encodeURIComponent(token)}`)).status, 400, token);
        assert.is((await h.form("confirm", { token })).status, 400, token);
      }
      now = new Date(now.getTime() + 48 * 3600_000 + 1000);
      const expired = await h.form("confirm", { token: good });
      assert.is(expired.status, 400);
      assert.match(await expired.text(), "more than 48 hours old");
      assert.is((await h.store.get("late@example.org"))?.status, "pending");
    } finally {
      await h.close();
    }
  });

  const leave = suite(`createApp: unsubscribe (${kind.name})`);

  leave("GET shows a button and changes nothing; one-click POST unsubscribes and answers 200", async () => {
    const h = await startHarness(kind);
    try {
      await h.store.import(
        [{ email: "a+news@example.org", status: "confirmed", name: null, topics: [] }],
        new Date(),
      );
      const url = `${h.base}unsubscribe?email=${encodeURIComponent("a+news@example.org")}&token=${unsubscribeToken("a+news@example.org", SECRET)}`;
      const page = await fetch(url);
      assert.is(page.status, 200);
      const html = await page.text();
      assert.match(html, "a+news@example.org");
      assert.match(html, '<form class="signup" method="post">');
      assert.is((await h.store.get("a+news@example.org"))?.status, "confirmed");
      const click = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      assert.is(click.status, 200);
      assert.is((await h.store.get("a+news@example.org"))?.status, "unsubscribed");
      // RFC 8058 allows a multipart/form-data body too.
      await h.store.import(
        [{ email: "b@example.org", status: "confirmed", name: null, topics: [] }],
        new Date(),
      );
      const multipart = new FormData();
      multipart.append("List-Unsubscribe", "One-Click");
      const other = `${h.base}unsubscribe?email=b%40example.org&token=${unsubscribeToken("b@example.org", SECRET)}`;
      const oneClick = await fetch(other, { method: "POST", body: multipart });
      assert.is(oneClick.status, 200);
      assert.is(await oneClick.text(), "Unsubscribed.\n");
      assert.is((await h.store.get("b@example.org"))?.status, "unsubscribed");
    } finally {
      await h.close();
    }
  });

  leave("the page's button unsubscribes; a wrong token or another's address is refused", async () => {
    const h = await startHarness(kind);
    try {
      await h.store.import(
        [
          { email: "me@example.org", status: "confirmed", name: null, topics: [] },
          { email: "you@example.org", status: "confirmed", name: null, topics: [] },
        ],
        new Date(),
      );
      const mine = unsubscribeToken("me@example.org", SECRET);
      const refused = [
        await h.form("unsubscribe", { email: "you@example.org", token: mine }),
        await h.form(`unsubscribe?email=you%40example.org&token=${mine}`, {
          "List-Unsubscribe": "One-Click",
        }),
        await h.form("unsubscribe", { email: "you@example.org", token: "" }),
        await fetch(`${h.base}unsubscribe?email=you%40example.org&token=${mine}`),
      ];
      for (const r of refused) assert.is(r.status, 400);
      assert.is((await h.store.get("you@example.org"))?.status, "confirmed");
      const button = await h.form("unsubscribe", { email: "me@example.org", token: mine });
      assert.is(button.status, 200);
      assert.match(await button.text(), "You are unsubscribed");
      assert.is((await h.store.get("me@example.org"))?.status, "unsubscribed");
    } finally {
      await h.close();
    }
  });

  const limits = suite(`createApp: limits and health (${kind.name})`);

  limits(
    "form posts per client address are limited (429); X-Forwarded-For from the local proxy counts",
    async () => {
      const h = await startHarness(kind, { limits: { subscribePerIp: 3 } });
      try {
        const post = (ip: string, i: number) =>
          h.form("subscribe", { email: `r${i}@example.org` }, { "x-forwarded-for": `198.51.100.7, ${ip}` });
        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push((await post("203.0.113.1", i)).status);
        assert.equal(statuses, [303, 303, 303, 429, 429]);
        assert.is((await post("203.0.113.2", 9)).status, 303);
        assert.is((await h.store.list()).length, 4);
      } finally {
        await h.close();
      }
    },
  );

  limits("GET health reports the store", async () => {
    const h = await startHarness(kind);
    try {
      const r = await fetch(`${h.base}health`);
      assert.is(r.status, 200);
      assert.equal(await r.json(), { status: "ok", store: kind.name, schema: 4 });
      const root = await fetch(`${h.service.address}/health`);
      assert.is(root.status, 200, "also at the root, for a proxy that strips the prefix");
      assert.is((await fetch(`${h.base}nothing-here`)).status, 404);
    } finally {
      await h.close();
    }
  });

  limits("500 concurrent mixed requests leave a consistent store", async () => {
    const h = await startHarness(kind);
    try {
      await h.store.import(
        Array.from({ length: 100 }, (_, i) => ({
          email: `old${i}@example.org`,
          status: "confirmed" as const,
          name: null,
          topics: [],
        })),
        new Date(),
      );
      const now = new Date();
      const requests: Promise<Response>[] = [];
      for (let i = 0; i < 500; i++) {
        const n = Math.floor(i / 5);
        switch (i % 5) {
          case 0:
          case 1:
            requests.push(h.form("subscribe", { email: `new${n}@example.org` }));
            break;
          case 2:
            requests.push(h.form("confirm", { token: confirmToken(`new${n}@example.org`, SECRET, now) }));
            break;
          case 3:
            requests.push(
              h.form(
                `unsubscribe?email=old${n}%40example.org&token=${unsubscribeToken(`old${n}@example.org`, SECRET)}`,
                {
                  "List-Unsubscribe": "One-Click",
                },
              ),
            );
            break;
          default:
            requests.push(
              fetch(
                `${h.base}unsubscribe?email=old${n}%40example.org&token=${unsubscribeToken(`old${n}@example.org`, SECRET)}`,
              ),
            );
        }
      }
      const answers = await Promise.all(requests);
      const statuses = answers.map((r) => r.status);
      await Promise.all(answers.map((r) => r.arrayBuffer()));
      assert.ok(
        statuses.every((s) => s === 200 || s === 303 || s === 400),
        String(statuses.filter((s) => s >= 500)),
      );
      const rows = await h.store.list();
      assert.is(rows.length, 200, "one row per address, no duplicates");
      assert.is(new Set(rows.map((r) => r.email)).size, 200);
      for (const r of rows) {
        if (r.email.startsWith("old")) assert.is(r.status, "unsubscribed", r.email);
        else assert.ok(r.status === "pending" || r.status === "confirmed", `${r.email} ${r.status}`);
      }
      // Each new address was posted twice and confirmed once: whatever the order, at most two mails each.
      await h.service.mail.drain();
      const perAddress = new Map<string, number>();
      for (const d of h.relay.delivered) perAddress.set(d.to, (perAddress.get(d.to) ?? 0) + 1);
      assert.ok([...perAddress.values()].every((n) => n <= 2));
      assert.is(perAddress.size, 100);
      const counts = await h.store.counts();
      assert.is(counts.unsubscribed, 100);
    } finally {
      await h.close();
    }
  });

  flow.run();
  leave.run();
  limits.run();
}
