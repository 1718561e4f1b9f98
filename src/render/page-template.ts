import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/** A Nunjucks page or layout template split into its front matter data and its body. */
export interface PageTemplate {
  /** File name, e.g. `article.njk`. */
  name: string;
  /** Absolute path, for messages. */
  file: string;
  /** The front matter: YAML (`---`) or a JavaScript object literal (`---js`), as Eleventy reads them. */
  data: Record<string, unknown>;
  /** The template text after the front matter. */
  body: string;
}

/**
 * Splits a template the way Eleventy's gray-matter does: a first line `---` (or `---js`) opens the front
 * matter, the next line starting with `---` closes it, and the body starts after that, less one line break.
 * `---js` front matter is one JavaScript object literal (functions allowed), `---` is YAML; a file without
 * front matter is all body.
 */
export function parsePageTemplate(name: string, file: string, text: string): PageTemplate {
  if (!text.startsWith("---") || text.charAt(3) === "-") return { name, file, data: {}, body: text };
  let rest = text.slice(3);
  const lineEnd = rest.indexOf("\n");
  const languageLine = lineEnd === -1 ? rest : rest.slice(0, lineEnd);
  const language = languageLine.trim() || "yaml";
  rest = rest.slice(languageLine.length);
  const close = rest.indexOf("\n---");
  const source = close === -1 ? rest : rest.slice(0, close);
  let body = close === -1 ? "" : rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  let data: unknown = {};
  if (source.replace(/^\s*#[^\n]+/gm, "").trim() === "") data = {};
  else if (language === "js" || language === "javascript") {
    // The template files are the site's own code, like .eleventy.js: evaluated, not sandboxed.
    data = new Function(`return (${source.trim()});`)();
  } else if (language === "yaml") {
    data = parseYaml(source) ?? {};
  } else {
    throw new Error(
      `${file}: front matter "---${language}" is not supported (expected --- for YAML or ---js)`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new Error(`${file}: the front matter is not a mapping (expected key: value pairs)`);
  return { name, file, data: data as Record<string, unknown>, body };
}

/** Reads every `*.njk` template of a folder, sorted by name. */
export function readPageTemplates(dir: string): PageTemplate[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".njk"))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return parsePageTemplate(name, file, readFileSync(file, "utf8"));
    });
}
