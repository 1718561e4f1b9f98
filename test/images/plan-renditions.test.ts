import { suite } from "uvu";
import * as assert from "uvu/assert";
import { planRenditions } from "../../src/images/plan-renditions.ts";

const HASH = "ab".repeat(32);
const plan = suite("planRenditions");

plan("a large JPEG: AVIF, WebP and JPEG at 480, 800, 1200 and 1600 px; the 1200 copy is the main one", () => {
  const planned = planRenditions("/images/news/harbour.jpg", { width: 3000, format: "jpg", hash: HASH });
  assert.ok(planned);
  if (!planned) return;
  const { renditions, jobs } = planned;
  assert.equal(
    renditions.modern.map((r) => r.type),
    ["image/avif", "image/webp"],
  );
  assert.is(renditions.fallback.type, "image/jpeg");
  assert.equal(
    renditions.fallback.files.map((f) => f.src),
    [
      "/images/news/harbour-480.jpg",
      "/images/news/harbour-800.jpg",
      "/images/news/harbour-1200.jpg",
      "/images/news/harbour-1600.jpg",
    ],
  );
  assert.is(renditions.src, "/images/news/harbour-1200.jpg");
  assert.is(renditions.width, 1200);
  assert.is(jobs.length, 12);
  assert.ok(jobs.every((j) => j.cacheName.startsWith(HASH.slice(0, 20))));
  assert.is(new Set(jobs.map((j) => j.cacheName)).size, 12, "one cache file per copy");
});

plan("never wider than the original; its own width is the widest copy", () => {
  const planned = planRenditions("/images/a.png", { width: 1000, format: "png", hash: HASH });
  assert.equal(
    planned?.renditions.fallback.files.map((f) => [f.src, f.width]),
    [
      ["/images/a-480.png", 480],
      ["/images/a-800.png", 800],
      ["/images/a-1000.png", 1000],
    ],
  );
  assert.is(planned?.renditions.fallback.type, "image/png", "a PNG falls back to PNG");
  assert.is(planned?.renditions.src, "/images/a-1000.png");
  const tiny = planRenditions("/images/icon.webp", { width: 64, format: "webp", hash: HASH });
  assert.equal(tiny?.renditions.fallback.files, [{ src: "/images/icon-64.jpg", width: 64 }]);
});

plan("SVG and GIF are used as they are", () => {
  assert.is(planRenditions("/images/logo.svg", { width: 300, format: "svg", hash: HASH }), null);
  assert.is(planRenditions("/images/anim.gif", { width: 300, format: "gif", hash: HASH }), null);
});

plan("another original, other cache names", () => {
  const a = planRenditions("/images/a.jpg", { width: 900, format: "jpg", hash: HASH });
  const b = planRenditions("/images/a.jpg", { width: 900, format: "jpg", hash: "cd".repeat(32) });
  assert.not.equal(a?.jobs[0]?.cacheName, b?.jobs[0]?.cacheName);
});
plan.run();
