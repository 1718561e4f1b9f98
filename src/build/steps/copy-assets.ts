import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hashText } from "../../cache/hash-value.ts";
import type { BuildStep } from "../build-context.ts";

/** Copies templates/assets/ (the stylesheet) to the root of the site. */
export const copyAssets: BuildStep = {
  name: "assets",
  async run(context) {
    const dir = path.join(context.templatesDir, "assets");
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const entry of files) {
      const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      const bytes = readFileSync(path.join(dir, file));
      const key = context.key("asset", file, hashText(bytes));
      if (!context.output.keep(file, key)) context.output.write(file, bytes, key);
    }
  },
};
