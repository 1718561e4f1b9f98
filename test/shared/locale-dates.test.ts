import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatDay, formatLongDay, formatMonth } from "../../src/shared/dates.ts";

const formats = suite("formatDay, formatLongDay and formatMonth");

const ZONES = [
  "UTC",
  "Europe/London",
  "Asia/Tehran",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "America/St_Johns",
];
const LOCALES = ["en-GB", "en-US", "fa-IR", "ar-EG", "de-DE", "ja-JP", "he"];

formats("give what luxon gives, in every zone and locale, across days, midnights and years", () => {
  let checked = 0;
  for (const zone of ZONES)
    for (const locale of LOCALES)
      for (let i = 0; i < 60; i++) {
        // Instants around local midnights and month ends, from 1999 to 2030.
        const date = new Date(
          Date.UTC(1999 + (i % 32), i % 12, 1 + ((i * 7) % 28), (i * 5) % 24, (i * 13) % 60),
        );
        const local = DateTime.fromJSDate(date, { zone }).setLocale(locale);
        assert.is(
          formatLongDay(date, zone, locale),
          local.toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" }),
        );
        assert.is(
          formatDay(date, zone, locale),
          local.toLocaleString({ day: "numeric", month: "long", year: "numeric" }),
        );
        const month = DateTime.fromObject({ year: local.year, month: local.month, day: 1 }, { zone })
          .setLocale(locale)
          .toLocaleString({ month: "long", year: "numeric" });
        assert.is(formatMonth(local.year, local.month, zone, locale), month);
        checked++;
      }
  assert.is(checked, ZONES.length * LOCALES.length * 60);
});

formats.run();
