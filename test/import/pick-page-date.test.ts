import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  type DeclaredDates,
  dateInAddress,
  dateNearHeadline,
  EDITION_DAYS,
  isEdition,
  labelledDate,
  numericOrder,
  originallyPublished,
  pickPageDate,
} from "../../src/import/pick-page-date.ts";

const HEADLINE = "Storm floods the old town";
const declared = (over: Partial<DeclaredDates> = {}): DeclaredDates => ({
  date: null,
  dateFrom: null,
  modified: null,
  url: null,
  ...over,
});

const pick = suite("pickPageDate");

pick("a stamp the markup confirms wins; else the declared publication", () => {
  const lines = ["Home", HEADLINE, "12 June 2023", "The story."];
  assert.equal(pickPageDate(lines, HEADLINE, declared({ date: "2023-06-12", dateFrom: "x" })), {
    date: "2023-06-12",
    from: "the date stamp by the headline",
  });
  assert.equal(pickPageDate(lines, HEADLINE, declared({ date: "2023-06-01", dateFrom: "JSON-LD x" })), {
    date: "2023-06-01",
    from: "the page's JSON-LD x",
  });
});

pick("a stamp of the modified day wins within a year of the publication, labelled or not", () => {
  const d = declared({ date: "2025-05-30", dateFrom: "x", modified: "2025-10-17" });
  assert.is(pickPageDate([HEADLINE, "17 October 2025"], HEADLINE, d)?.date, "2025-10-17");
  assert.is(pickPageDate([HEADLINE, "Updated 17 October 2025"], HEADLINE, d)?.date, "2025-10-17");
});

pick("a page re-dated more than a year after its publication keeps the declared publication", () => {
  const d = declared({ date: "2023-05-30", dateFrom: "x", modified: "2025-10-17" });
  assert.is(pickPageDate([HEADLINE, "17 October 2025"], HEADLINE, d)?.date, "2023-05-30");
  assert.is(pickPageDate([HEADLINE, "Updated 17 October 2025"], HEADLINE, d)?.date, "2023-05-30");
});

pick(
  "with no declared publication, a stamp of the modified day wins unless it calls itself an update",
  () => {
    const d = declared({ modified: "2025-10-17" });
    assert.equal(pickPageDate([HEADLINE, "17 October 2025"], HEADLINE, d), {
      date: "2025-10-17",
      from: "the date stamp by the headline",
    });
    const url = "https://news.example/2023/05/30/storm/";
    assert.is(
      pickPageDate([HEADLINE, "17 October 2025"], HEADLINE, declared({ modified: "2025-10-17", url }))?.date,
      "2025-10-17",
    );
    assert.is(
      pickPageDate([HEADLINE, "Updated 17 October 2025"], HEADLINE, declared({ modified: "2025-10-17", url }))
        ?.date,
      "2023-05-30",
    );
  },
);

pick("a short stamp wins over a day read only from a <time>; the h1 stands for a headline not shown", () => {
  const lines = ["Essential guide to the storm", "January 28, 2025", "Text."];
  const time = declared({ date: "2025-04-14", dateFrom: "time datetime" });
  assert.is(
    pickPageDate(lines, ["Storm guide: best practices", lines[0] as string], time)?.date,
    "2025-01-28",
  );
  assert.is(pickPageDate(lines, "Storm guide: best practices", time)?.date, "2025-04-14");
  const note =
    "Editor's note: this post was first published on October 7, 2008, and it still gives good tips.";
  assert.is(pickPageDate([HEADLINE, note], HEADLINE, time)?.date, "2025-04-14", "a sentence is no stamp");
  const meta = declared({ date: "2025-04-14", dateFrom: "article:published_time" });
  assert.is(pickPageDate(lines, lines[0] as string, meta)?.date, "2025-04-14");
});

pick("an earlier stamp wins over a declared publication that is also the declared modification", () => {
  const same = declared({ date: "2025-11-20", dateFrom: "x", modified: "2025-11-20" });
  assert.is(pickPageDate([HEADLINE, "May 14, 2025"], HEADLINE, same)?.date, "2025-05-14");
  const edited = declared({ date: "2025-11-20", dateFrom: "x", modified: "2025-12-01" });
  assert.is(pickPageDate([HEADLINE, "May 14, 2025"], HEADLINE, edited)?.date, "2025-11-20");
  assert.is(pickPageDate([HEADLINE, "December 14, 2025"], HEADLINE, same)?.date, "2025-11-20");
});

pick("a declared publication that is also the modification loses to an earlier 'Published' label", () => {
  const lines = [HEADLINE, "The story.", "Published August 13, 2025"];
  const same = declared({ date: "2025-11-29", dateFrom: "x", modified: "2025-11-29" });
  assert.is(pickPageDate(lines, HEADLINE, same)?.date, "2025-08-13");
  const edited = declared({ date: "2025-11-29", dateFrom: "x", modified: "2025-12-01" });
  assert.is(pickPageDate(lines, HEADLINE, edited)?.date, "2025-11-29");
});

