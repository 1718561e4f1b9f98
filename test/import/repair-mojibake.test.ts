import { suite } from "uvu";
import * as assert from "uvu/assert";
import { importArticle } from "../../src/import/import-article.ts";
import { importHtml } from "../../src/import/import-html.ts";
import { repairMojibake, repairPageMojibake } from "../../src/import/repair-mojibake.ts";

/** What `text` becomes when its UTF-8 bytes are read as `encoding` ("latin1" or "windows-1252"). */
const misread = (text: string, encoding: "latin1" | "windows-1252"): string => {
  const bytes = Buffer.from(text, "utf8");
  if (encoding === "latin1") return bytes.toString("latin1");
  // Node reads the windows-1252 label as Latin-1, so map 0x80–0x9F by hand, as a browser would.
  const high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
  return [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? high[b - 0x80] : String.fromCharCode(b))).join("");
};

const text = suite("repairMojibake");

const original = "I’ve said it — “twice” … café, naïve, 10\u00a0°C, © 2024, 😀 and € 5.";

text("UTF-8 misread as windows-1252 or as Latin-1 is read again", () => {
  assert.is(repairMojibake(misread(original, "windows-1252")), original);
  assert.is(repairMojibake(misread(original, "latin1")), original);
  assert.is(repairMojibake("Iâ€™ve and youâ€™re"), "I’ve and you’re");
});

text("correct text, ASCII and text with a single telltale are left alone", () => {
  for (const t of [original, "plain ASCII text", "Ça va, Ångström, Øresund, “CAFÉ” — OK"])
    assert.is(repairMojibake(t), t);
  // An article about encodings that quotes one misreading keeps it.
  const quote = "how many times I saw “Ã¤” instead of “ä”";
  assert.is(repairMojibake(quote), quote);
});

text("a sequence that is not UTF-8 stays as it is; the rest is repaired", () => {
  // "Ã€" reads as C3 80 = "À"; "Ã\u0080\u0080" is not a sequence; an overlong C0 80 never matches.
  assert.is(repairMojibake("Ã© and Ã© and Ã"), "é and é and Ã");
  assert.is(repairMojibake("Ã© Ã© \u00e0\u0080\u0080"), "é é \u00e0\u0080\u0080");
});

text("the evidence can be other text than the one repaired", () => {
  assert.is(repairMojibake("Ã©", "Ã© Ã©"), "é");
  assert.is(repairMojibake("Ã© Ã©", "clean"), "Ã© Ã©");
});

const page = suite("repairPageMojibake");

page("judged by what the page shows, not by its style sheets or scripts", () => {
  const styled =
    '<style>li:before{content:"â€¢"} a:after{content:"â†’"}</style><script>var q="Ã¤ Ã¤"</script><p>Ã¤</p>';
  assert.is(repairPageMojibake(styled), styled);
  const shown = "<p>Iâ€™ve seen it.</p><p>Youâ€™re right.</p>";
  assert.is(repairPageMojibake(shown), "<p>I’ve seen it.</p><p>You’re right.</p>");
});

const both = suite("a misread page imported");

const paragraphs = [
  "Iâ€™ve covered the councilâ€™s budget for a decade, and this yearâ€™s is the tightest yet.",
  "The mayor said the cuts were â€œpainful but necessaryâ€\u009d and that no school would close.",
  "Residents who spoke at Tuesdayâ€™s meeting disagreed â€” loudly â€” with that reading of it.",
];

both("copied text and a saved page both come out as the publisher wrote them", () => {
  const copied = importArticle(`Council passes a lean budget\n\n${paragraphs.join("\n\n")}\n`, {
    date: "2024-03-05",
  });
  assert.match(copied.body, /I’ve covered the council’s budget/);
  assert.match(copied.body, /“painful but necessary”/);
  assert.not.match(copied.body, /â€/);
  const html = `<!doctype html><html><head><title>Council passes a lean budget</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><article><h1>Council passes a lean budget</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
  const saved = importHtml(html);
  assert.match(saved.body, /I’ve covered the council’s budget/);
  assert.not.match(saved.body, /â€/);
});

text.run();
page.run();
both.run();
