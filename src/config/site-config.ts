/** The newsletter settings of the site configuration. */
export interface NewsletterConfig {
  /** The From address, `Name <address>`. */
  from: string;
  /** Optional Reply-To address. */
  replyTo: string | null;
  /**
   * Unsubscribe URL template with `{email}` and `{token}`, or an email service's merge tag
   * (such as `*|UNSUB|*`). Filled per recipient when sending.
   */
  unsubscribeUrl: string | null;
  /** Address for mailto unsubscribes (`List-Unsubscribe: <mailto:…>`). */
  unsubscribeMailto: string | null;
  /** The sender's postal address, shown in every email's footer. */
  postalAddress: string;
  /** Most entries in one issue. Default 20. */
  limit: number;
}

/** The subscriptions service (`npm run subscriptions`), when the site has one. */
export interface SubscriptionsConfig {
  /**
   * The service's public address, ending in `/` (`https://example.org/subscriptions/`), or null. With it,
   * the signup form posts to `<url>subscribe` and unsubscribe links are `<url>unsubscribe?email=…&token=…`.
   */
  url: string | null;
}

/** The site's identity (`brand.*`): masthead, colours, icons. */
export interface BrandConfig {
  /** Site path of the logo image (`/images/logo.svg`, a file under `images/`), or null to set the name in type. */
  logo: string | null;
  /** The name as the masthead sets it in type, and the logo's alt text. Default: `title`. */
  logoText: string;
  /** Accent colour `#rrggbb` for light pages: links, labels, the masthead rule. Checked for 4.5:1 contrast. */
  accent: string;
  /** Accent colour for dark mode. Default: the accent lightened until it reads on the dark background. */
  accentDark: string;
  /** Site path of the favicon (SVG, PNG or ICO), or null for one drawn from the name's initial and the accent. */
  favicon: string | null;
  /** Site path of the Open Graph image used by pages without an image of their own, or null. */
  ogImage: string | null;
  /** The configuration file's line of each image key, for messages about a missing file (0 when not set). */
  lines: { logo: number; favicon: number; ogImage: number };
}

/** The validated site configuration (`gazette.config.yaml`). */
export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute origin plus path prefix, always ending in `/`: `https://example.org/digest/`. */
  url: string;
  /** The path prefix taken from `url` (or overridden), always starting and ending in `/`. */
  pathPrefix: string;
  /** BCP 47 language tag, e.g. `en` or `en-GB`. */
  language: string;
  /** IANA time zone that decides every calendar day. */
  timeZone: string;
  publisher: string;
  /** Entries per listing page. Default 20. */
  perPage: number;
  /** Entries per feed. Default 50. */
  feedLimit: number;
  /** Largest article file read, in bytes; a larger one is an error. Default 5,000,000 (`max_article_bytes`). */
  maxArticleBytes: number;
  /** Action URL of the email signup form, or null for no form. */
  subscribeFormAction: string | null;
  newsletter: NewsletterConfig;
  subscriptions: SubscriptionsConfig;
  brand: BrandConfig;
  /** Add `nofollow` to links to the original articles. Default false. */
  originalNofollow: boolean;
}
