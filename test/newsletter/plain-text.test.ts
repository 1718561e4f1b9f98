import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emailModel } from "../../src/newsletter/email-model.ts";
import { plainText, wrapText } from "../../src/newsletter/plain-text.ts";
import { makeConfig } from "../factories.ts";
import { makeEntry, makeIssue } from "./project.ts";

const wrap = suite("wrapText");

wrap("wraps at the width and keeps long words whole", () => {
  assert.is(wrapText("aaa bbb ccc", 7), "aaa bbb\nccc");
  assert.is(wrapText(`see ${"x".repeat(20)} now`, 10), `see\n${"x".repeat(20)}\nnow`);
});

wrap.run();

const text = suite("plainText");

text("headings, titles with their URLs, summaries and the footer; no preheader", () => {
  const issue = makeIssue({
    number: 6,
    preheader: "PREHEADER TEXT",
    entries: [
      makeEntry({ title: "First", url: "/2024/03/first/" }),
      makeEntry({ title: "Second", url: "/2024/03/second/", summary: "Talks went on." }),
    ],
  });
  const out = plainText(emailModel(issue, makeConfig(), "https://gazette.test/u"));
  assert.ok(out.startsWith("Test Gazette #6\n===============\n\nIssue 6 · 7 March 2024\n"));
  assert.match(
    out,
    "Second\n------\nhttps://gazette.test/2024/03/second/\nIran Focus · 7 March 2024 · 3 min read\n\nTalks went on.",
  );
  assert.match(out, "Unsubscribe: https://gazette.test/u");
  assert.match(out, "Read this issue on the web: https://gazette.test/newsletter/6/");
  assert.match(out, "1 Test Street, Testville");
  assert.not.match(out, "PREHEADER");
});

text("includes the intro's text", () => {
  const model = emailModel(makeIssue(), makeConfig(), "u", { html: "<p>Hello</p>", text: "Hello, readers." });
  assert.match(plainText(model), "\n\nHello, readers.\n\n");
});

text.run();
