import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { imageInfo, imageType } from "../../src/images/image-info.ts";

const png = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: "#123456" } })
    .png()
    .toBuffer();

const info = suite("imageInfo");
info("reads width, height, format, type, size and a content hash from the bytes", async () => {
  const bytes = await png(640, 360);
  const read = imageInfo(bytes);
  if ("problem" in read) throw new Error(read.problem);
  assert.is(read.width, 640);
  assert.is(read.height, 360);
  assert.is(read.format, "png");
  assert.is(read.type, "image/png");
  assert.is(read.bytes, bytes.byteLength);
  assert.match(read.hash, /^[0-9a-f]{64}$/);
  const other = imageInfo(await png(641, 360));
  assert.ok(!("problem" in other) && other.hash !== read.hash, "other bytes, other hash");
});
info("an SVG's size comes from its attributes", () => {
  const read = imageInfo(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="1" height="1"/></svg>',
    ),
  );
  assert.equal("problem" in read ? read : [read.width, read.height, read.type], [120, 40, "image/svg+xml"]);
});
info("text that is not an image gives a reason, not an exception", () => {
  const read = imageInfo(Buffer.from("not an image at all"));
  assert.ok("problem" in read);
  assert.match("problem" in read ? read.problem : "", /is not an image/);
});
info.run();

const type = suite("imageType");
type("maps formats and extensions to MIME types", () => {
  assert.is(imageType("jpg"), "image/jpeg");
  assert.is(imageType(".JPEG"), "image/jpeg");
  assert.is(imageType("webp"), "image/webp");
  assert.is(imageType("txt"), null);
});
type.run();
