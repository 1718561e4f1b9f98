import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isUpdateDate, publishedDateIn } from "../../src/import/date-labels.ts";
import { findDate } from "../../src/import/parse-date.ts";

const published = suite("publishedDateIn");
published("the date right after a publication label, wherever it stands on the line", () => {
  assert.is(
    publishedDateIn("Updated Dec. 23, 2023 4:04AM EST / Published Dec. 22, 2023 12:16PM EST")?.date,
    "2023-12-22",
  );
  assert.is(
    publishedDateIn("Jane Doe · The Paper · Posted: Dec 22, 2023 8:25 AM EST | Last Updated: January 2")
      ?.date,
    "2023-12-22",
  );
  assert.is(publishedDateIn("First Published: Dec. 18, 2023 at 4:12 p.m. ET")?.date, "2023-12-18");
  assert.is(publishedDateIn("Published on 3 March 2024")?.date, "2024-03-03");
});
published("no label, or a label with no date right after it", () => {
  assert.is(publishedDateIn("Updated Dec. 23, 2023"), null);
  assert.is(publishedDateIn("The study was published in a journal on Dec. 23, 2023"), null);
  assert.is(publishedDateIn("Published by the city council"), null);
});
published.run();

const update = suite("isUpdateDate");
const labelledUpdate = (text: string): boolean => {
  const found = findDate(text);
  if (!found) throw new Error(`no date in ${text}`);
  return isUpdateDate(text, found);
};
update("a date labelled as an edit", () => {
  assert.ok(labelledUpdate("Last Updated: Dec. 23, 2023 at 6:33 a.m. ET"));
  assert.ok(labelledUpdate("Page last modified Jan. 17, 2025"));
  assert.not.ok(labelledUpdate("Published Dec. 22, 2023"));
  assert.not.ok(labelledUpdate("Dec. 22, 2023, updated at noon"));
});
update.run();
