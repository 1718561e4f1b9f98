import { parseArticle } from "../articles/parse-article.ts";
import { printable } from "../shared/diagnostic.ts";

/**
 * The build's errors for an article file the importer is about to write (`name` is its file name,
 * `content` its text), as `line N: message`, or none. The importer writes nothing the build would refuse:
 * a `--source-url` or a page's address that is not a web address, a tag or source with no letters, a name
 * too long for a folder. The date is a plain `YYYY-MM-DD`, the same calendar day in every zone, so UTC
 * stands in for the site's time zone.
 */
export function checkArticleFile(name: string, content: string): string[] {
  const { diagnostics } = parseArticle({ file: name, name, text: content }, { timeZone: "UTC" });
  return diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `line ${d.line}: ${printable(d.message)}`);
}
