import type { Article } from "../articles/article.ts";
import { type LoadOptions, loadArticles } from "../articles/load-articles.ts";
import { loadConfig } from "../config/load-config.ts";
import type { ConfigOverrides } from "../config/parse-config.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { type ImagePlan, prepareImages } from "../images/prepare-images.ts";
import { emptyLedger, type Ledger, readLedger } from "../newsletter/ledger.ts";
import { type Diagnostic, hasErrors } from "../shared/diagnostic.ts";
import { type IssuePage, newsletterPages } from "./newsletter-pages.ts";
import { buildSiteModel, type SiteModel } from "./site-model.ts";
import { type SitemapEntry, sitemapEntries } from "./sitemap.ts";

/** Everything the site templates read, as one global data object (`gazette` in templates). */
export interface SiteData {
  config: SiteConfig;
  model: SiteModel;
  /** The newsletter's issues (web versions), newest first. */
  issues: IssuePage[];
  sitemap: SitemapEntry[];
  /** The resized image copies to write (`src/images/`). */
  images: ImagePlan;
  /** Sizes of the logo and the site-wide link-preview image, for the templates. */
  brandImages: ImagePlan["brand"];
}

export interface SiteDataResult {
  data: SiteData | null;
  diagnostics: Diagnostic[];
}

export interface SiteDataOptions extends ConfigOverrides {
  root: string;
  now: Date;
  cache?: LoadOptions["cache"];
}

/** Builds the template data from a loaded configuration, the published articles and the issue ledger. Pure. */
export function makeSiteData(
  config: SiteConfig,
  published: Article[],
  ledger: Ledger = emptyLedger(),
  images: ImagePlan = { jobs: [], brand: { logo: null, ogImage: null }, sources: [] },
): SiteData {
  const model = buildSiteModel(config, published);
  const issues = newsletterPages(ledger.issues);
  const extra = [
    { url: "/subscribe/", lastChange: model.lastChange },
    { url: "/search/", lastChange: model.lastChange },
    { url: "/feeds/", lastChange: model.lastChange },
    { url: "/newsletter/", lastChange: issues[0]?.date ?? model.lastChange },
    ...issues.map((issue) => ({ url: issue.url, lastChange: issue.date })),
  ];
  return {
    config,
    model,
    issues,
    sitemap: sitemapEntries(config, model, extra),
    images,
    brandImages: images.brand,
  };
}

/**
 * Reads the configuration and every article once and builds the site data. `data` is null when any
 * error was found; the diagnostics say what and where.
 */
export async function loadSiteData(options: SiteDataOptions): Promise<SiteDataResult> {
  const overrides: ConfigOverrides = options.url === undefined ? {} : { url: options.url };
  const loaded = await loadConfig(options.root, overrides);
  if (!loaded.config) return { data: null, diagnostics: loaded.diagnostics };
  const collection = await loadArticles(loaded.config, {
    root: options.root,
    now: options.now,
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const ledger = await readLedger(options.root);
  const images = await prepareImages(loaded.config, collection.published, options.root);
  const diagnostics = [
    ...loaded.diagnostics,
    ...collection.diagnostics,
    ...ledger.diagnostics,
    ...images.diagnostics,
  ];
  if (hasErrors(diagnostics)) return { data: null, diagnostics };
  return {
    data: makeSiteData(loaded.config, collection.published, ledger.ledger, images.plan),
    diagnostics,
  };
}
