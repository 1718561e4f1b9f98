import type { Article } from "./article.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { countWords, readingMinutes, summarize } from "./summarize.ts";

/** The Article fields that come from the Markdown body. */
export type BodyFields = Pick<Article, "html" | "text" | "summary" | "wordCount" | "readingMinutes">;

/**
 * Defines the body-derived fields on an article so that the Markdown is rendered once, when one of them is
 * first read, and never again. A command that reads only front matter (the newsletter choosing its entries
 * among 10,000 articles) then renders only the bodies it shows. The fields are ordinary enumerable
 * properties to every reader.
 */
export function defineBodyFields<T extends object>(
  target: T,
  markdown: string,
  givenSummary: string | null,
): T & BodyFields {
  let computed: BodyFields | null = null;
  const compute = (): BodyFields => {
    if (computed) return computed;
    const body = renderMarkdown(markdown);
    const words = countWords(body.text);
    computed = {
      html: body.html,
      text: body.text,
      summary: givenSummary ?? summarize(body.lead),
      wordCount: words,
      readingMinutes: readingMinutes(words),
    };
    return computed;
  };
  const fields: (keyof BodyFields)[] = ["html", "text", "summary", "wordCount", "readingMinutes"];
  for (const key of fields) {
    if (key === "summary" && givenSummary !== null) {
      Object.defineProperty(target, key, { value: givenSummary, enumerable: true, writable: true });
      continue;
    }
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => compute()[key],
      set: (value: unknown) =>
        Object.defineProperty(target, key, { value, enumerable: true, writable: true }),
    });
  }
  return target as T & BodyFields;
}
