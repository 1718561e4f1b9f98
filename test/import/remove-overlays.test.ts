import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { removeOverlays } from "../../src/import/remove-overlays.ts";

const remove = suite("removeOverlays");

remove("removes dialogs, hidden-from-readers blocks and cookie, consent and privacy banners", () => {
  const { document } = parseHTML(`<html><body>
    <div class="privacy-content-box"><p>A cookie is a small piece of data.</p></div>
    <div id="onetrust-banner-sdk"><p>We use cookies.</p></div>
    <div role="dialog"><p>Subscribe now.</p></div>
    <dialog><p>Sign in.</p></dialog>
    <div aria-hidden="true"><p>Decorative.</p></div>
    <div style="display: none"><p>Invisible.</p></div>
    <div class="cookieBar"><p>Accept all.</p></div>
    <article class="post"><p>The article stays.</p></article>
  </body></html>`);
  removeOverlays(document as never);
  const texts = Array.from(document.querySelectorAll("p"), (p) => p.textContent);
  assert.equal(texts, ["The article stays."]);
});

remove("removes template markup, which a browser never shows (a carousel's slides kept for a script)", () => {
  const { document } = parseHTML(`<html><body>
    <div class="carousel"><template><p>A slide's caption.</p></template></div>
    <p>The article stays.</p>
  </body></html>`);
  removeOverlays(document as never);
  assert.equal(document.querySelectorAll("template").length, 0);
  assert.not.match(document.body.innerHTML, /slide/);
});

remove("keeps what only looks like a banner name, and React's hidden streaming blocks", () => {
  const { document } = parseHTML(`<html><body>
    <div class="modality-study"><p>Modality.</p></div>
    <div class="privacypolicy-link-text"><p>Policy words inside a longer token.</p></div>
    <div hidden id="S:1"><p>Streamed article.</p></div>
    <main class="cookie-recipes"><p>Main is never removed.</p></main>
    <div class="caas filterNonGdprEmbeds"><h1>Headline</h1><p>Nor the article's container.</p></div>
  </body></html>`);
  removeOverlays(document as never);
  const texts = Array.from(document.querySelectorAll("p"), (p) => p.textContent);
  assert.equal(texts, [
    "Modality.",
    "Policy words inside a longer token.",
    "Streamed article.",
    "Main is never removed.",
    "Nor the article's container.",
  ]);
});

remove.run();
