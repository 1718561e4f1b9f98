import { wordsOf } from "./normalize-text.ts";
import { rememberByText } from "./remember-by-text.ts";

/** What a line of copied page text is, as far as boilerplate goes. */
export type LineKind = "text" | "boilerplate" | "section-break" | "comments" | "teaser";

/** Site chrome that fills a whole short line: sharing, subscribing, cookies, ads, navigation, copyright. */
const CHROME =
  /^(?:share(?: (?:this|on|via)\b.*)?|tweet|pin(?: it)?|e-?mail(?: this)?|print(?: this)?(?: (?:article|story|page|post))?|save|copy(?: link)?|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|messenger|follow(?: us| on\b.*)?|subscribe\b.*|sign (?:up|in|out)\b.*|log ?(?:in|out)|register|newsletters?|advertisement|advertising|ad|sponsored|story continues below.*|continue reading.*|read more|see more|show more|load more|more|click here.*|skip to .*|back to top|menu|search|home|close|next|previous|top|image|photo|video|play|listen|(?:we|this site) uses? cookies.*|.*\bcookies?\b.*\b(?:accept|consent|policy|settings)\b.*|accept(?: all)?(?: cookies)?|privacy(?: policy)?|terms(?: of (?:use|service))?|contact(?: us)?|about(?: us)?|©.*|copyright\b.*|.*\ball rights reserved\b.*|(?:newer|older|next|previous|prev) (?:posts?|articles?|stor(?:y|ies)|entry|entries|page)|read (?:on|later)|view (?:photos|gallery|pdf.*)|full ?screen|skip ad|buy now|autoplay|caption|enlarge|zoom|(?:\d+ )?(?:of|\/) \d+|share this(?: article| story| post| page)?|home page|permalink|reply|report|like|comment)[\s.!:»›>|]*$/i;

