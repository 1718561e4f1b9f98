import { suite } from "uvu";
import * as assert from "uvu/assert";
import { firstText, readName, readTopics } from "../../src/subscriptions/form-fields.ts";

const first = suite("firstText");
first("the first text value, or empty", () => {
  assert.is(firstText(["a", "b"]), "a");
  assert.is(firstText("x"), "x");
  assert.is(firstText(undefined), "");
  assert.is(firstText(new File(["x"], "f.txt")), "");
});

const name = suite("readName");
name("collapses control characters and spaces, trims, cuts at 100; empty is null", () => {
  assert.is(readName("  Jane \r\n Bcc: x@y.org\u0000 "), "Jane Bcc: x@y.org");
  assert.is(readName("\u202eevil"), "evil");
  assert.is(readName("   "), null);
  assert.is(readName(undefined), null);
  assert.is(readName("x".repeat(300))?.length, 100);
});

const topics = suite("readTopics");
topics("every value, split at commas, slugged, unique, at most 20", () => {
  assert.equal(readTopics(["Iran, Oil", "  ÉNERGIE  ", "oil"]), ["iran", "oil", "énergie"]);
  assert.equal(readTopics("<script>alert(1)</script>"), ["script-alert-1-script"]);
  assert.equal(readTopics(undefined), []);
  assert.is(readTopics(Array.from({ length: 30 }, (_, i) => `t${i}`).join(",")).length, 20);
  assert.ok(readTopics("x".repeat(100))[0]?.length === 40);
});

first.run();
name.run();
topics.run();
