import { perLine } from "./title-rule.ts";

/**
 * Page furniture that sits around a headline and is never one: a reading time ("6 min read"), a pager
 * ("Page 1 of 8"), a photo credit ("(Image credit: …)"), a byline's or stamp's opening ("Written by …",
 * "Updated on …"), a comment count, a clock time ("3:53 pm"), a button ending in an arrow ("Book now >"),
 * account links ("Log in", "Sign up"), a note's label ("Disclaimer: …"), menu items glued into one word,
 * and a breadcrumb trail. Of the headline candidates of the corpus's tune half and the dev set (1,390
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
];

/** A trail of links to the page: "Home » Recipes » Bread", "Blog / News / Title". */
const CRUMB = /\s(?:[»›>]|\/)\s/g;

/** Whether a line's text is page furniture that is never the headline (`FURNITURE`). */
export function isFurniture(text: string): boolean {
  const crumbs = (text.match(CRUMB) ?? []).length;
  return crumbs >= 2 || (crumbs >= 1 && /^home\b/i.test(text)) || FURNITURE.some((re) => re.test(text));
}

/** `isFurniture` of a line, remembered per line object. */
export const furnitureLine = perLine(isFurniture);
