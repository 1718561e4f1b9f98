import { suite } from "uvu";
import * as assert from "uvu/assert";
import { rememberByText } from "../../src/import/remember-by-text.ts";

const test = suite("rememberByText");

test("reads each line once and gives the same answer again", () => {
  const asked: string[] = [];
  const length = rememberByText((text) => {
    asked.push(text);
    return { n: text.length };
  });
  const first = length("a line");
  assert.is(length("a line"), first, "the remembered answer itself");
  assert.equal(length("another"), { n: 7 });
  assert.equal(asked, ["a line", "another"]);
});

test("a long text is read every time (it is not kept)", () => {
  let reads = 0;
  const read = rememberByText(() => ++reads);
  const long = "x".repeat(5000);
  read(long);
  read(long);
  assert.is(reads, 2);
});

test.run();
