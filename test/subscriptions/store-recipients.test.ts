import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runSend, type SendCommand } from "../../src/newsletter/send/run-send.ts";
import { storeRecipients } from "../../src/subscriptions/store-recipients.ts";
import { projectWithIssue, SECRET, sendRecorder } from "../newsletter/send/send-project.ts";
import { startRelay } from "../newsletter/send/smtp-fixture.ts";
import { storeCases } from "./store-cases.ts";

const command = (root: string, url: string, extra: Partial<SendCommand>): SendCommand => ({
  root,
  issue: 1,
  to: null,
  dryRun: false,
  test: null,
  rate: "1000/s",
  resendUnknown: false,
  retryFailed: false,
  env: { GAZETTE_UNSUBSCRIBE_SECRET: SECRET, SMTP_URL: url },
  backoffMs: 20,
  ...extra,
});

for (const kind of storeCases()) {
  const test = suite(`storeRecipients (${kind.name})`);

  test("send without --to reaches exactly the confirmed subscribers; a 550 marks the address bounced", async () => {
    const opened = await kind.open();
    const relay = await startRelay({ refuse550: (to) => to === "refuses@example.org" });
    try {
      const root = await projectWithIssue();
      const statuses = ["confirmed", "pending", "unsubscribed", "bounced", "complained"] as const;
      await opened.store.import(
        [
          ...Array.from({ length: 50 }, (_, i) => ({
            email: `reader${i}@example.org`,
            status: statuses[i % 5] as (typeof statuses)[number],
            name: i === 0 ? "First Reader" : null,
            topics: [],
          })),
          { email: "refuses@example.org", status: "confirmed" as const, name: null, topics: [] },
        ],
        new Date(),
      );
      const confirmed = [
        ...Array.from({ length: 10 }, (_, i) => `reader${i * 5}@example.org`),
        "refuses@example.org",
      ];
      const source = () => storeRecipients(opened.store, kind.name, () => new Date());
      const dry = sendRecorder();
      assert.is(await runSend(command(root, relay.url, { dryRun: true, recipients: source() }), dry), 0);
      assert.equal(
        dry.lines
          .filter((l) => l.startsWith("  "))
          .map((l) => l.trim())
          .sort(),
        [...confirmed].sort(),
      );
      const io = sendRecorder();
      assert.is(
        await runSend(command(root, relay.url, { recipients: source() }), io),
        0,
        io.errors.join("\n"),
      );
      assert.equal(
        relay.delivered.map((d) => d.to).sort(),
        confirmed.filter((e) => e !== "refuses@example.org").sort(),
      );
      assert.match(
        relay.delivered.find((d) => d.to === "reader0@example.org")?.raw.toString() ?? "",
        "First Reader",
      );
      assert.is((await opened.store.get("refuses@example.org"))?.status, "bounced");
      assert.match((await opened.store.get("refuses@example.org"))?.reason ?? "", "550");
      assert.match(io.errors.join("\n"), "1 address marked bounced in the subscribers store");
      // The send log stays the record: a rerun sends nobody a second copy.
      const again = sendRecorder();
      assert.is(await runSend(command(root, relay.url, { recipients: source() }), again), 0);
      assert.is(relay.delivered.length, 10);
      // --to still works, and wins over the store.
      const csv = `${root}/subscribers.csv`;
      await (await import("node:fs/promises")).writeFile(csv, "email\nother@example.org\n");
      const to = sendRecorder();
      assert.is(await runSend(command(root, relay.url, { to: csv, recipients: source() }), to), 0);
      assert.is(relay.delivered.at(-1)?.to, "other@example.org");
    } finally {
      await relay.close();
      await opened.cleanup();
    }
  });

  test.run();
}
