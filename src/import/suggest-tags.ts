import { wordsOf } from "./normalize-text.ts";

/** At most this many tags are suggested. */
const MAX_TAGS = 5;

/**
 * Tags from the site's existing ones that an imported article is about, best first: a tag counts when
 * its words occur as a phrase (case-insensitive, a plural "s" allowed) in the title or at least twice in
 * the body; a title mention weighs three body mentions. Never a tag the site does not already use; ties
 * go to the tag more articles use, then alphabetical order. At most five.
 */
export function suggestTags(
  article: { title: string | null; body: string },
  siteTags: ReadonlyArray<{ name: string; uses: number }>,
): string[] {
  const title = ` ${wordsOf((article.title ?? "").toLowerCase()).join(" ")} `;
  const body = ` ${wordsOf(article.body.toLowerCase()).join(" ")} `;
  const scored: Array<{ name: string; score: number; uses: number }> = [];
  for (const tag of siteTags) {
    const words = wordsOf(tag.name.toLowerCase());
    if (words.length === 0) continue;
    const phrase = words.join(" ");
    const inTitle = mentions(title, phrase);
    const inBody = mentions(body, phrase);
    if (inTitle === 0 && inBody < 2) continue;
    scored.push({ name: tag.name, score: inTitle * 3 + inBody, uses: tag.uses });
  }
  scored.sort(
    (a, b) => b.score - a.score || b.uses - a.uses || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return scored.slice(0, MAX_TAGS).map((t) => t.name);
}

/** How often a phrase (or its plural) occurs in space-padded, space-joined words. */
function mentions(haystack: string, phrase: string): number {
  let n = 0;
  for (const form of [phrase, `${phrase}s`, `${phrase}es`]) {
    const needle = ` ${form} `;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  }
  return n;
}
