import { suite } from "uvu";
import * as assert from "uvu/assert";
import { decodeCopiedText, decodeHtml, decodeSavedPage } from "../../src/import/decode-page.ts";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const html = suite("decodeHtml");

html("a page declaring a legacy charset in a <meta> is read in it", () => {
  // "Café" in windows-1252, "日本" in Shift_JIS.
  const latin = bytes('<html><head><meta charset="windows-1252"><title>Caf', [0xe9], "</title>");
  assert.match(decodeHtml(latin), /<title>Café<\/title>/);
  const japanese = bytes(
    '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>',
    [0x93, 0xfa, 0x96, 0x7b],
    "</p>",
  );
  assert.match(decodeHtml(japanese), /<p>日本<\/p>/);
});

html("the HTTP charset wins over the page's, a byte-order mark over both", () => {
  const page = bytes('<meta charset="utf-8"><p>Caf', [0xe9], "</p>");
  assert.match(decodeHtml(page, "text/html; charset=ISO-8859-1"), /Café/);
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('<meta charset="windows-1252"><p>Ünï</p>', "utf16le"),
  ]);
  assert.is(decodeHtml(utf16, "text/html; charset=windows-1252"), '<meta charset="windows-1252"><p>Ünï</p>');
  const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>Ünï</p>")]);
  assert.is(decodeHtml(withMark), "<p>Ünï</p>");
});

html("valid UTF-8 is UTF-8 even where the page's <meta> names the charset it was saved from", () => {
  assert.is(
    decodeHtml(Buffer.from('<meta charset="iso-8859-1"><p>Ünï — “x”</p>')),
    '<meta charset="iso-8859-1"><p>Ünï — “x”</p>',
  );
});

html("undeclared bytes that are not UTF-8 are windows-1252; unknown labels are passed over", () => {
  assert.is(decodeHtml(bytes("<p>", [0x93], "quoted", [0x94], "</p>")), "<p>“quoted”</p>");
  assert.match(
    decodeHtml(bytes('<meta charset="no-such-charset"><p>Caf', [0xe9], "</p>"), "text/html; charset=bogus"),
    /Café/,
  );
  // A page cannot announce UTF-16 from inside itself: read as UTF-8 (here, with one bad byte).
  assert.match(decodeHtml(bytes('<meta charset="utf-16"><p>ok', [0xff], "</p>")), /<p>ok\uFFFD<\/p>/);
});

const saved = suite("decodeSavedPage");

saved("empty, binary and blank files are refused, saying what is wrong", () => {
  assert.equal(decodeSavedPage(new Uint8Array()), { error: "the file is empty" });
  assert.match((decodeSavedPage(bytes("<p>", [0], "</p>")) as { error: string }).error, /binary/);
  assert.equal(decodeSavedPage(Buffer.from(" \n\t ")), { error: "the file has only white space" });
  assert.equal(decodeSavedPage(bytes('<meta charset="windows-1252">Caf', [0xe9])), {
    text: '<meta charset="windows-1252">Café',
  });
});

const copied = suite("decodeCopiedText");

copied("UTF-8 with or without a byte-order mark, UTF-16 with one", () => {
  assert.equal(decodeCopiedText(Buffer.from("Café noir\n")), { text: "Café noir\n" });
  assert.equal(decodeCopiedText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Café")])), {
    text: "Café",
  });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Headline\nCafé", "utf16le")]);
  assert.equal(decodeCopiedText(le), { text: "Headline\nCafé" });
  const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("Hé", "utf16le").swap16()]));
  assert.equal(decodeCopiedText(be), { text: "Hé" });
});

copied("text in another encoding is refused, not guessed; so are binary and blank files", () => {
  assert.equal(decodeCopiedText(bytes("Caf", [0xe9])), {
    error: "the file is not UTF-8 text (expected UTF-8: re-save it as UTF-8)",
  });
  assert.equal(decodeCopiedText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes("Caf", [0xe9])])), {
    error: "the file is not UTF-8 text (expected UTF-8: re-save it as UTF-8)",
  });
  assert.match((decodeCopiedText(bytes("PNG", [0, 1, 2])) as { error: string }).error, /binary/);
  const nulInUtf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\0b", "utf16le")]);
  assert.match((decodeCopiedText(nulInUtf16) as { error: string }).error, /binary/);
  assert.equal(decodeCopiedText(new Uint8Array()), { error: "the file is empty" });
  assert.equal(decodeCopiedText(Buffer.from("\n  \n")), { error: "the file has only white space" });
});

html.run();
saved.run();
copied.run();
