import { readFileSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import type { Article } from "../articles/article.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { makeFilters } from "../site/filters.ts";
import { newsArticleJsonLd } from "../site/json-ld.ts";
import { NUNJUCKS_OPTIONS } from "./nunjucks-options.ts";
import { type PageTemplate, parsePageTemplate, readPageTemplates } from "./page-template.ts";
import type { PagePlan } from "./plan-pages.ts";

export interface PageRendererOptions {
  /** The templates folder: pages/, layouts/, partials/. */
  templatesDir: string;
  config: SiteConfig;
}

/** Renders planned pages with Nunjucks: the page body, then its layouts around it (`content`). */
export interface PageRenderer {
  templates: PageTemplate[];
  /**
   * The page's HTML (or XML, text): `globals` is the global data, e.g. `{ gazette }`. Every template the
   * render used goes into `used` (see `templateDependency`): its page template, layouts, and each include,
   * import or extends as Nunjucks looked it up.
   */
  render(page: PagePlan, globals: Record<string, unknown>, used?: Set<string>): string;
}

/** How a used template is named: `pages/<name>`, `layouts/<name>`, or `include:<name as looked up>`. */
export type TemplateDependency = string;

/** The loader's search paths: the partials, then the working folder (as the Eleventy adapter has them). */
function loaderPaths(templatesDir: string): string[] {
  return [path.join(templatesDir, "partials"), process.cwd()];
}

/**
 * A memoised hash of the source of one used template (see `PageRenderer.render`), found the way the
 * renderer finds it: pages and layouts in their folders, includes through a Nunjucks loader with the same
 * search paths. A template that cannot be found hashes as missing, so creating it changes the hash.
 */
export function createTemplateHasher(
  templatesDir: string,
  hash: (text: string) => string,
): (dependency: TemplateDependency) => string {
  const loader = new nunjucks.FileSystemLoader(loaderPaths(templatesDir));
  const hashes = new Map<string, string>();
  const sourceOf = (dependency: string): string | null => {
    const folder = /^(pages|layouts)\/(.+)$/.exec(dependency);
    try {
      if (folder)
        return readFileSync(path.join(templatesDir, folder[1] as string, folder[2] as string), "utf8");
      if (!dependency.startsWith("include:")) return null;
      const name = dependency.slice("include:".length);
      if (path.isAbsolute(name)) return readFileSync(name, "utf8");
      return (loader.getSource(name) as { src: string } | null)?.src ?? null;
    } catch {
      return null;
    }
  };
  return (dependency) => {
    let result = hashes.get(dependency);
    if (result === undefined) {
      const source = sourceOf(dependency);
      result = source === null ? "-" : hash(source);
      hashes.set(dependency, result);
    }
    return result;
  };
}

interface Compiled {
  template: nunjucks.Template;
  data: Record<string, unknown>;
  layout: string | null;
}

/**
 * Renders Gazette's page templates the way its Eleventy adapter does, byte for byte, without Eleventy: the
 * same Nunjucks options and loader paths (partials, then the working folder), the same filters, layouts
 * from templates/layouts/ wrapping `content`, the layout's front matter under the page's. Each template is
 * compiled once.
 */
export function createPageRenderer(options: PageRendererOptions): PageRenderer {
  const { templatesDir, config } = options;
  const loader = new nunjucks.FileSystemLoader(loaderPaths(templatesDir));
  const env = new nunjucks.Environment(loader, { ...NUNJUCKS_OPTIONS });
  // Every include, import and extends goes through getTemplate: what a render looks up is recorded.
  let recording: Set<string> | null = null;
  const getTemplate = env.getTemplate.bind(env) as (...args: unknown[]) => unknown;
  (env as unknown as { getTemplate: (...args: unknown[]) => unknown }).getTemplate = (...args: unknown[]) => {
    const [name, , parentName] = args;
    const raw = (name as { raw?: unknown } | null)?.raw ?? name;
    if (recording && typeof raw === "string") {
      // As Nunjucks resolves it: "./x" and "../x" against the including template's file.
      const resolved =
        typeof parentName === "string" && parentName !== "" && /^\.\.?\//.test(raw)
          ? path.resolve(path.dirname(parentName), raw)
          : raw;
      recording.add(`include:${resolved}`);
    }
    return getTemplate(...args);
  };
  const current = (): SiteConfig => config;
  for (const [name, filter] of Object.entries(makeFilters(current)))
    env.addFilter(name, filter as (...args: unknown[]) => unknown);
  env.addFilter("newsArticleJsonLd", (article: Article) => newsArticleJsonLd(article, config));

  const compile = (template: PageTemplate): Compiled => {
    const { layout, ...data } = template.data;
    return {
      template: new nunjucks.Template(template.body, env, template.file, true),
      data,
      layout: typeof layout === "string" ? layout : null,
    };
  };
  const templates = readPageTemplates(path.join(templatesDir, "pages"));
  const pages = new Map(templates.map((t) => [t.name, compile(t)]));
  const layouts = new Map<string, Compiled>();
  const layoutOf = (name: string): Compiled => {
    let compiled = layouts.get(name);
    if (!compiled) {
      const file = path.join(templatesDir, "layouts", name);
      compiled = compile(parsePageTemplate(name, file, readFileSync(file, "utf8")));
      layouts.set(name, compiled);
    }
    return compiled;
  };

  const renderPage = (page: PagePlan, globals: Record<string, unknown>, used?: Set<string>): string => {
    const compiled = pages.get(page.template);
    if (!compiled) throw new Error(`Gazette: no page template ${page.template}`);
    used?.add(`pages/${page.template}`);
    let context: Record<string, unknown> = { ...globals, ...page.data };
    for (const [key, value] of Object.entries(page.computed))
      context[key] = typeof value === "function" ? value(context) : value;
    let output = compiled.template.render(context);
    let layout = typeof page.data.layout === "string" ? page.data.layout : null;
    const seen = new Set<string>();
    while (layout) {
      if (seen.has(layout)) throw new Error(`Gazette: layout ${layout} includes itself`);
      seen.add(layout);
      used?.add(`layouts/${layout}`);
      const wrapper = layoutOf(layout);
      context = { ...wrapper.data, ...context, content: output };
      output = wrapper.template.render(context);
      layout = wrapper.layout;
    }
    return output;
  };

  return {
    templates,
    render(page, globals, used) {
      recording = used ?? null;
      try {
        return renderPage(page, globals, used);
      } finally {
        recording = null;
      }
    },
  };
}
