import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pingHub } from "../../src/websub/ping-hub.ts";
import { startLocalHub } from "./local-hub.ts";

const ping = suite("pingHub");

ping("posts a form-encoded publish notification for the topic", async () => {
  const hub = await startLocalHub(204);
  try {
    const result = await pingHub(hub.url, "https://example.org/tags/a&b/atom.xml");
    assert.equal(result, {
      url: "https://example.org/tags/a&b/atom.xml",
      ok: true,
      status: 204,
      message: "",
    });
    assert.is(hub.requests.length, 1);
    assert.is(hub.requests[0]?.method, "POST");
    assert.is(hub.requests[0]?.contentType, "application/x-www-form-urlencoded");
    assert.equal(hub.requests[0]?.form, {
      "hub.mode": "publish",
      "hub.url": "https://example.org/tags/a&b/atom.xml",
    });
  } finally {
    await hub.close();
  }
});

ping("an error answer or no answer is a failure that says why", async () => {
  const hub = await startLocalHub(500);
  const url = hub.url;
  try {
    const result = await pingHub(url, "https://example.org/feed.xml");
    assert.is(result.ok, false);
    assert.is(result.status, 500);
    assert.is(result.message, "the hub answered 500");
  } finally {
    await hub.close();
  }
  // The hub is gone: the port refuses.
  const refused = await pingHub(url, "https://example.org/feed.xml", { timeoutMs: 2000 });
  assert.is(refused.ok, false);
  assert.is(refused.status, 0);
  assert.match(refused.message, /^the hub could not be reached \(/);
});

ping.run();
