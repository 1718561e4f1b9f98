// Dates in the site's time zone, whatever TZ the machine has: `npm test` runs this file under
// Pacific/Kiritimati (UTC+14) and again under Pacific/Pago_Pago (UTC−11).
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseArticle } from "../../src/articles/parse-article.ts";
import { articleUrl } from "../../src/articles/urls.ts";
import { dayKey, formatDay, formatLongDay, isoInZone, parseDateValue } from "../../src/shared/dates.ts";
import { groupByDay } from "../../src/site/group-by-day.ts";
import { makeArticle } from "../factories.ts";

const TEHRAN = "Asia/Tehran";

const parse = suite("parseDateValue");

parse("a date without a time is the start of that day in the site's zone", () => {
  const result = parseDateValue("2019-01-31", TEHRAN);
  assert.ok(result.ok);
  if (result.ok) assert.is(result.date.toISOString(), "2019-01-30T20:30:00.000Z");
});

parse("a date-time without a zone is in the site's zone; with an offset it keeps it", () => {
  const local = parseDateValue("2019-01-31T09:30", TEHRAN);
  const offset = parseDateValue("2019-01-31T09:30:00+01:00", TEHRAN);
  const utc = parseDateValue("2019-01-31T09:30:00Z", TEHRAN);
  assert.is(local.ok && local.date.toISOString(), "2019-01-31T06:00:00.000Z");
  assert.is(offset.ok && offset.date.toISOString(), "2019-01-31T08:30:00.000Z");
  assert.is(utc.ok && utc.date.toISOString(), "2019-01-31T09:30:00.000Z");
});

parse("rejects day-first dates and impossible days, saying what is expected", () => {
  const slash = parseDateValue("31/01/2019", TEHRAN);
  assert.not.ok(slash.ok);
  if (!slash.ok) assert.match(slash.expected, "expected YYYY-MM-DD");
  const feb30 = parseDateValue("2019-02-30", TEHRAN);
  assert.not.ok(feb30.ok);
});

parse("gives luxon's instant for every form, across zones, centuries and transitions", () => {
  // What parseDateValue read through luxon alone before its quick path: the reference.
  const luxon = (text: string, zone: string): number | null => {
    const parsed = DateTime.fromISO(text.replace(" ", "T"), { zone, setZone: false });
    return parsed.isValid ? parsed.toMillis() : null;
  };
  const zones = [
    "Europe/London",
    "Asia/Tehran",
    "America/Sao_Paulo", // DST began at midnight: a day without 00:00
    "America/Havana",
    "Asia/Beirut", // DST ended at midnight: a repeated hour before it
    "Australia/Lord_Howe", // half-hour DST
    "Pacific/Apia", // skipped 30 December 2011
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Africa/Casablanca",
    "Europe/Dublin", // negative DST
    "Antarctica/Troll",
    "UTC",
    "Etc/GMT+5",
  ];
  let state = 20261201;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
  const two = (n: number): string => String(n).padStart(2, "0");
  const texts: string[] = [];
  for (let i = 0; i < 1500; i++) {
    // Mostly ordinary days, some impossible ones, and years from local mean time to far ahead.
    const year = [1850, 1910, 1970, 1995, 2011, 2019, 2024, 2100, 9999][next(9)] as number;
    const day = `${year + (year < 9999 ? next(3) : 0)}-${two(1 + next(12))}-${two(1 + next(31))}`;
    const time = `${two(next(25))}:${two(next(60))}`;
    const forms = [
      day,
      `${day}T${time}`,
      `${day} ${time}:${two(next(61))}`,
      `${day}T${time}:05.250`,
      `${day}T${time}:00Z`,
      `${day}T${time}:00+${two(next(16))}:${two(next(60))}`,
      `${day}T${time}-0${next(10)}30`,
    ];
    texts.push(forms[next(forms.length)] as string);
  }
  // Every hour of days around transitions: 2011's skipped day in Apia, DST starts and ends.
  for (const start of ["2011-12-28", "2018-11-02", "2019-03-29", "2019-10-25", "2010-03-26", "2016-10-28"]) {
    const base = Date.parse(`${start}T00:00:00Z`);
    for (let hour = 0; hour < 96; hour++) {
      const at = new Date(base + hour * 3_600_000).toISOString();
      texts.push(at.slice(0, 10), `${at.slice(0, 13)}:30`, `${at.slice(0, 16)}`);
    }
  }
  let compared = 0;
  for (const zone of zones)
    for (const text of zone === "Europe/London"
      ? texts
      : texts.filter((_, i) => i % 4 === zones.indexOf(zone) % 4)) {
      const result = parseDateValue(text, zone);
      assert.is(result.ok ? result.date.getTime() : null, luxon(text, zone), `${text} in ${zone}`);
      compared++;
    }
  assert.ok(compared > 10_000);
});

