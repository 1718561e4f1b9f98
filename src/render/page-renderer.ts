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
  /** The page's HTML (or XML, text): `globals` is the global data, e.g. `{ gazette }`. */
  render(page: PagePlan, globals: Record<string, unknown>): string;
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
  const loader = new nunjucks.FileSystemLoader([path.join(templatesDir, "partials"), process.cwd()]);
  const env = new nunjucks.Environment(loader, { ...NUNJUCKS_OPTIONS });
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

  return {
    templates,
    render(page, globals) {
      const compiled = pages.get(page.template);
      if (!compiled) throw new Error(`Gazette: no page template ${page.template}`);
      let context: Record<string, unknown> = { ...globals, ...page.data };
      for (const [key, value] of Object.entries(page.computed))
        context[key] = typeof value === "function" ? value(context) : value;
      let output = compiled.template.render(context);
      let layout = typeof page.data.layout === "string" ? page.data.layout : null;
      const seen = new Set<string>();
      while (layout) {
        if (seen.has(layout)) throw new Error(`Gazette: layout ${layout} includes itself`);
        seen.add(layout);
        const wrapper = layoutOf(layout);
        context = { ...wrapper.data, ...context, content: output };
        output = wrapper.template.render(context);
        layout = wrapper.layout;
      }
      return output;
    },
  };
}
