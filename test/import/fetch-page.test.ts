import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fetchPage } from "../../scripts/import/fetch-page.ts";
import { printable } from "../../src/shared/diagnostic.ts";

const PAGE = "<!doctype html><html><head><title>Café</title></head><body><p>Café crème</p></body></html>";

const fetching = suite("fetchPage");
let server: Server;
let base = "";
fetching.before(async () => {
  server = createServer((req, res) => {
    if (req.url === "/gzip") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
      res.end(gzipSync(PAGE));
    } else if (req.url === "/latin1") {
      // The charset is only in the header: the page itself declares none.
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from(PAGE, "latin1"));
    } else if (req.url === "/stream") {
      // No Content-Length: the limit must hold while reading.
      res.writeHead(200, { "content-type": "text/html" });
      res.write(Buffer.alloc(64 * 1024, 97));
      res.end(Buffer.alloc(64 * 1024, 97));
    } else if (req.url === "/silent") {
      // Never answers; the test's timeout must end the fetch.
    } else if (req.url === "/trickle") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body>");
    } else if (req.url === "/empty") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end();
    } else if (req.url === "/to-file") {
      res.writeHead(302, { location: "file:///etc/passwd" });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
fetching.after(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

fetching("a gzip-encoded page is decoded; a charset only in the header is used", async () => {
  for (const route of ["/gzip", "/latin1"]) {
    const page = await fetchPage(`${base}${route}`);
    assert.ok("html" in page, route);
    if ("html" in page) assert.match(page.html, /Café crème/, route);
  }
});

fetching("a page over the size limit is refused while it streams", async () => {
  const page = await fetchPage(`${base}/stream`, { maxBytes: 100_000 });
  assert.equal(page, { error: `${base}/stream: the page is larger than 100000 bytes` });
});

fetching("a server that never answers, or stops mid-page, is given up on after the timeout", async () => {
  for (const route of ["/silent", "/trickle"]) {
    const started = Date.now();
    const page = await fetchPage(`${base}${route}`, { timeoutMs: 300 });
    assert.equal(page, { error: `${base}${route}: no answer within 300 ms` });
    assert.ok(Date.now() - started < 3000, route);
  }
});

fetching("an empty page is an error, like an empty file", async () => {
  assert.equal(await fetchPage(`${base}/empty`), { error: `${base}/empty: the server sent an empty page` });
});

fetching("a redirect to another scheme is not followed", async () => {
  assert.equal(await fetchPage(`${base}/to-file`), {
    error: "file:///etc/passwd: only http and https addresses are fetched",
  });
});

fetching(
  "an address holding a line break, tab or control character is refused, not fetched as another",
  async () => {
    let asked = 0;
    const count = (): void => void asked++;
    server.on("request", count);
    for (const [address, shown] of <Array<[string, string]>>[
      [`${base}/gz\nip`, `${base}/gz<U+000A>ip`],
      [`${base}/\tgzip`, `${base}/<U+0009>gzip`],
      [`${base}/gzip\u001b[2J`, `${base}/gzip<U+001B>[2J`],
      [`${base}/g zip`, `${base}/g zip`],
    ]) {
      const page = await fetchPage(address);
      assert.ok("error" in page, address);
      if ("error" in page) {
        assert.ok(page.error.startsWith(`--url "${shown}" is not an address`), page.error);
        assert.is(printable(page.error), page.error);
      }
    }
    server.off("request", count);
    assert.is(asked, 0);
    // Space around a pasted address is no part of it.
    assert.ok("html" in (await fetchPage(`  ${base}/gzip\n`)));
  },
);

fetching.run();
