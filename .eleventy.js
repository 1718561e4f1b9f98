// Eleventy adapter: the site is built by the TypeScript plugin in src/site/. `npm run build` runs Eleventy
// through scripts/build.ts (checks first, atomic output); this file serves `npm start` (eleventy --serve).
import "tsx/esm";

export default async function (eleventyConfig) {
  const { gazettePlugin } = await import("./src/site/eleventy-plugin.ts");
  // Called directly, not through addPlugin: it sets the input folders, which plugins may not.
  gazettePlugin(eleventyConfig, { root: import.meta.dirname, url: process.env.GAZETTE_URL });
}
