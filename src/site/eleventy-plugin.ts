import { readdirSync } from "node:fs";
import path from "node:path";
import type { Article } from "../articles/article.ts";
import { writeFeeds } from "../build/write-feeds.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { renderFeeds } from "../feeds/render-feeds.ts";
import { writeImages } from "../images/write-images.ts";
import { NUNJUCKS_OPTIONS } from "../render/nunjucks-options.ts";
import { formatDiagnostic, sortDiagnostics } from "../shared/diagnostic.ts";
import { TEMPLATES_DIR } from "../shared/package-root.ts";
import { makeFilters } from "./filters.ts";
import { newsArticleJsonLd } from "./json-ld.ts";
import { loadSiteData, type SiteData, type SiteDataOptions } from "./load-site-data.ts";

/** The few methods of Eleventy 3's configuration object that Gazette calls (Eleventy ships no types). */
export interface EleventyConfig {
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setDataDeepMerge(merge: boolean): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setServerOptions(options: Record<string, unknown>): void;
  ignores: Set<string>;
  on(event: "eleventy.after", listener: (event: { directories: { output: string } }) => Promise<void>): void;
}

export interface GazettePluginOptions {
  /** The project root (articles/, gazette.config.yaml). Default: the current directory. */
  root?: string;
  /**
   * Data already loaded and checked (by `build`). Without it the plugin loads the articles itself on every
   * build, re-reading only changed files: that is how the dev server picks up edits.
   */
  data?: SiteData;
  /** Base URL override (e.g. to build under a path prefix), as `--url` gives it. */
  url?: string;
  /**
   * Render only these page templates (file names in templates/pages/) and copy no assets: how `build`
   * renders tag and article pages in batches. Default: every page.
   */
  only?: string[];
}

/** The templates folder of this package: pages, layouts, partials, assets. */
export { TEMPLATES_DIR };

/**
 * Wires Gazette into Eleventy: folders, the `gazette` global data, filters, the stylesheet. Eleventy is an
 * adapter here: every page's data is computed in `src/` and the templates only present it.
 */
export function gazettePlugin(eleventyConfig: EleventyConfig, options: GazettePluginOptions = {}): void {
  const root = path.resolve(options.root ?? process.cwd());
  const relativeTemplates = path.relative(process.cwd(), TEMPLATES_DIR) || ".";
  eleventyConfig.setInputDirectory(path.join(relativeTemplates, "pages"));
  eleventyConfig.setIncludesDirectory("../partials");
  eleventyConfig.setLayoutsDirectory("../layouts");
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setDataDeepMerge(false);
  eleventyConfig.setNunjucksEnvironmentOptions({ ...NUNJUCKS_OPTIONS });
  if (options.only) {
    for (const name of readdirSync(path.join(TEMPLATES_DIR, "pages"))) {
      if (!options.only.includes(name))
        eleventyConfig.ignores.add(path.join(relativeTemplates, "pages", name));
    }
  } else {
    eleventyConfig.addPassthroughCopy({ [path.join(relativeTemplates, "assets")]: "/" });
  }

  let current = options.data;
  const cache: NonNullable<SiteDataOptions["cache"]> = new Map();
  eleventyConfig.addGlobalData("gazette", async () => {
    if (options.data) return options.data;
    const result = await loadSiteData({
      root,
      now: new Date(),
      cache,
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    for (const d of sortDiagnostics(result.diagnostics)) console.error(formatDiagnostic(d));
    if (!result.data) {
      cache.clear();
      throw new Error("Gazette: the articles or the configuration have errors (listed above)");
    }
    current = result.data;
    return current;
  });
  // Run as plain Eleventy (`npx @11ty/eleventy`, `.eleventy.js`), the feeds are written after the pages;
  // `npm run build` and `npm start` write them themselves, once per build, after their batches.
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (options.data || options.only || !current) return;
    await writeImages(current.images, current.model.articles, root, directories.output);
    await writeFeeds(
      directories.output,
      renderFeeds(current.config, current.model.articles, { issues: current.issues }),
    );
  });
  eleventyConfig.addWatchTarget(path.join(path.relative(process.cwd(), root) || ".", "articles/"));
  eleventyConfig.addWatchTarget(path.join(path.relative(process.cwd(), root) || ".", "gazette.config.yaml"));

  // Filters take the configuration from the data of the page being rendered (`this.ctx`), not from this
  // closure: Eleventy keeps compiled templates across instances in one process (tests, the benchmark).
  let active: SiteConfig | undefined;
  const config = (): SiteConfig => {
    if (!active) throw new Error("Gazette: a filter ran before the site data was loaded");
    return active;
  };
  const use = (context: FilterContext | undefined): void => {
    active = context?.ctx?.gazette?.config ?? current?.config;
  };
  for (const [name, filter] of Object.entries(makeFilters(config))) {
    eleventyConfig.addFilter(name, function (this: FilterContext | undefined, ...args: never[]) {
      use(this);
      return (filter as (...a: never[]) => unknown)(...args);
    });
  }
  eleventyConfig.addFilter("newsArticleJsonLd", function (this: FilterContext | undefined, article: Article) {
    use(this);
    return newsArticleJsonLd(article, config());
  });
}

/** What Eleventy binds `this` to in a Nunjucks filter: the render context holds the page's data. */
interface FilterContext {
  ctx?: { gazette?: SiteData };
}
