import type { Article } from "../articles/article.ts";
import { absoluteUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { isoInZone } from "../shared/dates.ts";

/** schema.org `NewsArticle` for an article page (https://schema.org/NewsArticle). */
export function newsArticleJsonLd(article: Article, config: SiteConfig): Record<string, unknown> {
  const url = absoluteUrl(config, article.url);
  const imageUrl = article.image ? absoluteImageUrl(article.image.src, config) : null;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: url,
    datePublished: isoInZone(article.date, config.timeZone),
    dateModified: isoInZone(article.updated ?? article.date, config.timeZone),
    inLanguage: config.language,
    wordCount: article.wordCount,
    keywords: article.tags.map((t) => t.name),
    ...(article.byline ? { author: { "@type": "Person", name: article.byline } } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
    ...(article.source ? { sourceOrganization: { "@type": "Organization", name: article.source.name } } : {}),
    publisher: { "@type": "Organization", name: config.publisher, url: config.url },
  };
}

/**
 * The absolute URL of an article image: a site path gets the site's URL and path prefix, a remote URL is
 * kept as parsed. Null for anything that does not parse, so a bad value never breaks the page.
 */
export function absoluteImageUrl(src: string, config: Pick<SiteConfig, "url">): string | null {
  try {
    return src.startsWith("/") && !src.startsWith("//") ? absoluteUrl(config, src) : new URL(src).href;
  } catch {
    return null;
  }
}
