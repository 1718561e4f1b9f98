import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emptyLedger, type Ledger } from "../../src/newsletter/ledger.ts";
import { selectEntries } from "../../src/newsletter/select-entries.ts";
import { makeArticle } from "../factories.ts";
import { makeEntry, makeIssue } from "./project.ts";

const now = new Date("2024-03-08T10:00:00Z");
const base = { now, timeZone: "Europe/London", since: null, until: null, limit: 20 };
const at = (slug: string, iso: string) => makeArticle({ slug, title: slug, date: new Date(iso) });
const slugs = (articles: { slug: string }[]) => articles.map((a) => a.slug);
const sentLedger = (start: string, ...groups: string[][]): Ledger => ({
  start,
  issues: groups.map((g, i) => makeIssue({ number: i + 1, entries: g.map((slug) => makeEntry({ slug })) })),
});

const select = suite("selectEntries");

select("the first issue takes the last 7 days, newest first", () => {
  const published = [
    at("today", "2024-03-08T09:00:00Z"),
    at("six-days-ago", "2024-03-02T00:00:00Z"),
    at("seven-days-ago", "2024-03-01T23:59:00Z"),
  ];
  const selection = selectEntries(published, emptyLedger(), base);
  assert.equal(slugs(selection.entries), ["today", "six-days-ago"]);
  assert.is(selection.start.toISOString(), "2024-03-02T00:00:00.000Z");
  assert.is(selection.cutoff, now);
});

select("--since sets the first issue's window", () => {
  const published = [at("old", "2024-02-20T12:00:00Z"), at("new", "2024-03-07T12:00:00Z")];
  const selection = selectEntries(published, emptyLedger(), {
    ...base,
    since: new Date("2024-02-20T00:00:00Z"),
  });
  assert.equal(slugs(selection.entries), ["new", "old"]);
});

select("an article already sent is never a candidate again, whatever its date now", () => {
  const ledger = sentLedger("2024-03-01T00:00:00Z", ["a"]);
  const published = [at("a", "2024-03-08T09:00:00Z"), at("b", "2024-03-08T08:00:00Z")];
  assert.equal(slugs(selectEntries(published, ledger, base).entries), ["b"]);
});

select("an unsent article dated before the previous cutoff is still a candidate", () => {
  const ledger = sentLedger("2024-03-01T00:00:00Z", ["a"]);
  const published = [at("late", "2024-03-01T06:00:00Z"), at("a", "2024-03-05T00:00:00Z")];
  assert.equal(slugs(selectEntries(published, ledger, base).entries), ["late"]);
});

select("articles from before the ledger's start predate the newsletter", () => {
  const ledger = sentLedger("2024-03-01T00:00:00Z", ["a"]);
  const published = [at("archive", "2024-02-29T23:00:00Z")];
  assert.equal(selectEntries(published, ledger, base).entries, []);
});

select("over the limit: the oldest go first, the rest wait", () => {
  const published = ["1", "2", "3", "4"].map((d) => at(`d${d}`, `2024-03-0${Number(d) + 3}T12:00:00Z`));
  const selection = selectEntries(published, emptyLedger(), { ...base, limit: 2 });
  assert.equal(slugs(selection.entries), ["d2", "d1"]);
  assert.equal(slugs(selection.waiting), ["d3", "d4"]);
});

select("--since and --until only narrow; the cutoff is the end of --until", () => {
  const ledger = sentLedger("2024-02-01T00:00:00Z", ["x"]);
  const published = ["03", "05", "07"].map((d) => at(`d${d}`, `2024-03-${d}T12:00:00Z`));
  const selection = selectEntries(published, ledger, {
    ...base,
    since: new Date("2024-03-04T00:00:00Z"),
    until: new Date("2024-03-05T23:59:59.999Z"),
  });
  assert.equal(slugs(selection.entries), ["d05"]);
  assert.is(selection.cutoff.toISOString(), "2024-03-05T23:59:59.999Z");
});

select("nothing new: no entries", () => {
  const ledger = sentLedger("2024-03-01T00:00:00Z", ["a"]);
  assert.equal(selectEntries([at("a", "2024-03-07T00:00:00Z")], ledger, base).entries, []);
});

select.run();
