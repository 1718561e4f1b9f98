/**
 * The Nunjucks environment options of the site templates, shared by the Eleventy adapter and the direct
 * renderer so both render the same bytes.
 */
export const NUNJUCKS_OPTIONS = {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
} as const;
