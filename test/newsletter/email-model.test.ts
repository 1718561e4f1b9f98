import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dayRange, emailModel } from "../../src/newsletter/email-model.ts";
import { makeConfig } from "../factories.ts";
import { makeEntry, makeIssue } from "./project.ts";

const range = suite("dayRange");

range("oldest to newest day in the site's zone and language", () => {
  const dates = [new Date("2024-03-07T12:00:00Z"), new Date("2024-03-01T12:00:00Z")];
  assert.is(dayRange(dates, "Europe/London", "en-GB"), "1–7 March 2024");
});

range("one day once", () => {
  const dates = [new Date("2024-03-07T08:00:00Z"), new Date("2024-03-07T18:00:00Z")];
  assert.is(dayRange(dates, "Europe/London", "en-GB"), "7 March 2024");
});

range.run();

const model = suite("emailModel");

model("absolute, percent-encoded URLs under the path prefix", () => {
  const config = makeConfig({ url: "https://example.org/digest/", pathPrefix: "/digest/" });
  const issue = makeIssue({ number: 6, entries: [makeEntry({ url: "/2024/03/خبر/" })] });
  const m = emailModel(issue, config, "https://example.org/u");
  assert.is(m.entries[0]?.url, "https://example.org/digest/2024/03/%D8%AE%D8%A8%D8%B1/");
  assert.is(m.footer.webUrl, "https://example.org/digest/newsletter/6/");
  assert.is(m.footer.archiveUrl, "https://example.org/digest/newsletter/");
  assert.is(m.footer.feedUrl, "https://example.org/digest/feed.xml");
  assert.is(m.footer.unsubscribeUrl, "https://example.org/u");
});

model("formats dates and reading time; keeps the postal address and language", () => {
  const m = emailModel(makeIssue(), makeConfig(), "u");
  assert.is(m.entries[0]?.date, "7 March 2024");
  assert.is(m.entries[0]?.readingTime, "3 min read");
  assert.is(m.footer.postalAddress, "1 Test Street, Testville");
  assert.is(m.lang, "en-GB");
  assert.match(m.footer.reason, /subscribed to the Test Gazette newsletter at gazette\.test/);
});

model.run();
