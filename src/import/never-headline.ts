import { findDate } from "./parse-date.ts";
import { perLine } from "./title-rule.ts";

/**
 * Page furniture that sits around a headline and is never one: a reading time ("6 min read"), a pager
 * ("Page 1 of 8"), a photo credit ("(Image credit: …)"), a byline's or stamp's opening ("Written by …",
 * "Updated on …"), a comment count, a clock time ("3:53 pm"), a button ending in an arrow ("Book now >"),
 * account links ("Log in", "Sign up"), a note's label ("Disclaimer: …"), menu items glued into one word,
 * a breadcrumb trail, and (twelfth session) a date alone, a time ago ("2 days ago"), a rating and a
 * street address. Of the headline candidates of the corpus's tune half and the dev set (1,390
 * copies), 1,213 lines are such furniture and not one is the headline.
 */
const FURNITURE = [
  /\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\.?\s+(?:read|watch|listen)\b/i,
  /\bpage\s+\d+\s+(?:of|\/)\s+\d+\b/i,
  /\b(?:image|photo|picture)\s+(?:credit|courtesy)\b|^credits?\s*:/i,
  /^(?:written|posted|published|updated|reviewed|edited)\s+(?:by|on|in)\b/i,
  /\b\d+\s+(?:comments?|replies)\b/i,
  /\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|[ap]\.m\.)/i,
  /[>›→]$/,
  /\b(?:sign[ -]?in|sign[ -]?up|log[ -]?in|log[ -]?out)\b/i,
  /^(?:note|disclaimer|disclosure|editor's note|advertisement|sponsored)\s*:/i,
  // Menu items glued together by the copy: "INEQUALITYMETROSPORTSBUSINESS", "trailTrade floorExportThe".
  /\p{Lu}{16}|\p{L}{21}/u,
  // A rating: "4.7 out of 5 stars", "67 Reviews 4.7 out of 5 stars".
  /\b\d(?:\.\d)?\s*(?:out of|\/)\s*5\s*stars?\b|^\d[\d,]*\s+(?:reviews|ratings)\b/i,
  // A street address: "11311 McCormick Rd., Suite 500", "507 Polk St, Suite 420" (not "St. Patrick's Day").
  /^\d{2,6}\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:St|Rd|Ave|Blvd|Dr|Ln|Pkwy|Ct|Hwy)\.?(?=\s*,|\s+(?:[Ss]uite|[Ss]te|[Uu]nit|#))/u,
];

/** How long ago a post or comment went up: "2 days ago", "An hour ago", "1h agoChristian Horner and …". */
const TIME_AGO =
  /^(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago/i;

/**
 * `TIME_AGO` alone, before a byline or a separator ("21 hours ago By Jane Doe", "6h ago in News"), or with
 * the next line's words glued on by the copy ("agoChristian"); not a sentence ("3 days ago, the market …").
 */
function isTimeAgo(text: string): boolean {
  const found = TIME_AGO.exec(text);
  return found !== null && /^(?:$|\s*(?:[·•|–—-]|by\b|in\b|\p{Lu}))/u.test(text.slice(found[0].length));
}

/** Weekday names and clock times, which a date stamp may carry beside its date. */
const STAMP_EXTRAS =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:[a-z]{2,4}t|utc|gmt|at)\b/gi;

/** A line that is a date and nothing else: "December 16, 2025", "Friday, Dec. 19, 2025 4:00 PM ET". */
function isBareDate(text: string): boolean {
  const date = findDate(text);
  return date !== null && !/\p{L}{2,}/u.test(text.replace(date.raw, " ").replace(STAMP_EXTRAS, " "));
}

/** A trail of links to the page: "Home » Recipes » Bread", "Blog / News / Title". */
const CRUMB = /\s(?:[»›>]|\/)\s/g;

/** Whether a line's text is page furniture that is never the headline (`FURNITURE`). */
export function isFurniture(text: string): boolean {
  const crumbs = (text.match(CRUMB) ?? []).length;
  return (
    crumbs >= 2 ||
    (crumbs >= 1 && /^home\b/i.test(text)) ||
    FURNITURE.some((re) => re.test(text)) ||
    isBareDate(text) ||
    isTimeAgo(text)
  );
}

/** `isFurniture` of a line, remembered per line object. */
export const furnitureLine = perLine(isFurniture);
