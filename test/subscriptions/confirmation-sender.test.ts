import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  createConfirmationSender,
  describeFailure,
  type SendFailure,
} from "../../src/subscriptions/confirmation-sender.ts";

const mail = (to: string) => ({
  siteTitle: "Sender Gazette",
  siteUrl: "https://example.org/",
  from: "Sender Gazette <digest@example.org>",
  replyTo: "editor@example.org",
  to,
  confirmUrl: "https://example.org/s/confirm?token=abc",
});

const create = suite("createConfirmationSender");
create("composes the mail at the given time; retries a 4xx, not a 5xx", async () => {
  const sent: { to: string; raw: Buffer }[] = [];
  const failures: SendFailure[] = [];
  let refusals = 1;
  const sender = createConfirmationSender(
    async (to, raw) => {
      if (to === "gone@example.org")
        throw Object.assign(new Error("No such user"), {
          responseCode: 550,
          response: "550 5.1.1 No such user",
        });
      if (to === "later@example.org" && refusals-- > 0)
        throw Object.assign(new Error("busy"), { responseCode: 451, response: "451 4.3.0 Try later" });
      sent.push({ to, raw });
    },
    (f) => failures.push(f),
    { retryDelays: [5] },
  );
  const now = new Date("2026-03-01T10:00:00Z");
  for (const to of ["a@example.org", "later@example.org", "gone@example.org"])
    assert.ok(sender.send(mail(to), now));
  await sender.drain();
  assert.equal(sent.map((s) => s.to).sort(), ["a@example.org", "later@example.org"]);
  const parsed = await simpleParser(sent[0]?.raw ?? "");
  assert.is(parsed.date?.toISOString(), now.toISOString());
  assert.is(parsed.replyTo?.text, "editor@example.org");
  assert.equal(failures, [{ tries: 1, outcome: "failed", response: "550 5.1.1 No such user" }]);
});
create.run();

const describe = suite("describeFailure");
describe("says how many tries, or that the service stopped", () => {
  assert.is(
    describeFailure({ tries: 1, outcome: "failed", response: "550 no" }),
    "confirmation mail not sent (1 try): 550 no",
  );
  assert.is(
    describeFailure({ tries: 4, outcome: "failed", response: "ETIMEDOUT" }),
    "confirmation mail not sent (4 tries): ETIMEDOUT",
  );
  assert.is(
    describeFailure({ tries: 2, outcome: "shutdown", response: "421" }),
    "confirmation mail not sent (stopped while waiting to retry): 421",
  );
});
describe.run();
