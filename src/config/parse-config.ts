import { IANAZone } from "luxon";
import { type Diagnostic, error, warning } from "../shared/diagnostic.ts";
import { parseYamlMapping } from "../shared/parse-yaml.ts";
import { suggest } from "../shared/suggest.ts";
import {
  contrastRatio,
  DARK_BACKGROUND,
  darkModeAccent,
  LIGHT_BACKGROUND,
  MIN_CONTRAST,
  parseHexColour,
  type Rgb,
  toHex,
} from "./colour.ts";
import {
  controlCharacterIn,
  controlCharacterInText,
  isBareAddress,
  isLoopbackHost,
  mailboxProblem,
  urlProblem,
} from "./header-values.ts";
import type { BrandConfig, NewsletterConfig, SiteConfig } from "./site-config.ts";

/** Default `max_article_bytes`: an article file larger than this is refused unread. */
export const MAX_ARTICLE_BYTES = 5_000_000;

const TOP_KEYS = [
  "title",
  "description",
  "url",
  "language",
  "time_zone",
  "publisher",
  "per_page",
  "feed_limit",
  "max_article_bytes",
  "subscribe_form_action",
  "newsletter",
  "subscriptions",
  "brand",
  "original_nofollow",
  // Read by src/publish/publish-config.ts.
  "publish",
] as const;
const SUBSCRIPTIONS_KEYS = ["url"] as const;
const NEWSLETTER_KEYS = [
  "from",
  "reply_to",
  "unsubscribe_url",
  "unsubscribe_mailto",
  "postal_address",
  "limit",
] as const;

const BRAND_KEYS = ["logo", "logo_text", "accent", "accent_dark", "favicon", "og_image"] as const;

/** The shipped accent: a deep newspaper red, 7.3:1 on the light page. */
export const DEFAULT_ACCENT = "#a61b1b";

/** Settings that replace the file's values (from the command line), e.g. `{ url: "https://x.org/digest/" }`. */
export interface ConfigOverrides {
  url?: string;
}

export interface ParsedConfig {
  config: SiteConfig | null;
  diagnostics: Diagnostic[];
}

/** An email service's unsubscribe merge tag (`*|UNSUB|*`, `{{unsubscribe}}`, `%unsubscribe_url%`, `[UNSUB]`). */
const MERGE_TAG = /^(\*\|[A-Z_]+\|\*|\{\{[\w .-]+\}\}|%[a-z_]+%|\[[A-Za-z_]+\])$/;
/** Text that may span lines: shown in pages and the email's footer, never in a header. */
const MULTI_LINE_KEYS = ["description", "newsletter.postal_address"] as const;

