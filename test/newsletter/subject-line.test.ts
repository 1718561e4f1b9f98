import { suite } from "uvu";
import * as assert from "uvu/assert";
import { issuePreheader, issueSubject, oneLine, truncateWords } from "../../src/newsletter/subject-line.ts";
import { makeEntry } from "./project.ts";

const one = suite("oneLine");
one("collapses white space and line breaks", () => assert.is(oneLine(" a\n  b\tc "), "a b c"));
one.run();

const truncate = suite("truncateWords");
truncate("keeps short text", () => assert.is(truncateWords("short text", 20), "short text"));
truncate("cuts at a word boundary with an ellipsis", () => {
  assert.is(truncateWords("one two three four five", 14), "one two three…");
});
truncate.run();

const subject = suite("issueSubject");
subject("site name, issue number and the lead headline", () => {
  const entries = [makeEntry({ title: "Lead\nstory" }), makeEntry({ title: "Second" })];
  assert.is(issueSubject("Gazette", 6, entries), "Gazette #6: Lead story");
});
subject.run();

const preheader = suite("issuePreheader");
preheader("counts the articles and names those after the lead", () => {
  const entries = [
    makeEntry({ title: "Lead" }),
    makeEntry({ title: "Second" }),
    makeEntry({ title: "Third" }),
  ];
  assert.is(issuePreheader(entries), "3 articles this issue. Also: Second; Third");
});
preheader("one article: its summary", () => {
  assert.is(
    issuePreheader([makeEntry({ summary: "Talks resume." })]),
    "One article this issue: Talks resume.",
  );
});
preheader("stays within 140 characters", () => {
  const entries = Array.from({ length: 20 }, (_, i) =>
    makeEntry({ title: `A rather long headline number ${i}` }),
  );
  assert.ok(issuePreheader(entries).length <= 140);
  assert.ok(issuePreheader(entries).endsWith("…"));
});
preheader.run();