pick("without markup: a note of the first publication, then a stamp unless it is an update", () => {
  const note = "This article was originally published on 26 Sep 2019 but has been updated since.";
  assert.is(pickPageDate([HEADLINE, "30 Sep 2022", "Text.", note], HEADLINE, declared())?.date, "2019-09-26");
  const history = [HEADLINE, "Last updated 12 Jan 2026", "Text.", "12 Jan 2026 | Latest version"];
  assert.is(
    pickPageDate([...history, "3 Sept 2024 | Originally published"], HEADLINE, declared())?.date,
    "2024-09-03",
  );
  assert.is(pickPageDate(history, HEADLINE, declared())?.date, "2026-01-12");
});

pick("without markup: the address's day before a stamp, then the stamp", () => {
  const lines = [HEADLINE, "Updated July 1, 2024", "The story."];
  const url = "https://news.example/article/2023/12/20/storm-floods/";
  assert.is(pickPageDate(lines, HEADLINE, declared({ url }))?.date, "2023-12-20");
  assert.is(pickPageDate(lines, HEADLINE, declared())?.date, "2024-07-01");
});

pick("far from the headline: a 'Published' stamp, then the text's date, then a 'Last updated' one", () => {
  const far = (...tail: string[]) => [HEADLINE, ...Array.from({ length: 30 }, () => "Paragraph."), ...tail];
  assert.equal(
    pickPageDate(
      far("Last updated on: November 29, 2025", "Published: October 29, 2024"),
      HEADLINE,
      declared(),
      "2025-11-29",
    ),
    {
      date: "2024-10-29",
      from: "the page's publication stamp",
    },
  );
  assert.is(
    pickPageDate(far("Last updated: November 13, 2025"), HEADLINE, declared(), "2020-01-02")?.date,
    "2020-01-02",
  );
  assert.equal(pickPageDate(far("Last updated: November 13, 2025"), HEADLINE, declared()), {
    date: "2025-11-13",
    from: "the page's last-updated stamp",
  });
  assert.is(pickPageDate(far("Nothing here"), HEADLINE, declared()), null);
});

const near = suite("dateNearHeadline");

near("the first full date below the headline, else just above it; long lines are not stamps", () => {
  assert.equal(dateNearHeadline(["Menu", HEADLINE, "By Jane Doe", "Mar 5, 2025 10:00"], HEADLINE), {
    date: "2025-03-05",
    line: "Mar 5, 2025 10:00",
  });
  assert.is(dateNearHeadline(["Dec 17, 2025 Julian Arni", HEADLINE, "Text."], HEADLINE)?.date, "2025-12-17");
  const long = `On 5 March 2025 ${"the council met again and said nothing new ".repeat(4)}`;
  assert.is(dateNearHeadline([HEADLINE, long], HEADLINE), null);
  assert.is(dateNearHeadline([HEADLINE, "Mar 5, 2025"], null), null);
  assert.is(dateNearHeadline(["Other", "Mar 5, 2025"], HEADLINE), null);
});

near(
  "of an update and a publication side by side, the declared one; an ambiguous day the declared reading",
  () => {
    const both = [HEADLINE, "July 13, 2024 October 10, 2020 by Rishabh Dev"];
    assert.is(dateNearHeadline(both, HEADLINE, "2020-10-10")?.date, "2020-10-10");
    assert.is(dateNearHeadline(both, HEADLINE)?.date, "2024-07-13");
    assert.is(
      dateNearHeadline([HEADLINE, "8/1/2025", "8/27/2025"], HEADLINE, "2025-08-01")?.date,
      "2025-08-01",
    );
    assert.is(dateNearHeadline([HEADLINE, "8/1/2025"], HEADLINE), null, "never guessed");
  },
);

near("an ambiguous day reads as the page's other numeric dates do", () => {
  assert.is(dateNearHeadline([HEADLINE, "8/1/2025", "Older: 8/27/2025"], HEADLINE)?.date, "2025-08-01");
  assert.is(dateNearHeadline([HEADLINE, "8/1/2025", "Older: 27/8/2025"], HEADLINE)?.date, "2025-01-08");
  const both = [HEADLINE, "8/1/2025", ...Array.from({ length: 20 }, () => "Text."), "27/8/2025", "8/27/2025"];
  assert.is(dateNearHeadline(both, HEADLINE), null, "a page that writes both ways tells nothing");
});

