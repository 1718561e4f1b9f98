import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { removeMarkedNotes } from "../../src/import/remove-marked-notes.ts";

const remove = suite("removeMarkedNotes");

remove("removes captions, bylines, author bios, disclaimers and footnotes named by their class or id", () => {
  const { document } = parseHTML(`<html><body>
    <p>The article's first paragraph.</p>
    <div class="image-caption"><span>A caption under a photo.</span></div>
    <p class="articleByline">By Jane Doe</p>
    <div class="author_bio"><p>Jane Doe covers energy.</p></div>
    <p id="disclaimer">The views expressed are the author's.</p>
    <ol class="footnotes"><li>A footnote.</li></ol>
    <p>The article's last paragraph.</p>
  </body></html>`);
  removeMarkedNotes(document as never);
  assert.equal(
    Array.from(document.querySelectorAll("p, li, span"), (p) => p.textContent),
    ["The article's first paragraph.", "The article's last paragraph."],
  );
});

remove(
  "removes an author box, an embedded tweet, a sign-up form, a breadcrumb trail and post navigation",
  () => {
    const { document } = parseHTML(`<html><body>
    <p>The article's first paragraph.</p>
    <div class="post-author"><p>Jane Doe has covered energy since 2010.</p></div>
    <blockquote class="twitter-tweet"><p>A post embedded in the article.</p></blockquote>
    <div id="newsletterSignup"><p>Get our newsletter.</p></div>
    <nav class="breadcrumb"><p>Home › News</p></nav>
    <div class="prev-post"><p>The previous story's headline</p></div>
    <p class="eyebrow">Energy</p>
    <p>The article's last paragraph.</p>
  </body></html>`);
    removeMarkedNotes(document as never);
    assert.equal(
      Array.from(document.querySelectorAll("p"), (p) => p.textContent),
      ["The article's first paragraph.", "The article's last paragraph."],
    );
  },
);

remove("never removes the post's own article element, named after its author", () => {
  const { document } = parseHTML(`<html><body>
    <article class="post hentry author-jane-doe">
      <p>The article's first paragraph, long enough to be most of the text.</p>
      <div class="post-author">Jane Doe</div>
    </article>
  </body></html>`);
  removeMarkedNotes(document as never);
  assert.equal(
    Array.from(document.querySelectorAll("p, div"), (p) => p.textContent),
    ["The article's first paragraph, long enough to be most of the text."],
  );
});

remove("keeps blocks whose class only contains such a word inside a longer one", () => {
  const { document } = parseHTML(`<html><body>
    <p class="biography-section">A longer word.</p>
    <p class="captioned-text">Captioned text stays.</p>
    <p class="article-body">The body stays.</p>
  </body></html>`);
  removeMarkedNotes(document as never);
  assert.equal(Array.from(document.querySelectorAll("p"), (p) => p.textContent).length, 3);
});

remove.run();
