import { suite } from "uvu";
import * as assert from "uvu/assert";
import { archiveMonths } from "../../src/feeds/archive-months.ts";
import { makeArticle } from "../factories.ts";

const months = suite("archiveMonths");

months("lists only the months that have articles, newest first, each with its articles in order", () => {
  const articles = [
    makeArticle({ title: "c", slug: "c", date: new Date("2019-03-20T12:00:00Z") }),
    makeArticle({ title: "b", slug: "b", date: new Date("2019-03-05T12:00:00Z") }),
    makeArticle({ title: "a", slug: "a", date: new Date("2018-12-31T12:00:00Z") }),
    makeArticle({ title: "z", slug: "z", date: new Date("2017-06-01T12:00:00Z") }),
  ];
  const list = archiveMonths(articles, "Europe/London");
  assert.equal(
    list.map((m) => [m.year, m.month, m.articles.map((a) => a.slug)]),
    [
      [2019, 3, ["c", "b"]],
      [2018, 12, ["a"]],
      [2017, 6, ["z"]],
    ],
  );
  assert.ok(
    list.every((m) => m.articles.length > 0),
    "no month without articles",
  );
});

months("takes months in the site's time zone, and gives an empty site no months", () => {
  // 21:00 UTC on 31 January is 1 February in Tehran, and still 31 January in London.
  const late = makeArticle({ title: "late", slug: "late", date: new Date("2019-01-31T21:00:00Z") });
  assert.equal(
    archiveMonths([late], "Asia/Tehran").map((m) => [m.year, m.month, m.articles.length]),
    [[2019, 2, 1]],
  );
  assert.equal(
    archiveMonths([late], "Europe/London").map((m) => [m.year, m.month]),
    [[2019, 1]],
  );
  assert.equal(archiveMonths([], "UTC"), []);
});

months("orders the months by the calendar even when the articles are not in order", () => {
  const list = archiveMonths(
    [
      makeArticle({ title: "a", slug: "a", date: new Date("2018-12-31T12:00:00Z") }),
      makeArticle({ title: "b", slug: "b", date: new Date("2019-01-02T12:00:00Z") }),
      makeArticle({ title: "c", slug: "c", date: new Date("2018-02-02T12:00:00Z") }),
    ],
    "UTC",
  );
  assert.equal(
    list.map((m) => `${m.year}-${m.month}`),
    ["2019-1", "2018-12", "2018-2"],
  );
});

months.run();
