import { suite } from "uvu";
import * as assert from "uvu/assert";
import { glanceDate } from "../../src/articles/glance-date.ts";

const glance = suite("glanceDate");
const ZONE = "Europe/London";
const file = (frontMatter: string) => `---\ntitle: X\n${frontMatter}\n---\nBody.\n`;

glance("reads a plain, quoted or commented date line", () => {
  assert.is(glanceDate(file("date: 2019-01-31"), ZONE)?.toISOString(), "2019-01-31T00:00:00.000Z");
  assert.is(glanceDate(file('date: "2019-07-01"'), ZONE)?.toISOString(), "2019-06-30T23:00:00.000Z");
  assert.is(
    glanceDate(file("date: 2019-01-31T09:30:00+01:00 # morning"), ZONE)?.toISOString(),
    "2019-01-31T08:30:00.000Z",
  );
});

glance("gives up whenever there is doubt, so the file is parsed fully", () => {
  assert.is(glanceDate(file("date: 31/01/2019"), ZONE), null, "not an ISO date");
  assert.is(glanceDate(file("date: 2019-01-31\ndate: 2020-01-01"), ZONE), null, "two date lines");
  assert.is(glanceDate(file("  date: 2019-01-31"), ZONE), null, "indented: not the top-level key");
  assert.is(glanceDate(file("date: >-\n  2019-01-31"), ZONE), null, "a block scalar");
  assert.is(glanceDate("no front matter", ZONE), null);
});

glance.run();
