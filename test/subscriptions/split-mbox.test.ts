import { suite } from "uvu";
import * as assert from "uvu/assert";
import { splitMbox } from "../../src/subscriptions/split-mbox.ts";

const test = suite("splitMbox");
test("a message per From line after a blank line; >From unquoted one level", () => {
  const text =
    "From a@x Tue\nSubject: one\n\nbody\n>From me\n>>From you\nFrom inside a line stays\n\nFrom b@y Wed\r\nSubject: two\r\n\r\nbody two\r\n";
  const messages = splitMbox(text);
  assert.is(messages.length, 2);
  assert.equal(
    messages.map((m) => m.line),
    [1, 9],
  );
  assert.match(messages[0]?.raw ?? "", "From me\n>From you\nFrom inside a line stays");
  assert.match(messages[1]?.raw ?? "", "Subject: two\n\nbody two");
  assert.equal(splitMbox("not an mbox"), []);
});
test.run();
