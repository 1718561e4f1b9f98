import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emptyLedger } from "../../src/newsletter/ledger.ts";
import { appendIssue, planIssue, snapshotEntry } from "../../src/newsletter/plan-issue.ts";
import { makeArticle, makeConfig } from "../factories.ts";
import { makeIssue } from "./project.ts";

const snapshot = suite("snapshotEntry");

snapshot("keeps what the email and the web version need, dates in the site's zone", () => {
  const article = makeArticle({
    title: "Talks",
    slug: "talks",
    date: new Date("2024-07-01T08:00:00Z"),
    readingMinutes: 4,
  });
  assert.equal(snapshotEntry(article, "Europe/London"), {
    slug: "talks",
    title: "Talks",
    url: "/2024/07/talks/",
    summary: "The first paragraph of the article.",
    source: "Iran Focus",
    date: "2024-07-01T09:00:00+01:00",
    readingMinutes: 4,
    sourceUrl: null,
    image: null,
  });
});

snapshot(
  "keeps the original's address and the image the email shows (its main copy when there is one)",
  () => {
    const article = makeArticle({
      sourceUrl: "https://www.iranfocus.com/en/x",
      image: {
        src: "/images/a.jpg",
        alt: "A",
        caption: null,
        line: 5,
        width: 2000,
        height: 1000,
        renditions: {
          modern: [],
          fallback: { type: "image/jpeg", files: [{ src: "/images/a-1200.jpg", width: 1200 }] },
          src: "/images/a-1200.jpg",
          width: 1200,
          bytes: 100,
        },
      },
    });
    const entry = snapshotEntry(article, "Europe/London");
    assert.is(entry.sourceUrl, "https://www.iranfocus.com/en/x");
    assert.equal(entry.image, { alt: "A", src: "/images/a-1200.jpg", width: 1200, height: 600 });
  },
);

snapshot.run();

const plan = suite("planIssue");

plan("numbers the issue after the ledger's last and records the flags", () => {
  const config = makeConfig();
  const ledger = { start: "2024-03-01T00:00:00Z", issues: [makeIssue()] };
  const now = new Date("2024-03-15T10:00:00Z");
  const article = makeArticle({ title: "Lead", date: new Date("2024-03-14T10:00:00Z") });
  const issue = planIssue(ledger, { entries: [article], waiting: [], start: now, cutoff: now }, config, {
    now,
    since: "2024-03-10",
    until: null,
    intro: null,
  });
  assert.is(issue.number, 2);
  assert.is(issue.date, "2024-03-15T10:00:00+00:00");
  assert.is(issue.since, "2024-03-10");
  assert.is(issue.subject, "Test Gazette #2: Lead");
  assert.is(issue.entries[0]?.slug, "lead");
});

plan.run();

const append = suite("appendIssue");

append("the first issue fixes the start; later ones keep it", () => {
  const first = appendIssue(emptyLedger(), makeIssue(), new Date("2024-03-02T00:00:00Z"), "Europe/London");
  assert.is(first.start, "2024-03-02T00:00:00+00:00");
  const second = appendIssue(
    first,
    makeIssue({ number: 2 }),
    new Date("2024-03-09T00:00:00Z"),
    "Europe/London",
  );
  assert.is(second.start, "2024-03-02T00:00:00+00:00");
  assert.is(second.issues.length, 2);
});

append.run();
