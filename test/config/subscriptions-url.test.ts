import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseConfig } from "../../src/config/parse-config.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";

const config = (...extra: string[]) =>
  ["title: Gazette", "url: https://example.org/", "newsletter:", "  postal_address: 1 Street", ...extra].join(
    "\n",
  );

const test = suite("parseConfig: subscriptions.url");

test("sets the form's action and every unsubscribe link (no unsubscribe_url needed)", () => {
  const { config: c, diagnostics } = parseConfig(
    config("subscriptions:", "  url: https://example.org/subscriptions"),
    "c.yaml",
  );
  assert.equal(diagnostics, []);
  assert.is(c?.subscriptions.url, "https://example.org/subscriptions/");
  assert.is(c?.subscribeFormAction, "https://example.org/subscriptions/subscribe");
  assert.is(
    c?.newsletter.unsubscribeUrl,
    "https://example.org/subscriptions/unsubscribe?email={email}&token={token}",
  );
});

test("hand-written addresses beside it are ignored with a warning naming their line", () => {
  const { config: c, diagnostics } = parseConfig(
    [
      "title: Gazette",
      "url: https://example.org/",
      "subscribe_form_action: https://old.example.org/form",
      "newsletter:",
      "  postal_address: 1 Street",
      "  unsubscribe_url: https://old.example.org/u?e={email}&t={token}",
      "subscriptions:",
      "  url: https://example.org/s/",
      "  urll: x",
    ].join("\n"),
    "c.yaml",
  );
  assert.is(c?.subscribeFormAction, "https://example.org/s/subscribe");
  assert.equal(diagnostics.map(formatDiagnostic), [
    'c.yaml:9 warning config/unknown-key: unknown key "subscriptions.urll" (did you mean "url"?)',
    "c.yaml:3 warning config/overridden: subscribe_form_action is ignored: subscriptions.url decides it (https://example.org/s/subscribe)",
    "c.yaml:6 warning config/overridden: newsletter.unsubscribe_url is ignored: subscriptions.url decides it (https://example.org/s/unsubscribe?email={email}&token={token})",
  ]);
});

test("a bad address is an error naming the line; http only for this machine", () => {
  for (const [url, message] of [
    ["example.org/s/", "has no scheme"],
    ["ftp://example.org/s/", "is not a web address"],
    ["http://example.org/s/", "is not https"],
    ["https://example.org/s/?a=1", "has a query or fragment"],
  ]) {
    const { config: c, diagnostics } = parseConfig(config("subscriptions:", `  url: ${url}`), "c.yaml");
    assert.is(c, null, url);
    assert.match(
      diagnostics.map(formatDiagnostic).join("\n"),
      `c.yaml:6 error config/subscriptions-url: url "`,
      url,
    );
    assert.match(diagnostics.map(formatDiagnostic).join("\n"), message as string, url);
  }
  const local = parseConfig(config("subscriptions:", "  url: http://127.0.0.1:8787/"), "c.yaml");
  assert.is(local.config?.subscriptions.url, "http://127.0.0.1:8787/");
});

test("without it nothing changes", () => {
  const { config: c } = parseConfig(config("  unsubscribe_mailto: u@example.org"), "c.yaml");
  assert.is(c?.subscriptions.url, null);
  assert.is(c?.subscribeFormAction, null);
  assert.is(c?.newsletter.unsubscribeUrl, null);
});

test.run();
