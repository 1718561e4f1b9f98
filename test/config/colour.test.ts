import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contrastRatio, darkModeAccent, luminance, parseHexColour, toHex } from "../../src/config/colour.ts";

const parse = suite("parseHexColour");
parse("reads six and three digits, any case", () => {
  assert.equal(parseHexColour("#A61B1B"), [166, 27, 27]);
  assert.equal(parseHexColour("#a11"), [170, 17, 17]);
});
parse("refuses names, missing # and wrong lengths", () => {
  assert.is(parseHexColour("red"), null);
  assert.is(parseHexColour("a61b1b"), null);
  assert.is(parseHexColour("#a61b1"), null);
});
parse.run();

const hex = suite("toHex");
hex("writes lower-case #rrggbb, rounding", () => {
  assert.is(toHex([166, 27.4, 0]), "#a61b00");
});
hex.run();

const lum = suite("luminance");
lum("black is 0 and white is 1", () => {
  assert.is(luminance([0, 0, 0]), 0);
  assert.is(luminance([255, 255, 255]), 1);
});
lum.run();

const ratio = suite("contrastRatio");
ratio("black on white is 21:1 either way round; a colour on itself is 1:1", () => {
  assert.is(contrastRatio([0, 0, 0], [255, 255, 255]), 21);
  assert.is(contrastRatio([255, 255, 255], [0, 0, 0]), 21);
  assert.is(contrastRatio([120, 40, 200], [120, 40, 200]), 1);
});
ratio("#767676 on white is the classic 4.54:1", () => {
  assert.is(Number(contrastRatio([118, 118, 118], [255, 255, 255]).toFixed(2)), 4.54);
});
ratio.run();

const dark = suite("darkModeAccent");
const background = parseHexColour("#15171a") ?? [0, 0, 0];
dark("lightens a dark accent until it reads on the dark page, keeping its hue", () => {
  for (const accent of ["#a61b1b", "#0b5394", "#1d6b3a", "#000080"]) {
    const rgb = parseHexColour(accent) ?? [0, 0, 0];
    const lighter = darkModeAccent(rgb, background);
    assert.ok(contrastRatio(lighter, background) >= 5, `${accent} → ${toHex(lighter)}`);
    // The strongest channel stays the strongest: still red, blue, green.
    assert.is(lighter.indexOf(Math.max(...lighter)), rgb.indexOf(Math.max(...rgb)), accent);
  }
});
dark("an accent already light enough is kept", () => {
  assert.equal(darkModeAccent([255, 200, 80], background), [255, 200, 80]);
});
dark.run();
