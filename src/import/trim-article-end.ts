import { classifyLine } from "./classify-boilerplate.ts";
import { wordsOf } from "./normalize-text.ts";

/**
 * Headings after which a saved page's main content holds no more of the article: the author box, the
 * editors' picks and other reading lists, tags, sources and footnotes, credits, "up next", and the
 * disclaimers and disclosures a financial or medical adviser's post closes with ("Disclaimer & Disclosures:").
 */
const END_HEADING =
  /^(?:about (?:the )?(?:author|authors|writer|contributor|reporter)s?|about [\p{Lu}][\p{L}'’.-]*(?: [\p{Lu}][\p{L}'’.-]*){1,3}|editors?['’]? (?:recommendations|picks?|choice)|recommended(?: by (?:our|the) editors)?|(?:more|other|related|similar) [\p{L} ]{0,30}(?:advice|articles|posts|stories|guides|reading|reads|news)(?: you (?:may|might) (?:also )?(?:like|enjoy))?|next up(?: in\b.*)?|up next|keep reading\b.*|read (?:more|next)\b.*|latest (?:from|in)\b.*|tagged (?:in|with|as)|trending(?: pages| now| in\b.*)?|[\p{L}]+ trending|footnotes?|references?|(?:important |legal )?(?:disclaimers?|disclosures?)(?: (?:&|and) (?:disclaimers?|disclosures?))?|sources?|article sources|notes|photo credits?|credits|share (?:this|your)\b.*|like what you(?:['’]re| are) reading\??)[\s:.!?»›>|]*$/iu;

/** Closing notes that are not the article: a bio, a contact, a credit, a newsletter prompt, a disclaimer. */
const END_NOTE = [
  // "Jane Doe is a reporter at …", "Matt Asay runs developer relations at …", "Al Griffin has been writing …"
  /^(?:\*+\s*)?[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+){0,3},? (?:is|was|has been|runs|covers|writes|leads|serves as) (?:a |an |the )?(?:[\p{L}-]+ ){0,6}(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|analyst|author|producer|critic|specialist|officer|director|consultant|expert|engineer|researcher|founder|attorney|lawyer|professor|student|photographer|manager|strategist|marketer|blogger|host|fellow|lead|writing|developer relations)\b/u,
  /\b(?:contributed (?:to )?(?:this|the) (?:story|report|article|content|post)|reported from|can be reached at|(?:reach|contact) (?:him|her|them|the author) at)\b/i,
  /^\(?(?:reporting|writing|editing|additional reporting) by\b/i,
  /[\w.+-]+@[\w-]+\.[\w.]+/,
  /\b(?:sign up|signup|subscribe|unsubscribe|newsletters?|in your inbox|to your inbox|direct to your inbox|email alerts|successfully subscribed|your subscription|receive (?:e-?mails|updates|offers))\b/i,
  // A research news service's closing block: "More information: …", "Citation: …", "Provided by …".
  /^(?:more information|further information|citation|journal information)\s*:|^provided by \p{Lu}/iu,
  // The copyright notice: "This document is subject to copyright.", "© 2024 …", "Copyright 2024 …".
  /\b(?:subject to copyright|all rights reserved|may not be (?:reproduced|republished|redistributed))\b|^(?:©|copyright\s*(?:©|\(c\)|\d{4}))/i,
  // A sign-up form's required fields: "Your Email*", "Country*".
  /^\p{L}[\p{L} ]{0,30}\*$/u,
  /\b(?:originally (?:published|written|appeared)|first (?:published|appeared) (?:on|in|at))\b/i,
  /^(?:the |this )?(?:article|story|post|interview|content) (?:was|has been|is|may|also|contains|first)\b/i,
  /^(?:\*+\s*)?(?:disclaimer|disclosure|editor['’]?s note|note|tags?|categories|filed under|image (?:credit|source)s?|featured image|photo(?:graph)?s?(?: by| credit)?|credits?|source|published by|written by|reviewed by)\b\s*[:by]/i,
  /\b(?:the (?:views|opinions) expressed|do(?:es)? not (?:necessarily )?reflect|affiliate links?|own shares in|for informational purposes)\b/i,
  /^(?:follow|find) (?:me|us|him|her|them)\b/i,
  /^(?:—|-|–)\s*[\p{Lu}][\p{L} ]+$/u,
];

/** A line that closes an article without being part of it (see `END_NOTE`); long paragraphs never are. */
export function isEndNote(line: string): boolean {
  return wordsOf(line).length <= 80 && END_NOTE.some((re) => re.test(line));
}

/**
 * The article's lines without what a page's main content carries after the article: from a heading
 * that opens another block (the author box, "Editors' Recommendations", "Related articles", tags,
 * sources or footnotes; after the first third of the text, by words) to the end, then closing notes from
 * the end up (an author's bio, a contact address, "X contributed to this report", a newsletter prompt,
 * "This article was originally published on …", a disclaimer, a credit line).
 */
export function trimArticleEnd<T extends { text: string }>(lines: readonly T[]): T[] {
  const total = wordsOf(lines.map((l) => l.text).join(" ")).length;
  let seen = 0;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as T).text;
    if (seen * 3 >= total && wordsOf(text).length <= 8) {
      if (END_HEADING.test(text) || classifyLine(text) === "section-break") {
        end = i;
        break;
      }
    }
    seen += wordsOf(text).length;
  }
  const textAt = (i: number): string => (lines[i] as T).text;
  let kept = end;
  for (;;) {
    while (kept > 1 && isEndNote(textAt(kept - 1))) kept--;
    // Other stories' headlines listed under a closing note ("Want more movie news? Sign up …").
    let start = kept;
    while (start > 0 && isHeadlineLike(textAt(start - 1))) start--;
    if (kept - start < 2 || start < 2 || !isEndNote(textAt(start - 1))) return lines.slice(0, kept);
    kept = start;
  }
}

/** A line shaped like a story's headline: 3–20 words, not ending like a sentence or a label. */
function isHeadlineLike(line: string): boolean {
  const n = wordsOf(line).length;
  return n >= 3 && n <= 20 && !/[.!?:;,…]$/.test(line.replace(/["'”’»)\]\s]+$/u, ""));
}
