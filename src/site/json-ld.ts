import type { Article } from "../articles/article.ts";
import { absoluteUrl } from "../articles/urls.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { isoInZone } from "../shared/dates.ts";

/** schema.org `NewsArticle` for an article page (https://schema.org/NewsArticle). */
export function newsArticleJsonLd(article: Article, config: SiteConfig): Record<string, unknown> {
  const url = absoluteUrl(config, article.url);
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
    ...(article.image ? { image: [new URL(article.image.src, url).href] } : {}),
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
    ...(article.source ? { sourceOrganization: { "@type": "Organization", name: article.source.name } } : {}),
    publisher: { "@type": "Organization", name: config.publisher, url: config.url },
  };
}
