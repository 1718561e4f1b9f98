import type { PageTemplate } from "./page-template.ts";

/** One output page of a template: its address, its output file and the data it is rendered with. */
export interface PagePlan {
  /** The page template's file name (`article.njk`). */
  template: string;
  /** Site-relative URL without the path prefix: `/2019/01/slug/`, `/404.html`. */
  url: string;
  /** Output path relative to the output folder, `/`-separated: `2019/01/slug/index.html`. */
  outputPath: string;
  /**
   * The page's own data: the template's front matter, the pagination item under its alias, and `page`. The global data (`gazette`) is not in it: it is passed at render time.
   */
  data: Record<string, unknown>;
  /**
   * `eleventyComputed`: values or functions of the page data, evaluated when the page is rendered (so
   * what they read of the global data is seen, and they may read what is only known then).
   */
  computed: Record<string, unknown>;
}

interface Pagination {
  data: string;
  size: number;
  alias?: string;
}

function lookup(data: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = data;
  for (const key of dotted.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function paginationOf(template: PageTemplate): Pagination | null {
  const value = template.data.pagination as Partial<Pagination> | undefined;
  if (value === undefined) return null;
  if (typeof value.data !== "string")
    throw new Error(`${template.file}: pagination.data is missing (expected the dotted name of a list)`);
  return { data: value.data, size: Number(value.size ?? 1), ...(value.alias ? { alias: value.alias } : {}) };
}

function literal(template: PageTemplate, key: string, value: unknown): unknown {
  if (typeof value === "string" && /\{[{%]/.test(value))
    throw new Error(
      `${template.file}: ${key} is a template string (expected plain text or a JavaScript function in ---js front matter)`,
    );
  return value;
}

/** `/a/b/` → `a/b/index.html`, `/404.html` → `404.html`: where Eleventy writes a permalink. */
export function outputPathOf(permalink: string): string {
  const trimmed = permalink.replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? `${trimmed}index.html` : trimmed;
}

/**
 * Expands page templates into pages, the way Eleventy does for the subset Gazette's templates use:
 * `pagination` (`data`, `size`, `alias`; the alias is the item when `size` is 1, else the chunk; no
 * `pagination` object), a
 * `permalink` string or function of the page data, and `eleventyComputed` (kept for render time). `globals` is the global
 * data (`{ gazette }`). Pages come out in template order, then item order: the same input, the same plan.
 */
export function planPages(templates: readonly PageTemplate[], globals: Record<string, unknown>): PagePlan[] {
  const pages: PagePlan[] = [];
  for (const template of templates) {
    const { pagination: _, permalink, eleventyComputed, ...front } = template.data;
    const paging = paginationOf(template);
    let chunks: unknown[][] = [[]];
    if (paging) {
      const items = lookup(globals, paging.data);
      if (!Array.isArray(items))
        throw new Error(`${template.file}: pagination.data "${paging.data}" is not a list`);
      chunks = [];
      for (let i = 0; i < items.length; i += paging.size) chunks.push(items.slice(i, i + paging.size));
    }
    chunks.forEach((chunk) => {
      const data: Record<string, unknown> = { ...front };
      // Only the alias, not Eleventy's `pagination` object: a page's number in the list would change every
      // page's data when one article is added, and the templates use the alias alone.
      if (paging) data[paging.alias ?? "items"] = paging.size === 1 ? chunk[0] : chunk;
      const view = { ...globals, ...data };
      const link =
        typeof permalink === "function" ? permalink(view) : literal(template, "permalink", permalink);
      if (link === false) return;
      if (typeof link !== "string")
        throw new Error(`${template.file}: permalink is missing (expected a path such as /about/)`);
      const outputPath = outputPathOf(link);
      const url = `/${outputPath.replace(/(^|\/)index\.html$/, "$1")}`;
      data.page = {
        url,
        outputPath,
        inputPath: `./templates/pages/${template.name}`,
        fileSlug: template.name.replace(/\.njk$/, ""),
        outputFileExtension: outputPath.slice(outputPath.lastIndexOf(".") + 1),
        templateSyntax: "njk",
      };
      const computed = (eleventyComputed ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(computed))
        literal(template, `eleventyComputed.${key}`, value);
      pages.push({ template: template.name, url, outputPath, data, computed });
    });
  }
  return pages;
}
