import { suite } from "uvu";
import * as assert from "uvu/assert";
import { findDate, isoDate } from "../../src/import/parse-date.ts";

const iso = suite("isoDate");
iso("real days only", () => {
  assert.is(isoDate(2019, 1, 31), "2019-01-31");
  assert.is(isoDate(2019, 2, 29), null);
  assert.is(isoDate(2020, 2, 29), "2020-02-29");
  assert.is(isoDate(1850, 1, 1), null);
});
iso.run();

const find = suite("findDate");
find("common formats", () => {
  const cases: Array<[string, string]> = [
    ["Jan. 31, 2019 - While", "2019-01-31"],
    ["31 January 2019", "2019-01-31"],
    ["2019-01-31T10:00:00Z", "2019-01-31"],
    ["Nov 19, 2019 7:05 AM EST", "2019-11-19"],
    ["Sept. 25, 2018", "2018-09-25"],
    ["16 November 2017 • 2:15pm", "2017-11-16"],
    ["Updated 3:05 PM ET, Mon February 1, 2016", "2016-02-01"],
    ["7/24/2015", "2015-07-24"],
    ["24/7/2015", "2015-07-24"],
    ["January 31st, 2019", "2019-01-31"],
  ];
  for (const [text, date] of cases) assert.is(findDate(text)?.date, date, text);
});
find("no year: null with a reason, unless a year is given", () => {
  assert.equal(findDate("London, 20 Oct – Iran"), {
    date: null,
    raw: "20 Oct",
    index: 8,
    problem: "no-year",
  });
  assert.is(findDate("London, 20 Oct – Iran", 2018)?.date, "2018-10-20");
  assert.is(findDate("March 18 at 3:57 PM")?.problem, "no-year");
});
find("day and month that could swap are never guessed", () => {
  assert.is(findDate("3/4/2019")?.problem, "ambiguous");
  assert.is(findDate("3/4/2019")?.date, null);
});
find("no date in ordinary words", () => {
  assert.is(findDate("You may say so"), null);
  assert.is(findDate("in May 2018"), null);
});
find("a full date glued to the words around it by copying inline spans", () => {
  assert.is(findDate("By Aaron KlotzDecember 23, 2023")?.date, "2023-12-23");
  assert.is(findDate("By thegrangehallFebruary 16, 2026No Comments")?.date, "2026-02-16");
  assert.is(findDate("By Anthony January 4, 2026Updated: Jan 11")?.date, "2026-01-04");
  assert.is(findDate("EditorialNovember 22, 2018")?.raw, "November 22, 2018");
  // Not glued to a word: a year run into more digits, a lower-case month inside a word.
  assert.is(findDate("Conor AllisonJanuary 14, 202620 Mins Read"), null);
  assert.is(findDate("remarch 5, 2020"), null);
});
find("a clock time that copying glued to the year", () => {
  assert.is(findDate("Originally published November 9, 202211:01 AM ET")?.date, "2022-11-09");
  assert.is(findDate("9 November 20228:23 PM")?.date, "2022-11-09");
  // More digits that are no clock time: no year.
  assert.is(findDate("November 9, 20221")?.problem, "no-year");
});
find("a year first with slashes: 2023/12/20", () => {
  assert.is(findDate("Last updated: 2023/12/20 at 8:39 AM")?.date, "2023-12-20");
  assert.is(findDate("2023/2/3")?.date, "2023-02-03");
  // Not a run of more numbers, not an impossible day.
  assert.is(findDate("2023/12/20/14"), null);
  assert.is(findDate("2023/02/30"), null);
});
find("a two-digit year with slashes, read like a four-digit one", () => {
  assert.is(findDate("By Oliver Staley • 05/26/22 4:20pm")?.date, "2022-05-26");
  assert.is(findDate("Published on 01/25/26")?.date, "2026-01-25");
  assert.is(findDate("25/06/99")?.date, "1999-06-25");
  assert.is(findDate("By Nhari Djan • 12/11/23 4:23pm")?.problem, "ambiguous");
  // Not inside a longer run of slashes (a path, a fraction list), and not with dots (version numbers).
  assert.is(findDate("/a/05/26/22/b"), null);
  assert.is(findDate("1/25/26/3"), null);
  assert.is(findDate("v1.25.26"), null);
});
find("a clock time in an American zone after a numeric date puts the month first", () => {
  assert.is(findDate("9/8/2015 12:15 PM PT")?.date, "2015-09-08");
  assert.is(findDate("3/4/2024, 10:05 a.m. EDT")?.date, "2024-03-04");
  assert.is(findDate("3/4/24 at 9:00 am ET")?.date, "2024-03-04");
  // Any other time, or a zone far from the date, leaves it ambiguous.
  assert.is(findDate("9/8/2015 12:15 PM GMT")?.problem, "ambiguous");
  assert.is(findDate("9/8/2015 12:15")?.problem, "ambiguous");
});
find.run();
