import { suite } from "uvu";
import * as assert from "uvu/assert";
import { MAX_SLUG_BYTES, nameTooLong } from "../../src/articles/name-limits.ts";

const names = suite("nameTooLong");

names("counts UTF-8 bytes, as file systems do", () => {
  assert.is(nameTooLong("a".repeat(MAX_SLUG_BYTES)), null);
  assert.match(nameTooLong("a".repeat(MAX_SLUG_BYTES + 1)) ?? "", `${MAX_SLUG_BYTES + 1} bytes`);
  // 130 Arabic letters: 130 characters, 260 bytes.
  assert.match(nameTooLong("خ".repeat(130)) ?? "", "260 bytes");
  assert.match(nameTooLong("📰".repeat(61)) ?? "", "244 bytes");
});

names.run();
