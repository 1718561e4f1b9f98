import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseConfig } from "../../src/config/parse-config.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";

const BASE = [
  "title: Gazette",
  "url: https://example.org/",
  "time_zone: Asia/Tehran",
  "newsletter:",
  "  unsubscribe_url: https://example.org/u?e={email}&t={token}",
  "  postal_address: 1 Street",
].join("\n");

const lines = (text: string): string[] =>
  parseConfig(text, "gazette.config.yaml").diagnostics.map(formatDiagnostic);

const parse = suite("parseConfig");

parse("the shipped configuration is valid", () => {
  const { config, diagnostics } = parseConfig(
    readFileSync("gazette.config.yaml", "utf8"),
    "gazette.config.yaml",
  );
  assert.equal(diagnostics, []);
  assert.is(config?.url, "https://gazette.example.org/");
  assert.is(config?.pathPrefix, "/");
});

parse("fills defaults and takes the path prefix from the URL", () => {
  const { config } = parseConfig(
    BASE.replace("https://example.org/", "https://example.org/digest"),
    "c.yaml",
  );
  assert.is(config?.url, "https://example.org/digest/");
  assert.is(config?.pathPrefix, "/digest/");
  assert.is(config?.perPage, 20);
  assert.is(config?.feedLimit, 50);
  assert.is(config?.language, "en");
  assert.is(config?.newsletter.limit, 20);
});

parse("an override URL replaces the file's", () => {
  const { config } = parseConfig(BASE, "c.yaml", { url: "https://other.org/news/" });
  assert.is(config?.pathPrefix, "/news/");
});

parse("a URL without a scheme, an unknown zone, a bad language, a bad number", () => {
  const text = BASE.replace("https://example.org/", "example.org")
    .replace("Asia/Tehran", "Mars/Olympus")
    .concat("\nlanguage: English\nper_page: 0\n");
  assert.equal(lines(text), [
    'gazette.config.yaml:2 error config/url: url "example.org" has no scheme (expected https://…)',
    'gazette.config.yaml:7 error config/language: language "English" is not a language tag (expected e.g. en or en-GB)',
    'gazette.config.yaml:3 error config/time-zone: time_zone "Mars/Olympus" is not a known time zone (expected an IANA name such as Europe/London)',
    "gazette.config.yaml:8 error config/per-page: per_page is 0 (expected a whole number of at least 1)",
  ]);
});

parse("unknown keys are warnings with a suggestion", () => {
  assert.equal(lines(`${BASE}\ntimezone: UTC\n`), [
    'gazette.config.yaml:7 warning config/unknown-key: unknown key "timezone" (did you mean "time_zone"?)',
  ]);
});

parse("a missing title and no way to unsubscribe are errors", () => {
  const text = BASE.replace("title: Gazette\n", "").replace(/\n {2}unsubscribe_url: [^\n]*/, "");
  assert.equal(lines(text), [
    "gazette.config.yaml error config/title: title is missing (expected text)",
    "gazette.config.yaml:3 error config/newsletter: newsletter has no unsubscribe_url and no unsubscribe_mailto (bulk email needs a way to unsubscribe: set one)",
  ]);
});

const FULL = [
  "title: Gazette",
  "publisher: Gazette Ltd",
  "url: https://example.org/",
  "newsletter:",
  "  from: Gazette <digest@example.org>",
  "  reply_to: editor@example.org",
  "  unsubscribe_url: https://example.org/u?e={email}&t={token}",
  "  unsubscribe_mailto: unsubscribe@example.org",
  "  postal_address: 1 Street",
].join("\n");

parse("CR, LF or another control character in any header-bound key is an error at its line", () => {
  assert.equal(lines(FULL), []);
  const keys: [string, string, number][] = [
    ["title", "Gazette", 1],
    ["publisher", "Gazette Ltd", 2],
    ["url", "https://example.org/", 3],
    ["newsletter.from", "Gazette <digest@example.org>", 5],
    ["newsletter.reply_to", "editor@example.org", 6],
    ["newsletter.unsubscribe_url", "https://example.org/u?e={email}&t={token}", 7],
    ["newsletter.unsubscribe_mailto", "unsubscribe@example.org", 8],
  ];
  for (const [key, value, line] of keys) {
    for (const [injected, name] of [
      ["\\r\\nBcc: victim@example.net", "U+000D (carriage return)"],
      ["\\nX-Evil: 1", "U+000A (line feed)"],
      ["\\u0000", "U+0000 (NUL)"],
      ["\\t", "U+0009 (tab)"],
    ]) {
      const name_ = key.split(".").pop() ?? key;
      const text = FULL.replace(`${name_}: ${value}`, `${name_}: "${value}${injected}"`);
      const messages = lines(text);
      assert.ok(
        messages.some(
          (m) =>
            m.startsWith(`gazette.config.yaml:${line} error config/`) &&
            m.includes(`${key} holds the control character ${name}`),
        ),
        `${key} with ${JSON.stringify(injected)}: ${messages.join(" | ")}`,
      );
    }
  }
});

parse("from and reply_to must be exactly one mailbox", () => {
  const cases: [string, string][] = [
    ["from: Gazette <digest@example.org>", "from: a@example.org, b@example.org"],
    ["reply_to: editor@example.org", 'reply_to: "Team: a@example.org, b@example.org;"'],
    ["from: Gazette <digest@example.org>", "from: Gazette"],
  ];
  assert.equal(
    cases.map(([from, to]) => lines(FULL.replace(from, to))),
    [
      [
        'gazette.config.yaml:5 error config/newsletter-from: from "a@example.org, b@example.org" holds 2 addresses (expected exactly one) (expected Name <address@example.org>)',
      ],
      [
        'gazette.config.yaml:6 error config/newsletter-reply-to: reply_to "Team: a@example.org, b@example.org;" is an address group (expected exactly one mailbox) (expected Name <address@example.org>)',
      ],
      [
        'gazette.config.yaml:5 error config/newsletter-from: from "Gazette" is not an email address (expected Name <address@example.org>)',
      ],
    ],
  );
});

