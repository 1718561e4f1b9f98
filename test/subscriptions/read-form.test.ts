import { Hono } from "hono";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseUrlencoded, readForm } from "../../src/subscriptions/read-form.ts";

const parse = suite("parseUrlencoded");
parse("decodes names and values; a repeated name is an array in order", () => {
  assert.equal(parseUrlencoded("email=a%2Bb%40example.org&name=Ann+Lee&topics=iran&topics=oil&empty="), {
    email: "a+b@example.org",
    name: "Ann Lee",
    topics: ["iran", "oil"],
    empty: "",
  });
  assert.equal(parseUrlencoded(""), {});
});
parse.run();

/** A Hono app that answers with what readForm read (without Node's request: the web Request path). */
function echo(maxBytes: number) {
  const app = new Hono();
  app.post("/", async (c) => c.json(await readForm(c, maxBytes)));
  return app;
}

const read = suite("readForm");
read("urlencoded and multipart bodies give the same fields", async () => {
  const app = echo(1024);
  const urlencoded = await app.request("/", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click&t=1&t=2",
  });
  const multipart = new FormData();
  multipart.append("List-Unsubscribe", "One-Click");
  multipart.append("t", "1");
  multipart.append("t", "2");
  const fromMultipart = await app.request("/", { method: "POST", body: multipart });
  const expected = { ok: true, fields: { "List-Unsubscribe": "One-Click", t: ["1", "2"] } };
  assert.equal(await urlencoded.json(), expected);
  assert.equal(await fromMultipart.json(), expected);
});
read("a body over the limit is refused, declared or not", async () => {
  const app = echo(10);
  const declared = await app.request("/", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "11" },
    body: "email=12345",
  });
  assert.equal(await declared.json(), { ok: false, reason: "too-large" });
  const undeclared = await app.request("/", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "email=123456789",
  });
  assert.equal(await undeclared.json(), { ok: false, reason: "too-large" });
  const multipart = new FormData();
  multipart.append("email", "123456789");
  assert.equal(await (await app.request("/", { method: "POST", body: multipart })).json(), {
    ok: false,
    reason: "too-large",
  });
});
read.run();
