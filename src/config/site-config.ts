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
  /** Action URL of the email signup form, or null for no form. */
  subscribeFormAction: string | null;
  newsletter: NewsletterConfig;
  subscriptions: SubscriptionsConfig;
}