parse(
  "unsubscribe_url: exactly as parsed, https (http only for localhost); {email} without {token} warns",
  () => {
    const url = "https://example.org/u?e={email}&t={token}";
    const with_ = (value: string) => lines(FULL.replace(url, value));
    assert.equal(with_("http://example.org/u?e={email}&t={token}"), [
      'gazette.config.yaml:7 error config/newsletter-unsubscribe-url: unsubscribe_url "http://example.org/u?e={email}&t={token}" is not https (expected https://…; http only for localhost)',
    ]);
    assert.equal(with_("http://localhost:8787/u?e={email}&t={token}"), []);
    assert.equal(with_("http://127.0.0.1:8787/u?e={email}&t={token}"), []);
    assert.equal(with_("https://Example.org/u?e={email}&t={token}"), [
      'gazette.config.yaml:7 error config/newsletter-unsubscribe-url: unsubscribe_url "https://Example.org/u?e={email}&t={token}" is read by the URL parser as "https://example.org/u?e={email}&t={token}" (write it exactly that way)',
    ]);
    assert.equal(with_("https://example.org/u?e={email}"), [
      "gazette.config.yaml:7 warning config/unsubscribe-without-token: unsubscribe_url has {email} but no {token}: anyone could unsubscribe anyone (add &token={token}, signed with GAZETTE_UNSUBSCRIBE_SECRET)",
    ]);
    assert.equal(with_(`"*|UNSUB|*"`), []);
    assert.equal(lines(FULL.replace("unsubscribe@example.org", "u@example.org?cc=all@example.org")), [
      'gazette.config.yaml:8 error config/newsletter-unsubscribe-mailto: unsubscribe_mailto "u@example.org?cc=all@example.org" is not an email address (expected unsubscribe@example.org)',
    ]);
  },
);

parse("postal_address and description may span lines, but hold no other control character", () => {
  const block = FULL.replace(
    "  postal_address: 1 Street",
    "  postal_address: |\n    1 Street\n    London",
  ).concat('\ndescription: "News\\u001b[31m"');
  assert.equal(lines(block), [
    "gazette.config.yaml:12 error config/description: description holds the control character U+001B (expected plain text)",
  ]);
});

parse("invalid YAML gives its line", () => {
  const [line] = lines("title: [unclosed\nurl: https://example.org/\n");
  assert.match(line ?? "", /^gazette.config.yaml:\d error config\/yaml: invalid YAML/);
});

parse("brand defaults: the title in type, the shipped accent and its dark-mode twin, no nofollow", () => {
  const { config } = parseConfig(BASE, "c.yaml");
  assert.equal(config?.brand, {
    logo: null,
    logoText: "Gazette",
    accent: "#a61b1b",
    accentDark: "#e45c5c",
    favicon: null,
    ogImage: null,
    lines: { logo: 0, favicon: 0, ogImage: 0 },
  });
  assert.is(config?.originalNofollow, false);
});

parse("brand settings are read, the dark accent derived when not given", () => {
  const text = `${BASE}\noriginal_nofollow: true\nbrand:\n  logo: /images/logo.svg\n  logo_text: The Daily\n  accent: "#0B5394"\n  favicon: /images/icon.png\n  og_image: /images/card.png\n`;
  const { config, diagnostics } = parseConfig(text, "c.yaml");
  assert.equal(diagnostics, []);
  assert.is(config?.originalNofollow, true);
  assert.is(config?.brand.logo, "/images/logo.svg");
  assert.is(config?.brand.logoText, "The Daily");
  assert.is(config?.brand.accent, "#0b5394");
  assert.is(config?.brand.accentDark, "#1c8aee");
  assert.is(config?.brand.favicon, "/images/icon.png");
  assert.equal(config?.brand.lines, { logo: 9, favicon: 12, ogImage: 13 });
});

parse("an accent that fails contrast, an unquoted colour, a bad path and an unknown key", () => {
  const text = `${BASE}\nbrand:\n  accent: "#ffcc00"\n  accent_dark: #123456\n  logo: images/logo.svg\n  colour: red\n`;
  assert.equal(lines(text), [
    'gazette.config.yaml:11 warning config/unknown-key: unknown key "brand.colour"',
    'gazette.config.yaml:8 error config/brand-accent: brand.accent "#ffcc00" has a contrast of 1.47:1 on the light page (#fdfcf9); links and labels need at least 4.5:1 (expected a darker colour)',
    'gazette.config.yaml:9 error config/brand-accent-dark: brand.accent_dark is empty (a # starts a comment in YAML: write the colour in quotes, "#a61b1b")',
    'gazette.config.yaml:10 error config/brand-logo: brand.logo "images/logo.svg" is not a site path (expected a file under images/, such as /images/logo.svg)',
  ]);
});

parse("a dark accent too dark for the dark page, and a colour that is not one", () => {
  const text = `${BASE}\nbrand:\n  accent: navy\n  accent_dark: "#333333"\n`;
  assert.equal(lines(text), [
    'gazette.config.yaml:8 error config/brand-accent: brand.accent "navy" is not a colour (expected a hex colour such as "#a61b1b", in quotes)',
    'gazette.config.yaml:9 error config/brand-accent-dark: brand.accent_dark "#333333" has a contrast of 1.42:1 on the dark page (#15171a); links and labels need at least 4.5:1 (expected a lighter colour)',
  ]);
});

parse.run();
