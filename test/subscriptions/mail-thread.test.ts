import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { smtpSettings } from "../../src/newsletter/send/smtp-settings.ts";
import type { SendFailure } from "../../src/subscriptions/confirmation-sender.ts";
import { startMailThread } from "../../src/subscriptions/mail-thread.ts";
import { startRelay } from "../newsletter/send/smtp-fixture.ts";

const mail = (to: string) => ({
  siteTitle: "Thread Gazette",
  siteUrl: "https://example.org/",
  from: "Thread Gazette <digest@example.org>",
  replyTo: null,
  to,
  confirmUrl: `https://example.org/subscriptions/confirm?token=t-${to.split("@")[0]}`,
});

const test = suite("startMailThread");
test("composes and sends each mail from a worker thread; a 421 is retried, a 550 reported", async () => {
  const relay = await startRelay({
    refuse421Once: (to) => to === "later@example.org",
    refuse550: (to) => to === "nobody@example.org",
  });
  const smtp = smtpSettings({ SMTP_URL: relay.url });
  if (!smtp.ok) throw new Error(smtp.message);
  const failures: SendFailure[] = [];
  const logs: string[] = [];
  const sender = startMailThread(
    smtp.settings,
    "digest@example.org",
    (f) => failures.push(f),
    (l) => logs.push(l),
    {
      concurrency: 1,
      retryDelays: [20],
    },
  );
  try {
    const now = new Date("2026-03-01T10:00:00Z");
    for (const to of ["a@example.org", "later@example.org", "nobody@example.org", "b@example.org"])
      assert.ok(sender.send(mail(to), now));
    await sender.drain();
    assert.equal(relay.delivered.map((d) => d.to).sort(), [
      "a@example.org",
      "b@example.org",
      "later@example.org",
    ]);
    const first = await simpleParser(relay.delivered.find((d) => d.to === "a@example.org")?.raw ?? "");
    assert.is(first.subject, "Confirm your subscription to Thread Gazette");
    assert.match(first.text ?? "", "https://example.org/subscriptions/confirm?token=t-a");
    assert.is(first.date?.toISOString(), now.toISOString());
    assert.is(failures.length, 1);
    assert.equal([failures[0]?.tries, failures[0]?.outcome], [1, "failed"]);
    assert.match(failures[0]?.response ?? "", /^550/);
    assert.equal(logs, []);
  } finally {
    await sender.stop();
    await relay.close();
  }
});
test("at most `capacity` mails wait; after stop nothing more is taken", async () => {
  // A relay address where nothing listens keeps every mail waiting for its retry.
  const smtp = smtpSettings({ SMTP_URL: "smtp://127.0.0.1:9" });
  if (!smtp.ok) throw new Error(smtp.message);
  const failures: SendFailure[] = [];
  const sender = startMailThread(
    smtp.settings,
    "digest@example.org",
    (f) => failures.push(f),
    () => {},
    {
      capacity: 2,
      retryDelays: [60_000],
    },
  );
  const now = new Date();
  assert.equal(
    [
      sender.send(mail("a@example.org"), now),
      sender.send(mail("b@example.org"), now),
      sender.send(mail("c@example.org"), now),
    ],
    [true, true, false],
  );
  await new Promise((r) => setTimeout(r, 300));
  await sender.stop();
  assert.ok(failures.length <= 2);
  assert.not.ok(sender.send(mail("d@example.org"), now));
});
test.run();
