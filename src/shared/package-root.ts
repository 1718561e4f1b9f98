import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the Gazette package (its package.json, templates/, src/), found by walking up from this
 * module: the same whether it runs from `src/` through tsx or from a compiled bundle below node_modules/.
 */
export function findPackageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && existsSync(path.join(dir, "templates"))) {
      const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name;
      if (name === "gazette") return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`Gazette: no package root above ${from}`);
  }
}

/** The Gazette package folder. */
export const PACKAGE_ROOT = findPackageRoot();

/** The templates folder of the package: pages, layouts, partials, assets. */
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");
