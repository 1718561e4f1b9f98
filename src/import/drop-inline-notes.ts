import { wordsOf } from "./normalize-text.ts";

/** A link to another story set between paragraphs: "Related: …", "READ MORE: …", "Also read: …". */
const RELATED_LINK =
  /^\(?\s*(?:related|read more|more|see also|also read|read also|recommended|watch|listen|read)\s*(?:stories|articles|story|article)?\s*[:|]\s*\S/i;

/**
 * An image's caption that ends in its credit: "(Credit: University of Liège)", "… (CNS photo/Lola
 * Gomez)", "A still from the trailer. Photo: Rockstar Games", "Megan Briggs/Getty Images", "… /AP Photo".
 * Case matters: a credit is a label and a name, not any sentence ending in "photos: the best".
 */
const CREDIT_ENDING =
  /(?:\((?:(?:[\p{L}. ]{0,30} )?(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Ii]llustration)s?\s*(?:by|[Cc]redit|[Cc]ourtesy|:|\/)|[Cc]redit\s*:|[Cc]ourtesy of|[Ff]ile photo)[^()]{0,60}\)|\b(?:[Pp]hoto|PHOTO|[Ii]mage|[Pp]icture|[Cc]redit|CREDIT|[Cc]ourtesy|[Ii]llustration)s?(?: by| [Cc]redit)?\s*:\s*\p{Lu}[\p{L}.'’&/-]*(?:[ ,;/]+[\p{L}.'’&/-]+){0,6}|\bGetty Images|\bShutterstock|\/\s?(?:AP|Reuters|AFP|EPA)(?: [Pp]hoto)?)\s*\.?\s*$/u;

/**
 * A caption's parenthesised credit in the wire services' form, closing the line: "(AP Photo/Ed Zurga,
 * File)", "(Andrew Rose Gregory via AP, File)", "(Reuters photo/…)". Such a caption may run to a paragraph's
 * length (an agency's caption restates the story), and no paragraph of an article's text ends so.
 */
const WIRE_CREDIT =
  /\((?:[^()]{0,40}\b(?:AP|Reuters|AFP|EPA|CNS|UPI|Xinhua|Getty\sImages)\s[Pp]hotos?\s*\/|[^()]{1,60}\bvia\s(?:AP|Reuters|AFP|EPA|Getty\sImages|UPI|Xinhua)\b)[^()]{0,60}\)\s*$/u;

/** The signature of an embedded social post: "Jane Doe (@jdoe) December 20, 2023", "pic.twitter.com/…". */
const EMBED_SIGNATURE =
  /\(@\w{1,20}\)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\s*$|pic\.twitter\.com\/\w+/i;

/** Whether a line inside the article is a note between its paragraphs rather than its text. */
export function isInlineNote(line: string): boolean {
  if (WIRE_CREDIT.test(line)) return true;
  if (wordsOf(line).length > 60) return false;
  return RELATED_LINK.test(line) || CREDIT_ENDING.test(line) || EMBED_SIGNATURE.test(line);
}

/**
 * The article's lines without the notes a page sets between paragraphs (`isInlineNote`): links to other
 * stories, captions ending in a photo credit, and the signature lines of embedded social posts.
 */
export function dropInlineNotes<T extends { text: string }>(lines: readonly T[]): T[] {
  return lines.filter((l) => !isInlineNote(l.text));
}
