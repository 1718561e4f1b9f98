import { suite } from "uvu";
import * as assert from "uvu/assert";
import { servePreview } from "../../../src/newsletter/preview/serve-preview.ts";

const serve = suite("servePreview");

serve("serves the page at /, each file by name, 404 for anything else, on 127.0.0.1", async () => {
  const files = new Map<string, string | Buffer>([
    ["index.html", "<p>page</p>"],
    ["email.txt", "text"],
  ]);
  const server = await servePreview(files, { host: "127.0.0.1", port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    assert.equal(
      [page.status, page.headers.get("content-type"), await page.text()],
      [200, "text/html; charset=utf-8", "<p>page</p>"],
    );
    const text = await fetch(`${server.url}email.txt`);
    assert.equal(
      [text.headers.get("content-type"), await text.text()],
      ["text/plain; charset=utf-8", "text"],
    );
    for (const missing of ["nope.html", "../package.json", "%2e%2e/package.json"]) {
      const r = await fetch(`${server.url}${missing}`);
      assert.is(r.status, 404, missing);
      await r.text();
    }
    const post = await fetch(server.url, { method: "POST" });
    assert.is(post.status, 405);
    await post.text();
  } finally {
    await server.close();
  }
});

serve.run();
