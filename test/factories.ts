import type { Article } from "../src/articles/article.ts";
import { articleUrl } from "../src/articles/urls.ts";
import type { SiteConfig } from "../src/config/site-config.ts";
import { slugify } from "../src/shared/slugify.ts";

/** A fresh site configuration for tests; override any field. */
export function makeConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    title: "Test Gazette",
    description: "A digest for tests.",
    url: "https://gazette.test/",
    pathPrefix: "/",
    language: "en-GB",
    timeZone: "Europe/London",
    publisher: "Test Gazette Ltd",
    perPage: 20,
    feedLimit: 50,
    maxArticleBytes: 5_000_000,
    subscribeFormAction: "https://gazette.test/subscribe",
    newsletter: {
      from: "Test Gazette <digest@gazette.test>",
      replyTo: null,
      unsubscribeUrl: "https://gazette.test/unsubscribe?email={email}&token={token}",
      unsubscribeMailto: "unsubscribe@gazette.test",
      postalAddress: "1 Test Street, Testville",
      limit: 20,
    },
    subscriptions: { url: null },
    brand: {
      logo: null,
      logoText: "Test Gazette",
      accent: "#a61b1b",
      accentDark: "#f08c8c",
      favicon: null,
      ogImage: null,
      lines: { logo: 0, favicon: 0, ogImage: 0 },
    },
    originalNofollow: false,
    ...overrides,
  };
}

/**
 * A fresh article for tests; every call makes a new object. `slug` defaults from the title, `url` from slug and
 * date in the given zone (Europe/London unless `timeZone` is passed).
 */
export function makeArticle(overrides: Partial<Article> & { timeZone?: string } = {}): Article {
  const { timeZone = "Europe/London", ...fields } = overrides;
  const title = fields.title ?? "Iran Is Looking for Allies but Finding None";
  const slug = fields.slug ?? slugify(title);
  const date = fields.date ?? new Date("2019-01-31T09:00:00Z");
  const text = fields.text ?? "The first paragraph of the article.\n\nThe second paragraph.";
  return {
    slug,
    title,
    date,
    updated: null,
    source: { name: "Iran Focus", slug: "iran-focus" },
    sourceUrl: null,
    byline: null,
    dateline: null,
    attribution: null,
    summary: "The first paragraph of the article.",
    tags: [{ name: "Iran", slug: "iran" }],
    image: null,
    caption: null,
    draft: false,
    featured: false,
    html: "<p>The first paragraph of the article.</p>\n<p>The second paragraph.</p>\n",
    text,
    wordCount: 9,
    readingMinutes: 1,
    url: articleUrl(slug, date, timeZone),
    file: `articles/${slug}.md`,
    line: 1,
    ...fields,
  };
}
