import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexedPart } from "../../src/search/indexed-part.ts";

const part = suite("indexedPart");

const page = (body: string, around = "", head = "<title>T</title>") =>
  `<!doctype html><html lang="en"><head>${head}<link rel="stylesheet" href="/style.css?v=1"></head><body><nav>Menu</nav>${around}<article class="article" data-pagefind-body data-pagefind-sort="date:2019"><h1>T</h1>${body}</article><nav>Next: X</nav><footer>F</footer></body></html>`;

part("keeps the html tag, the title and the indexed article, whatever surrounds them", () => {
  assert.is(
    indexedPart(page("<p>Body</p>")),
    '<html lang="en">\n<title>T</title>\n<article class="article" data-pagefind-body data-pagefind-sort="date:2019"><h1>T</h1><p>Body</p></article>',
  );
  const other = page("<p>Body</p>").replace("Next: X", "Next: Y").replace("v=1", "v=2");
  assert.is(indexedPart(other), indexedPart(page("<p>Body</p>")), "navigation and stylesheet do not count");
  assert.is.not(indexedPart(page("<p>Body!</p>")), indexedPart(page("<p>Body</p>")));
  assert.is.not(
    indexedPart(page("<p>Body</p>", "", "<title>U</title>")),
    indexedPart(page("<p>Body</p>")),
    "the title counts",
  );
});

part("an article nested in the body does not cut the part short", () => {
  const nested = page("<article><p>Inner</p></article><p>After the inner article</p>");
  assert.match(indexedPart(nested), "After the inner article</p></article>");
});

part("a page with data-pagefind outside the article, or without it, counts whole", () => {
  const outside = page("<p>Body</p>", '<p data-pagefind-meta="x">X</p>');
  assert.is(indexedPart(outside), outside);
  const plain = "<html><body><p>No index marks</p></body></html>";
  assert.is(indexedPart(plain), plain);
  const div = "<html><body><div data-pagefind-body><p>A div</p></div></body></html>";
  assert.is(indexedPart(div), div, "only an article element is cut out");
});

part.run();
