import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  controlCharacterIn,
  controlCharacterInText,
  isBareAddress,
  isLoopbackHost,
  mailboxProblem,
  urlProblem,
} from "../../src/config/header-values.ts";

const control = suite("controlCharacterIn");
control("names CR, LF, tab, NUL, DEL, C1 and the line separators; plain text passes", () => {
  assert.is(controlCharacterIn("a\r\nBcc: x@y.z"), "U+000D (carriage return)");
  assert.is(controlCharacterIn("a\nb"), "U+000A (line feed)");
  assert.is(controlCharacterIn("a\tb"), "U+0009 (tab)");
  assert.is(controlCharacterIn("a\u0000"), "U+0000 (NUL)");
  assert.is(controlCharacterIn("a\u007f"), "U+007F (DEL)");
  assert.is(controlCharacterIn("a\u0085"), "U+0085");
  assert.is(controlCharacterIn("a\u2028"), "U+2028 (line separator)");
  assert.is(controlCharacterIn("Gaz\u202eette"), "U+202E (right-to-left override)");
  assert.is(controlCharacterIn("Gaz\u2066ette"), "U+2066 (left-to-right isolate)");
  assert.is(controlCharacterIn("Gazette \u05d2\u05d6\u05d8"), null, "right-to-left letters are fine");
  assert.is(controlCharacterIn("Ça va, «Gazette» <a@b.org>"), null);
});
control.run();

const text = suite("controlCharacterInText");
text("allows line feeds and tabs, not the rest", () => {
  assert.is(controlCharacterInText("1 Street\n\tLondon"), null);
  assert.is(controlCharacterInText("1 Street\r\nLondon"), "U+000D (carriage return)");
  assert.is(controlCharacterInText("a\u001b[31m"), "U+001B");
});
text.run();

const bare = suite("isBareAddress");
bare("one address, nothing around it", () => {
  assert.ok(isBareAddress("unsubscribe@news.example.org"));
  for (const bad of [
    "a@b",
    "a@@b.org",
    "a b@c.org",
    "a@b.org>",
    "a@b.org,c@d.org",
    "a..b@c.org",
    "a@b.org?x",
  ])
    assert.not.ok(isBareAddress(bad), bad);
});
bare.run();

const mailbox = suite("mailboxProblem");
mailbox("exactly one mailbox", () => {
  assert.is(mailboxProblem("Gazette <digest@gazette.example.org>"), null);
  assert.is(mailboxProblem('"Gazette, Daily" <digest@gazette.example.org>'), null);
  assert.is(mailboxProblem("editor@gazette.example.org"), null);
  assert.is(mailboxProblem("a@b.org, c@d.org"), "holds 2 addresses (expected exactly one)");
  assert.is(mailboxProblem("Friends: a@b.org;"), "is an address group (expected exactly one mailbox)");
  assert.is(mailboxProblem("Gazette"), "is not an email address");
  assert.is(
    mailboxProblem("a@b.org <c@d.org>"),
    "has an address where the name should be (expected one mailbox)",
  );
  assert.is(mailboxProblem(""), "is empty");
});
mailbox.run();

const url = suite("urlProblem");
url("a URL must be what the parser reads, placeholders included", () => {
  assert.is(urlProblem("https://example.org/u?email={email}&token={token}"), null);
  assert.is(urlProblem("https://example.org/u/{email}/{token}"), null);
  assert.is(
    urlProblem("https://example.org/u?e=1\r\n"),
    "holds the control character U+000D (carriage return)",
  );
  assert.is(urlProblem("https://exa\tmple.org/"), "holds the control character U+0009 (tab)");
  assert.is(urlProblem("https://example.org/a b"), "holds a space (expected %20)");
  assert.is(
    urlProblem("https://EXAMPLE.org/u?e={email}"),
    'is read by the URL parser as "https://example.org/u?e={email}" (write it exactly that way)',
  );
  assert.is(
    urlProblem("https://example.org"),
    'is read by the URL parser as "https://example.org/" (write it exactly that way)',
  );
  assert.is(urlProblem("https://example.org", true), null);
  assert.is(urlProblem("https://"), "is not a valid URL (expected https://host/path/)");
});
url.run();

const loopback = suite("isLoopbackHost");
loopback("localhost, 127/8 and ::1 only", () => {
  for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]"]) assert.ok(isLoopbackHost(h), h);
  for (const h of ["example.org", "10.0.0.1", "127.0.0.1.example.org", "localhost.example.org"])
    assert.not.ok(isLoopbackHost(h), h);
});
loopback.run();