near("an ambiguous day, a day from the declared one in one reading only, is the page's own day", () => {
  // Declared 2025-12-10T23:00Z; the page shows the publisher's day, 11 December, as 12/11/25.
  assert.is(dateNearHeadline([HEADLINE, "12/11/25"], HEADLINE, "2025-12-10")?.date, "2025-12-11");
  assert.is(dateNearHeadline([HEADLINE, "11/12/2025"], HEADLINE, "2025-12-10")?.date, "2025-12-11");
  assert.is(
    pickPageDate([HEADLINE, "12/11/25"], HEADLINE, declared({ date: "2025-12-10" }))?.date,
    "2025-12-11",
  );
  // Far from the declared day either way: not read.
  assert.is(dateNearHeadline([HEADLINE, "3/4/25"], HEADLINE, "2025-12-10"), null);
});

const order = suite("numericOrder");

order("month first, day first, or null when no date shows it or dates disagree", () => {
  assert.is(numericOrder(["12/16/2025", "03/01/2017"]), "month first");
  assert.is(numericOrder(["16.12.2025"]), "day first");
  assert.is(numericOrder(["03/01/2017", "Version 1.2.3"]), null);
  assert.is(numericOrder(["12/16/2025", "16/12/2025"]), null);
});

const original = suite("originallyPublished");

original("the date right after 'originally published (on)', in any sentence", () => {
  const note = "This article was originally published on 26 Sep 2019 at 4:12pm but has been updated.";
  assert.is(originallyPublished(["Text.", note]), "2019-09-26");
  assert.is(originallyPublished(["First published March 3, 2021"]), "2021-03-03");
  assert.is(originallyPublished(["Originally published on The Conversation on May 2, 2024."]), null);
});

const address = suite("dateInAddress");

address("a day in the path: numeric, a month's name, or dashed; year and month alone are none", () => {
  assert.is(dateInAddress("https://x.example/article/2023/12/12/fried-free-speech/"), "2023-12-12");
  assert.is(dateInAddress("https://x.example/news/2023/dec/21/grinch"), "2023-12-21");
  assert.is(dateInAddress("https://x.example/blog/2023/october/03/wine-types/"), "2023-10-03");
  assert.is(dateInAddress("https://x.example/2020/3/19/21185093/ash"), "2020-03-19");
  assert.is(dateInAddress("https://x.example/blog/post/2026-01-26-rust-guide/view"), "2026-01-26");
  assert.is(dateInAddress("https://x.example/2023/12/tucker-carlson/"), null);
  assert.is(dateInAddress("https://x.example/2023/decor/12/x"), null, "not a month");
  assert.is(dateInAddress("https://x.example/2023/13/40/x"), null, "not a day");
  assert.is(dateInAddress("not a url"), null);
  assert.is(dateInAddress(null), null);
});

const labelled = suite("labelledDate");

labelled("a short line opening with the label, with the date on it or on the next line", () => {
  const label = /^published\b/i;
  assert.is(labelledDate(["Intro", "Published: October 29, 2024"], label), "2024-10-29");
  assert.is(labelledDate(["Published", "Feb 2, 2023", "Text"], label), "2023-02-02");
  assert.is(labelledDate(["• Published: October 29, 2024"], label), null, "a list item is another story's");
  assert.is(
    labelledDate(
      ["Published by the council in a long report about the floods, March 2, 2024 and more words"],
      label,
    ),
    null,
  );
  assert.is(labelledDate(["Published", "Read the full story"], label), null);
});

labelled("or a short line opening with the date and ending with the label", () => {
  const label = /^(?:originally )?published\b/i;
  assert.is(labelledDate(["3 Sept 2024 | Originally published"], label), "2024-09-03");
  assert.is(labelledDate(["3 Sept 2024, 10:05 · Published"], label), "2024-09-03");
  assert.is(labelledDate(["Jane Doe 3 Sept 2024 Published"], label), null, "the date must open the line");
});

pick.run();
near.run();
order.run();
original.run();
address.run();
labelled.run();

const edition = suite("isEdition");

edition("an edit within a year of the publication is an edition; later, a refresh", () => {
  assert.ok(isEdition("2023-10-09", "2023-01-17", "Updated: October 9, 2023 | 10:26 AM"));
  assert.ok(isEdition("2024-01-17", "2023-01-17", "January 17, 2024"), `${EDITION_DAYS} days`);
  assert.not.ok(isEdition("2024-01-18", "2023-01-17", "January 18, 2024"));
  assert.not.ok(isEdition("2026-01-01", "2022-05-10", "January 1, 2026"));
});

edition("with no declared publication, an unlabelled stamp only", () => {
  assert.ok(isEdition("2026-01-01", null, "January 1, 2026"));
  assert.not.ok(isEdition("2026-01-01", null, "Last updated on January 1, 2026"));
});

edition.run();
