import { readFile } from "node:fs/promises";
import path from "node:path";
import { error } from "../shared/diagnostic.ts";
import { type ConfigOverrides, type ParsedConfig, parseConfig } from "./parse-config.ts";

/** The configuration file's name, at the project root. */
export const CONFIG_FILE = "gazette.config.yaml";

/** Reads and validates `<root>/gazette.config.yaml`. */
export async function loadConfig(root: string, overrides: ConfigOverrides = {}): Promise<ParsedConfig> {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : "cannot be read";
    return {
      config: null,
      diagnostics: [
        error("config/missing", CONFIG_FILE, 0, `${CONFIG_FILE} ${reason} (expected the site configuration)`),
      ],
    };
  }
  return parseConfig(text, CONFIG_FILE, overrides);
}