/** Chrome phrases that give a short line away wherever they stand in it. */
const CHROME_INLINE =
  /\b(?:click to (?:share|email|print|tweet)|opens? in (?:a )?new (?:window|tab)|share (?:on|to|via) (?:facebook|twitter|linkedin|whatsapp|e-?mail|reddit|pinterest|x)|sign up for (?:our|the|a) (?:\w+ )?newsletter|subscribe to (?:our|the) (?:\w+ )?(?:newsletter|channel|podcast|feed)|follow us on|all rights reserved|use of this (?:site|website) constitutes|by clicking|(?:this (?:site|website)|we) uses? cookies|javascript (?:is )?(?:disabled|required)|enable javascript|your browser (?:does not|doesn't) support)\b/i;

/** Headings that open a block which is not the article: related stories, "most read", sponsored links. */
const SECTION =
  /^(?:related(?: (?:stories|articles|posts|topics|content|coverage|news|links|reading|videos?))?|latest(?: (?:news|stories|articles|posts|videos))?|must read|you (?:might|may|will) (?:also )?(?:like|enjoy|be interested in)(?: (?:to )?read(?:ing)?)?|recommended(?: (?:for|to) you| stories| articles| reading)?|more (?:from|on|in|stories|news|articles|like this|to explore)\b.*|read (?:next|also)\b.*|what to read next|most (?:popular|read|viewed|shared|emailed|commented)\b.*|trending(?: now| stories| articles)?|popular(?: posts| stories| now)?|top stories|around the web|from the web|editor'?s? picks?|in other news|don'?t miss\b.*|see also|also on\b.*|tags?:.*|labels?:.*|filed (?:under|in)\b.*|topics?:.*|sponsored (?:content|stories|links)|promoted (?:stories|content|links)|related articles:?)[\s:.!»›>|]*$/i;

/**
 * Headings of a comment widget: what follows is readers' text, never the article. A lone "Comment" is a
 * button or a table column, not a heading: the plural or a count is needed.
 */
const COMMENTS =
  /^(?:(?:there (?:are|is) )?(?:(?:\d+ |no )?(?:comments|responses|replies|thoughts? on\b.*)|\d+ (?:comment|response|reply))(?: \(\d+\))?|post a comment|leave a (?:reply|comment)\b.*|add a comment|(?:show|view|load|read|see|display) (?:all |more |earlier |older )?(?:\d+ )?(?:[a-z]+ )?comments(?: \(\d+\))?(?: on (?:the )?forums?)?|join the (?:conversation|discussion)|comments? (?:are )?closed\b.*|you must be logged in to (?:post|leave) a comment.*)[\s:.!»›>|…]*$/i;

/**
 * A shop's disclosure of its affiliate links, above or below a review or a buying guide: "We may earn a
 * commission when you buy through our links", "This post contains affiliate links", "All products are
 * independently selected by our editors", "As an Amazon Associate I earn from qualifying purchases".
 * Third-person commissions ("streamers earn a commission") need a "may" to count.
 */
const DISCLOSURE =
  /\b(?:may|might|could|can)\s+(?:also\s+)?(?:earn|receive|get|make|collect)\s+(?:a\s+|an\s+)?(?:small\s+)?(?:(?:affiliate|referral)\s+)?(?:commissions?|compensation|share of (?:the )?(?:sales|revenue))|\b(?:we|i)\s+(?:also\s+)?(?:earn|receive|get|make)\s+(?:a\s+|an\s+)?(?:small\s+)?(?:(?:affiliate|referral)\s+)?(?:commissions?|compensation)|\b(?:contains?|uses?|includes?|has)\s+(?:some\s+)?affiliate\s+(?:links?|partnerships|relationships)\b|\bindependently selected by our editors\b|\bearns? from qualifying purchases\b/i;

/** The longest disclosure: a few sentences, not a paragraph of a story about affiliate marketing. */
const MAX_DISCLOSURE_WORDS = 70;

/** A comment count followed by the post it is on: "59 Comments on “…”", "3 thoughts on “…”". */
const COUNTED_COMMENTS = /^\d+ (?:comments?|responses?|replies|reply|thoughts?) (?:on|to) ["“‘'«].*$/i;

/**
 * Classifies one line: `comments` for the heading of a comment widget; `section-break` for a heading that
 * opens related stories, "most read" or similar blocks; `boilerplate` for site chrome (share, subscribe, cookie, ad, navigation and copyright lines, and affiliate disclosures);
 * `teaser` for a cut-off story summary ("… the regime is cracking..."); `text` for everything else.
 * Headings glued to the next one by the copy ("You might also likeRELATED") count as section breaks.
 */
export const classifyLine: (text: string) => LineKind = rememberByText(readLineKind);

function readLineKind(text: string): LineKind {
  const words = wordsOf(text).length;
  // "59 Comments on “The headline”", "15 Replies to “The headline”": a count and the post's title.
  if (words <= 40 && COUNTED_COMMENTS.test(text)) return "comments";
  if (words <= 12) {
    // Copying glues block headings together: "You might also likeRELATED", "Post a CommentIran News…".
    const head = text.split(/(?<=[\p{Ll}:.!?])(?=\p{Lu})/u)[0] ?? text;
    if (COMMENTS.test(text) || COMMENTS.test(head)) return "comments";
    if (words <= 8 && (SECTION.test(text) || SECTION.test(head))) return "section-break";
  }
  if (words <= 6 && CHROME.test(text)) return "boilerplate";
  if (words <= 15 && CHROME_INLINE.test(text)) return "boilerplate";
  if (words <= MAX_DISCLOSURE_WORDS && DISCLOSURE.test(text)) return "boilerplate";
  if (words === 0 && !/[{}()[\];=<>│┼─]/.test(text)) return "boilerplate";
  if (isTeaser(text, words)) return "teaser";
  return "text";
}

/** A story teaser cut off by the site: ends in "..." or "…" after a few words, or a "Read more" link. */
export function isTeaser(text: string, words = wordsOf(text).length): boolean {
  if (/(?:\.\.\.|…)\s*(?:read more|more|»|›|→)?\s*$/i.test(text) && words <= 60) return true;
  return /^(?:read more|continue reading|full story)\b/i.test(text) && words <= 12;
}
