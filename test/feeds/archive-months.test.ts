import { suite } from "uvu";
import * as assert from "uvu/assert";
import { archiveMonths } from "../../src/feeds/archive-months.ts";
import { makeArticle } from "../factories.ts";

const months = suite("archiveMonths");

months("lists every calendar month from the oldest article's to the clock's, newest first", () => {
  const articles = [
    makeArticle({ title: "b", slug: "b", date: new Date("2019-03-05T12:00:00Z") }),
    makeArticle({ title: "a", slug: "a", date: new Date("2018-12-31T12:00:00Z") }),
  ];
  const list = archiveMonths(articles, "Europe/London", new Date("2019-04-01T12:00:00Z"));
  assert.equal(
    list.map((m) => [m.year, m.month, m.articles.map((a) => a.slug)]),
    [
      [2019, 4, []],
      [2019, 3, ["b"]],
      [2019, 2, []],
      [2019, 1, []],
      [2018, 12, ["a"]],
    ],
  );
});

months("takes months in the site's time zone, and the newest article's month if the clock is earlier", () => {
  // 21:00 UTC on 31 January is 1 February in Tehran.
  const late = makeArticle({ title: "late", slug: "late", date: new Date("2019-01-31T21:00:00Z") });
  const list = archiveMonths([late], "Asia/Tehran", new Date("2019-01-01T00:00:00Z"));
  assert.equal(
    list.map((m) => [m.year, m.month, m.articles.length]),
    [[2019, 2, 1]],
  );
  assert.equal(archiveMonths([], "UTC", new Date()), []);
});

months.run();
