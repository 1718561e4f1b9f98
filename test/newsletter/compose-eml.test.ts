import { simpleParser } from "mailparser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { composeEml, type EmlInput, listId, messageId } from "../../src/newsletter/compose-eml.ts";

const input = (overrides: Partial<EmlInput> = {}): EmlInput => ({
  from: "Test Gazette <digest@gazette.test>",
  to: null,
  replyTo: null,
  subject: "Test Gazette #2: Ünïcode & more",
  date: new Date("2024-03-08T10:00:00Z"),
  messageId: "<gazette.issue-2.abc@gazette.test>",
  html: "<p>Hello</p>",
  text: "Hello\n",
  unsubscribe: {
    listUnsubscribe: "<https://gazette.test/u>, <mailto:u@gazette.test>",
    listUnsubscribePost: "List-Unsubscribe=One-Click",
  },
  listId: listId("Test Gazette", "gazette.test"),
  listArchive: "https://gazette.test/newsletter/",
  baseBoundary: "b0undary",
  ...overrides,
});

const compose = suite("composeEml");

compose("multipart/alternative with the list headers", async () => {
  const eml = await composeEml(input());
  const mail = await simpleParser(eml);
  assert.is(mail.subject, "Test Gazette #2: Ünïcode & more");
  assert.is(mail.text, "Hello\n");
  assert.is(mail.html, "<p>Hello</p>");
  assert.is(mail.messageId, "<gazette.issue-2.abc@gazette.test>");
  assert.is(mail.date?.toISOString(), "2024-03-08T10:00:00.000Z");
  assert.match(eml.toString(), "Content-Type: multipart/alternative");
  assert.match(`\r\n${eml}`, "\r\nList-Unsubscribe: <https://gazette.test/u>, <mailto:u@gazette.test>\r\n");
  assert.match(eml.toString(), "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
  assert.match(eml.toString(), '\r\nList-ID: "Test Gazette" <newsletter.gazette.test>\r\n');
  assert.match(eml.toString(), "\r\nList-Archive: <https://gazette.test/newsletter/>\r\n");
  assert.is(eml.toString().match(/^List-Unsubscribe:/gm)?.length, 1);
});

compose("the same input gives the same bytes", async () => {
  assert.ok((await composeEml(input())).equals(await composeEml(input())));
});

compose("no one-click header without an https URL; To when given", async () => {
  const eml = (
    await composeEml(
      input({
        to: "ann@example.org",
        unsubscribe: { listUnsubscribe: "<mailto:u@x>", listUnsubscribePost: null },
      }),
    )
  ).toString();
  assert.not.match(eml, "List-Unsubscribe-Post");
  assert.match(eml, "\r\nTo: ann@example.org\r\n");
});

compose.run();

const id = suite("messageId");

id("stable for an issue, different per recipient, whatever the case", () => {
  const a = messageId(3, "2024-03-08T10:00:00+00:00", "gazette.test");
  assert.match(a, /^<gazette\.issue-3\.[0-9a-f]{16}@gazette\.test>$/);
  assert.is(messageId(3, "2024-03-08T10:00:00+00:00", "gazette.test"), a);
  const ann = messageId(3, "2024-03-08T10:00:00+00:00", "gazette.test", "Ann@x.org");
  assert.is.not(ann, a);
  assert.is(messageId(3, "2024-03-08T10:00:00+00:00", "gazette.test", "ann@x.org"), ann);
});

id.run();

const list = suite("listId");

list("quotes an ASCII name, encodes any other", () => {
  assert.is(listId('The "Daily" <News>', "x.org"), '"The Daily News" <newsletter.x.org>');
  assert.is(
    listId("Gazetté", "x.org"),
    `=?UTF-8?B?${Buffer.from("Gazetté").toString("base64")}?= <newsletter.x.org>`,
  );
});

list.run();
