// Eleventy adapter: the site is built by the TypeScript plugin in src/site/. `npm run build` runs Eleventy
// through scripts/build.ts (checks first, atomic output); this file serves `npx @11ty/eleventy --serve`.
import "tsx/esm";

export default async function (eleventyConfig) {
  const { gazettePlugin } = await import("./src/site/eleventy-plugin.ts");
  eleventyConfig.addPlugin(gazettePlugin, { root: import.meta.dirname, url: process.env.GAZETTE_URL });
}