/** The value at a dotted key (`newsletter.from`), or undefined. */
function valueAt(values: Record<string, unknown>, key: string): unknown {
  let value: unknown = values;
  for (const part of key.split(".")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/**
 * Parses and validates the text of `gazette.config.yaml`. Every problem becomes a diagnostic naming the
 * key's line; `config` is null when there is any error.
 */
export function parseConfig(text: string, file: string, overrides: ConfigOverrides = {}): ParsedConfig {
  const parsed = parseYamlMapping(text);
  if (!parsed.ok)
    return { config: null, diagnostics: [error("config/yaml", file, parsed.line, parsed.message)] };
  const { values, lines } = parsed.mapping;
  const diagnostics: Diagnostic[] = [];
  const lineOf = (key: string): number => lines[key] ?? 0;
  const fail = (key: string, message: string): void => {
    diagnostics.push(
      error(`config/${key.replace(/\./g, "-").replace(/_/g, "-")}`, file, lineOf(key), message),
    );
  };

  for (const key of Object.keys(values)) {
    if ((TOP_KEYS as readonly string[]).includes(key)) continue;
    const guess = suggest(key, TOP_KEYS);
    diagnostics.push(
      warning(
        "config/unknown-key",
        file,
        lineOf(key),
        `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
      ),
    );
  }

  /**
   * A text value. Every single-line value may reach a header or a URL (From, Reply-To, Subject, List-Id,
   * List-Unsubscribe), so a control character there (CR or LF above all: header injection) is an error;
   * `MULTI_LINE_KEYS` may hold line breaks and tabs, but no other control character.
   */
  const text_ = (key: string, fallback: string | null, required = false): string | null => {
    const value = valueAt(values, key);
    if (value === undefined || value === null || value === "") {
      if (required) fail(key, `${key} is missing (expected text)`);
      return fallback;
    }
    if (typeof value !== "string" && typeof value !== "number") {
      fail(key, `${key} is ${JSON.stringify(value)} (expected text)`);
      return fallback;
    }
    const raw = String(value);
    const multiLine = (MULTI_LINE_KEYS as readonly string[]).includes(key);
    const control = multiLine ? controlCharacterInText(raw) : controlCharacterIn(raw);
    if (control) {
      fail(
        key,
        multiLine
          ? `${key} holds the control character ${control} (expected plain text)`
          : `${key} holds the control character ${control} (expected one line of text: it goes into email headers and links)`,
      );
      return fallback;
    }
    return raw.trim();
  };
  const count = (key: string, fallback: number): number => {
    const value = valueAt(values, key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      fail(key, `${key} is ${JSON.stringify(value)} (expected a whole number of at least 1)`);
      return fallback;
    }
    return value;
  };
  const httpUrl = (key: string, value: string | null): URL | null => {
    if (value === null) return null;
    const name = key.split(".").pop();
    if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
      fail(key, `${name} "${value}" has no scheme (expected https://…)`);
      return null;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      fail(key, `${name} "${value}" is not a valid URL (expected https://host/path/)`);
      return null;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      fail(key, `${name} "${value}" is not a web address (expected https://…)`);
      return null;
    }
    // new URL() drops tabs and line breaks and rewrites other text: the value must be what it parses to.
    const problem = urlProblem(value, key === "url");
    if (problem) {
      fail(key, `${name} "${value}" ${problem}`);
      return null;
    }
    return url;
  };

  const title = text_("title", "", true) ?? "";
  const description = text_("description", "") ?? "";
  const base = httpUrl("url", overrides.url ?? text_("url", null, true));
  const language = text_("language", "en") ?? "en";
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language)) {
    fail("language", `language "${language}" is not a language tag (expected e.g. en or en-GB)`);
  }
  const timeZone = text_("time_zone", "UTC") ?? "UTC";
  if (!IANAZone.isValidZone(timeZone)) {
    fail(
      "time_zone",
      `time_zone "${timeZone}" is not a known time zone (expected an IANA name such as Europe/London)`,
    );
  }
  const publisher = text_("publisher", title) ?? title;
  const perPage = count("per_page", 20);
  const feedLimit = count("feed_limit", 50);
  const maxArticleBytes = count("max_article_bytes", MAX_ARTICLE_BYTES);
  const formAction = text_("subscribe_form_action", null);
  if (formAction !== null) httpUrl("subscribe_form_action", formAction);

  const group = (name: string, keys: readonly string[], example: string): void => {
    const raw = values[name];
    if (raw !== undefined && (raw === null || typeof raw !== "object")) {
      fail(name, `${name} is not a group of settings (expected ${example} indented below it)`);
      return;
    }
    for (const key of Object.keys(raw ?? {})) {
      if (keys.includes(key)) continue;
      const guess = suggest(key, keys);
      diagnostics.push(
        warning(
          "config/unknown-key",
          file,
          lineOf(`${name}.${key}`),
          `unknown key "${name}.${key}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        ),
      );
    }
  };
  group("newsletter", NEWSLETTER_KEYS, "from:, unsubscribe_url:, …");
  group("brand", BRAND_KEYS, "accent:, logo:, …");
  /** A site path to a file the build copies (`/images/logo.svg`); the build checks that the file exists. */
  const sitePathOf = (key: string): string | null => {
    const value = text_(key, null);
    if (value === null) return null;
    if (!value.startsWith("/") || value.startsWith("//") || /[?#\\]|\.\.|\s/.test(value)) {
      fail(
        key,
        `${key} "${value}" is not a site path (expected a file under images/, such as /images/logo.svg)`,
      );
      return null;
    }
    return value;
  };
  const colour = (key: string, fallback: string | null, background: string, mode: string): Rgb | null => {
    if (valueAt(values, key) === null && lines[key] !== undefined) {
      // `accent: #a61b1b` reads as an empty value: YAML starts a comment at the #.
      fail(key, `${key} is empty (a # starts a comment in YAML: write the colour in quotes, "#a61b1b")`);
      return null;
    }
    const value = text_(key, fallback);
    if (value === null) return null;
    const rgb = parseHexColour(value);
    if (rgb === null) {
      fail(key, `${key} "${value}" is not a colour (expected a hex colour such as "#a61b1b", in quotes)`);
      return null;
    }
    const ratio = contrastRatio(rgb, parseHexColour(background) as Rgb);
    if (ratio < MIN_CONTRAST) {
      fail(
        key,
        `${key} "${value}" has a contrast of ${ratio.toFixed(2)}:1 on the ${mode} page (${background}); links and labels need at least ${MIN_CONTRAST}:1 (expected a ${mode === "light" ? "darker" : "lighter"} colour)`,
      );
      return null;
    }
    return rgb;
  };
  const parseBrand = (name: string): BrandConfig => {
    const accent = colour("brand.accent", DEFAULT_ACCENT, LIGHT_BACKGROUND, "light") ?? [0, 0, 0];
    const dark =
      colour("brand.accent_dark", null, DARK_BACKGROUND, "dark") ??
      darkModeAccent(accent, parseHexColour(DARK_BACKGROUND) as Rgb);
    return {
      logo: sitePathOf("brand.logo"),
      logoText: text_("brand.logo_text", name) ?? name,
      accent: toHex(accent),
      accentDark: toHex(dark),
      favicon: sitePathOf("brand.favicon"),
      ogImage: sitePathOf("brand.og_image"),
      lines: {
        logo: lineOf("brand.logo"),
        favicon: lineOf("brand.favicon"),
        ogImage: lineOf("brand.og_image"),
      },
    };
  };
  const mailbox = (key: string, value: string | null): void => {
    const problem = value === null ? null : mailboxProblem(value);
    if (problem)
      fail(key, `${key.split(".").pop()} "${value}" ${problem} (expected Name <address@example.org>)`);
  };
  const defaultFrom = `${title.replace(/[\s"\\<>,;:@()[\]]+/g, " ").trim() || "Newsletter"} <newsletter@${base?.hostname ?? "example.org"}>`;
  const from = text_("newsletter.from", defaultFrom) ?? "";
  mailbox("newsletter.from", from);
  const replyTo = text_("newsletter.reply_to", null);
  mailbox("newsletter.reply_to", replyTo);
  const unsubscribeUrl = text_("newsletter.unsubscribe_url", null);
  if (unsubscribeUrl !== null && !MERGE_TAG.test(unsubscribeUrl)) {
    const url = httpUrl("newsletter.unsubscribe_url", unsubscribeUrl);
    // RFC 8058 one-click needs https; plain http only for a service on this machine.
    if (url && url.protocol === "http:" && !isLoopbackHost(url.hostname))
      fail(
        "newsletter.unsubscribe_url",
        `unsubscribe_url "${unsubscribeUrl}" is not https (expected https://…; http only for localhost)`,
      );
    if (url && unsubscribeUrl.includes("{email}") && !unsubscribeUrl.includes("{token}"))
      diagnostics.push(
        warning(
          "config/unsubscribe-without-token",
          file,
          lineOf("newsletter.unsubscribe_url"),
          `unsubscribe_url has {email} but no {token}: anyone could unsubscribe anyone (add &token={token}, signed with GAZETTE_UNSUBSCRIBE_SECRET)`,
        ),
      );
  }
  const unsubscribeMailto = text_("newsletter.unsubscribe_mailto", null);
  if (unsubscribeMailto !== null && !isBareAddress(unsubscribeMailto)) {
    fail(
      "newsletter.unsubscribe_mailto",
      `unsubscribe_mailto "${unsubscribeMailto}" is not an email address (expected unsubscribe@example.org)`,
    );
  }
  const rawSubscriptions = values.subscriptions;
  let subscriptionsUrl: string | null = null;
  if (rawSubscriptions !== undefined && (rawSubscriptions === null || typeof rawSubscriptions !== "object")) {
    fail("subscriptions", "subscriptions is not a group of settings (expected url: indented below it)");
  } else if (rawSubscriptions) {
    for (const key of Object.keys(rawSubscriptions)) {
      if ((SUBSCRIPTIONS_KEYS as readonly string[]).includes(key)) continue;
      const guess = suggest(key, SUBSCRIPTIONS_KEYS);
      diagnostics.push(
        warning(
          "config/unknown-key",
          file,
          lineOf(`subscriptions.${key}`),
          `unknown key "subscriptions.${key}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        ),
      );
    }
    const service = httpUrl("subscriptions.url", text_("subscriptions.url", null));
    if (service && (service.search || service.hash))
      fail(
        "subscriptions.url",
        `url "${service.href}" has a query or fragment (expected https://host/path/)`,
      );
    else if (service && service.protocol === "http:" && !isLoopbackHost(service.hostname))
      fail(
        "subscriptions.url",
        `url "${service.href}" is not https (expected https://…; http only for localhost)`,
      );
    else if (service) {
      const servicePath = service.pathname.endsWith("/") ? service.pathname : `${service.pathname}/`;
      subscriptionsUrl = `${service.origin}${servicePath}`;
    }
  }
  // The service answers the form and the unsubscribe links: a hand-written address beside it is ignored.
  for (const [key, value] of [
    ["subscribe_form_action", formAction],
    ["newsletter.unsubscribe_url", unsubscribeUrl],
  ] as const) {
    if (subscriptionsUrl !== null && value !== null)
      diagnostics.push(
        warning(
          "config/overridden",
          file,
          lineOf(key),
          `${key} is ignored: subscriptions.url decides it (${subscriptionsUrl}${key === "subscribe_form_action" ? "subscribe" : "unsubscribe?email={email}&token={token}"})`,
        ),
      );
  }
  if (unsubscribeUrl === null && unsubscribeMailto === null && subscriptionsUrl === null) {
    fail(
      "newsletter",
      "newsletter has no unsubscribe_url and no unsubscribe_mailto (bulk email needs a way to unsubscribe: set one)",
    );
  }
  const newsletter: NewsletterConfig = {
    from,
    replyTo,
    unsubscribeUrl:
      subscriptionsUrl !== null
        ? `${subscriptionsUrl}unsubscribe?email={email}&token={token}`
        : unsubscribeUrl,
    unsubscribeMailto,
    postalAddress: text_("newsletter.postal_address", "", true) ?? "",
    limit: count("newsletter.limit", 20),
  };

  const brand = parseBrand(title);
  const nofollow = valueAt(values, "original_nofollow");
  if (nofollow !== undefined && nofollow !== null && typeof nofollow !== "boolean") {
    fail("original_nofollow", `original_nofollow is ${JSON.stringify(nofollow)} (expected true or false)`);
  }

  if (diagnostics.some((d) => d.severity === "error") || base === null) return { config: null, diagnostics };
  const pathPrefix = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  const url = `${base.origin}${pathPrefix}`;
  return {
    config: {
      title,
      description,
      url,
      pathPrefix,
      language,
      timeZone,
      publisher,
      perPage,
      feedLimit,
      maxArticleBytes,
      subscribeFormAction: subscriptionsUrl !== null ? `${subscriptionsUrl}subscribe` : formAction,
      newsletter,
      subscriptions: { url: subscriptionsUrl },
      brand,
      originalNofollow: nofollow === true,
    },
    diagnostics,
  };
}
