/** What every page needs from the site: its name, address and language. */
export interface PageSite {
  title: string;
  description: string;
  /** The site's address, ending in `/`: the stylesheet and the home link come from it. */
  url: string;
  language: string;
}

/** A rendered page and its HTTP status. */
export interface Page {
  status: 200 | 400 | 404 | 413 | 429 | 500 | 503;
  html: string;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A whole page in the site's look (pure): the site's own stylesheet, header and footer, the given heading and
 * body HTML (already escaped by the caller), no JavaScript, and `noindex` (these pages are personal).
 */
export function layout(site: PageSite, heading: string, body: string): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${e(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(heading)} · ${e(site.title)}</title>
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="${e(site.url)}style.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="${e(site.url)}">${e(site.title)}</a></p>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
<h1>${e(heading)}</h1>
${body}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${e(site.title)}${site.description ? `: ${e(site.description)}` : ""}</p>
</div>
</footer>
</body>
</html>
`;
}

const p = (text: string): string => `<p>${escapeHtml(text)}</p>`;
const back = (site: PageSite): string =>
  `<p><a href="${escapeHtml(site.url)}">Back to ${escapeHtml(site.title)}</a></p>`;

/** One button in a `<form method="post">` to the page's own address, with hidden fields. */
function button(label: string, fields: Record<string, string>): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("\n");
  return `<form class="signup" method="post">\n${hidden}\n<button type="submit">${escapeHtml(label)}</button>\n</form>`;
}

/** After a form post, whatever the address's state: the same words for everyone. */
export function checkInboxPage(site: PageSite): Page {
  return {
    status: 200,
    html: layout(
      site,
      "Check your inbox",
      `${p("If the address can be subscribed, an email with a link to confirm is on its way. The link works for 48 hours.")}
${p("Nothing arrived? Look in your spam folder, or subscribe again later.")}
${back(site)}`,
    ),
  };
}

/** GET /confirm with a good token: one button, nothing changed yet. */
export function confirmPage(site: PageSite, token: string): Page {
  return {
    status: 200,
    html: layout(
      site,
      "Confirm your subscription",
      `${p(`Press the button to get ${site.title} by email.`)}\n${button("Confirm subscription", { token })}`,
    ),
  };
}

/** POST /confirm done. */
export function confirmedPage(site: PageSite): Page {
  return {
    status: 200,
    html: layout(
      site,
      "You are subscribed",
      `${p(`Thank you: the next issue of ${site.title} comes to your inbox. Every email has a link to unsubscribe.`)}\n${back(site)}`,
    ),
  };
}

/** POST /confirm for an address that can no longer be confirmed (unsubscribed since, or suppressed). */
export function notConfirmedPage(site: PageSite): Page {
  return {
    status: 400,
    html: layout(
      site,
      "This subscription cannot be confirmed",
      `${p("The address can no longer be confirmed with this link. To get the newsletter, subscribe again on the site.")}\n${back(site)}`,
    ),
  };
}

/** A confirmation or unsubscribe link that is forged, altered or too old. */
export function badLinkPage(site: PageSite, what: "confirm" | "unsubscribe", expired: boolean): Page {
  const text =
    what === "confirm"
      ? expired
        ? "This confirmation link is more than 48 hours old. Subscribe again on the site to get a new one."
        : "This confirmation link is not valid. Copy the whole link from the email, or subscribe again on the site."
      : "This unsubscribe link is not valid. Use the link at the bottom of one of our emails, or reply to it.";
  return { status: 400, html: layout(site, "This link does not work", `${p(text)}\n${back(site)}`) };
}

/** GET /unsubscribe with a good token: one button, nothing changed yet. */
export function unsubscribePage(site: PageSite, email: string, token: string): Page {
  return {
    status: 200,
    html: layout(
      site,
      "Unsubscribe",
      `${p(`Press the button to stop sending ${site.title} to ${email}.`)}\n${button("Unsubscribe", { email, token })}`,
    ),
  };
}

/** POST /unsubscribe done (also for an address that was not subscribed: the same answer). */
export function unsubscribedPage(site: PageSite): Page {
  return {
    status: 200,
    html: layout(
      site,
      "You are unsubscribed",
      `${p(`You will get no more issues of ${site.title}. Changed your mind? Subscribe again on the site.`)}\n${back(site)}`,
    ),
  };
}

/** A form post with an address the service does not take. */
export function badAddressPage(site: PageSite, reason: string): Page {
  return {
    status: 400,
    html: layout(
      site,
      "That address does not look right",
      `${p(`We could not use it: ${reason}.`)}\n<p><a href="${escapeHtml(site.url)}subscribe/">Try again</a></p>`,
    ),
  };
}

/** Any other refusal or failure, in plain words. */
export function messagePage(site: PageSite, status: Page["status"], heading: string, text: string): Page {
  return { status, html: layout(site, heading, `${p(text)}\n${back(site)}`) };
}
