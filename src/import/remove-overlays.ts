/** The parts of a DOM document this module uses; `linkedom` and browsers both provide them. */
export interface OverlayDocument {
  querySelectorAll(selector: string): ArrayLike<{ remove(): void }>;
}

/**
 * What a reader never sees as part of the article, whatever its text: elements the page hides from
 * readers (`aria-hidden`, an inline `display:none`; not `hidden`, which React's streaming rendering puts
 * on the article itself until a script moves it in place), dialogs and modal overlays, and cookie, consent and
 * privacy banners (by their role, or a class or id naming them). A long legal or cookie notice otherwise
 * outweighs a short article in Readability's scoring.
 */
const OVERLAYS = [
  '[aria-hidden="true"]',
  '[style*="display:none" i]',
  '[style*="display: none" i]',
  "dialog",
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  // Markup kept for a script to use (a carousel's slides, a dialog's body): a browser never shows it.
  "template",
];

/** Words of a class or id that name a banner or overlay: `cookie-notice`, `gdpr_banner`, `privacyModal`. */
const OVERLAY_WORDS = new Set([
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "privacy",
  "modal",
  "popup",
  "onetrust",
]);

/** The words of an element's class names and id, split at `-`, `_`, spaces and camelCase humps, lower-cased. */
export function nameWords(el: { getAttribute(name: string): string | null }): string[] {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((w) => w !== "");
}

/** Removes hidden elements, dialogs and cookie or consent banners from the page, in place. */
export function removeOverlays(
  document: OverlayDocument & { querySelectorAll(s: string): ArrayLike<Named> },
): void {
  for (const selector of OVERLAYS) {
    for (const el of Array.from(document.querySelectorAll(selector))) el.remove();
  }
  for (const el of Array.from(document.querySelectorAll("[class], [id]")) as Named[]) {
    const name = el.nodeName.toUpperCase();
    if (name === "BODY" || name === "HTML" || name === "MAIN" || name === "ARTICLE") continue;
    // A class on the article's own container ("filterNonGdprEmbeds") names a feature, not a banner.
    if (nameWords(el).some((w) => OVERLAY_WORDS.has(w)) && !el.querySelector(ARTICLE)) el.remove();
  }
}

/** What a banner never holds: the headline or the article's own container. */
const ARTICLE = 'h1, article, main, [itemprop="articleBody"]';

interface Named {
  nodeName: string;
  querySelector(selector: string): unknown;
  getAttribute(name: string): string | null;
  remove(): void;
}