parse.run();

const inZone = suite("dates in the site's zone");

inZone("an article dated 2019-01-31 in Asia/Tehran is the 31st on its page and in its URL", () => {
  const { article } = parseArticle(
    { file: "articles/x.md", name: "2019-01-31-x.md", text: "---\ntitle: X\ndate: 2019-01-31\n---\nBody.\n" },
    { timeZone: TEHRAN },
  );
  assert.ok(article);
  if (!article) return;
  assert.is(article.url, "/2019/01/x/");
  assert.is(dayKey(article.date, TEHRAN), "2019-01-31");
  assert.is(isoInZone(article.date, TEHRAN), "2019-01-31T00:00:00+03:30");
  assert.is(formatDay(article.date, TEHRAN, "en-GB"), "31 January 2019");
  assert.is(formatLongDay(article.date, TEHRAN, "en-GB"), "Thursday, 31 January 2019");
});

inZone("the month in the URL is the site's month near midnight", () => {
  // 1 February 00:30 in Kiritimati (UTC+14) is still 31 January in UTC and in Pago Pago.
  const instant = new Date("2019-01-31T10:30:00Z");
  assert.is(articleUrl("x", instant, "Pacific/Kiritimati"), "/2019/02/x/");
  assert.is(articleUrl("x", instant, "Pacific/Pago_Pago"), "/2019/01/x/");
  assert.is(dayKey(instant, "Pacific/Kiritimati"), "2019-02-01");
  assert.is(dayKey(instant, "Pacific/Pago_Pago"), "2019-01-30");
});

inZone("grouping by day follows the site's zone, not the machine's", () => {
  const late = makeArticle({ slug: "late", date: new Date("2019-01-30T21:00:00Z"), timeZone: TEHRAN });
  const early = makeArticle({ slug: "early", date: new Date("2019-01-30T20:00:00Z"), timeZone: TEHRAN });
  const groups = groupByDay([late, early], TEHRAN);
  assert.equal(
    groups.map((g) => [g.day, g.articles.map((a) => a.slug)]),
    [
      ["2019-01-31", ["late"]],
      ["2019-01-30", ["early"]],
    ],
  );
});

inZone(
  "dayKey and isoInZone write what luxon writes, across zones, centuries, transitions and milliseconds",
  () => {
    const zones = [
      "Europe/London",
      "Asia/Tehran",
      "Asia/Kolkata",
      "Asia/Kathmandu",
      "Pacific/Chatham",
      "America/St_Johns",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Australia/Lord_Howe",
      "Europe/Amsterdam",
      "Africa/Monrovia",
      "Etc/GMT+5",
      "Etc/UTC",
      "UTC",
    ];
    let state = 42;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const instants = [
      ...Array.from({ length: 400 }, () => Math.floor(-2_500_000_000_000 + next() * 5_200_000_000_000)),
      Date.UTC(2019, 2, 31, 0, 59, 59, 999),
      Date.UTC(2019, 2, 31, 1, 0, 0, 0),
      Date.UTC(2019, 9, 27, 0, 30, 0, 5),
      Date.UTC(1000, 0, 1),
      Date.UTC(999, 11, 31, 23, 59, 59),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      -1,
      0,
    ];
    for (const zone of zones)
      for (const ms of instants) {
        const date = new Date(ms);
        const luxon = DateTime.fromJSDate(date, { zone });
        assert.is(isoInZone(date, zone), luxon.toISO({ suppressMilliseconds: true }) ?? "", `${zone} ${ms}`);
        assert.is(dayKey(date, zone), luxon.toISODate() ?? "", `${zone} ${ms} day`);
      }
  },
);

inZone.run();
