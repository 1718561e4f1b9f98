import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { imageInfo } from "../../src/images/image-info.ts";
import { prepareImages } from "../../src/images/prepare-images.ts";
import {
  eachTwoAtATime,
  imageOutputs,
  recordImageSizes,
  renderRendition,
  writeImages,
} from "../../src/images/write-images.ts";
import { makeFixtureSite, writeFixtureImage } from "../build/fixture-site.ts";
import { makeArticle, makeConfig } from "../factories.ts";

const articleWith = (src: string) =>
  makeArticle({
    image: { src, alt: "A harbour", caption: null, line: 6, width: null, height: null, renditions: null },
  });

const write = suite("writeImages");
write("copies the images folder and writes every copy, then records the main copy's size", async () => {
  const root = await makeFixtureSite("", {});
  await writeFixtureImage(root, "images/harbour.jpg", 900, 500);
  await writeFile(path.join(root, "images", "notes.txt"), "kept as it is");
  const article = articleWith("/images/harbour.jpg");
  const { plan } = await prepareImages(makeConfig(), [article], root);
  const out = path.join(root, "_out");
  const count = await writeImages(plan, [article], root, out);
  const files = (await readdir(path.join(out, "images"))).sort();
  assert.equal(files, [
    "harbour-480.avif",
    "harbour-480.jpg",
    "harbour-480.webp",
    "harbour-800.avif",
    "harbour-800.jpg",
    "harbour-800.webp",
    "harbour-900.avif",
    "harbour-900.jpg",
    "harbour-900.webp",
    "harbour.jpg",
    "notes.txt",
  ]);
  assert.is(count, 11);
  const main = await readFile(path.join(out, "images", "harbour-900.jpg"));
  assert.is(article.image?.renditions?.bytes, main.byteLength);
  const info = imageInfo(await readFile(path.join(out, "images", "harbour-480.webp")));
  assert.equal("problem" in info ? info : [info.format, info.width, info.height], ["webp", 480, 267]);
  await rm(root, { recursive: true, force: true });
});

write("a second build takes the copies from the cache instead of encoding them again", async () => {
  const root = await makeFixtureSite("", {});
  await writeFixtureImage(root, "images/a.png", 500, 500);
  const article = articleWith("/images/a.png");
  const { plan } = await prepareImages(makeConfig(), [article], root);
  await writeImages(plan, [article], root, path.join(root, "one"));
  const cache = path.join(root, ".gazette-cache", "images");
  const cached = (await readdir(cache)).sort();
  assert.is(cached.length, 6, "480 and 500 px, three formats");
  // Mark one cached copy: the next build must use it as it is.
  const marked = cached.find((name) => name.endsWith("-480.webp")) ?? "";
  await writeFile(path.join(cache, marked), "from the cache");
  await writeImages(plan, [article], root, path.join(root, "two"));
  assert.is(await readFile(path.join(root, "two", "images", "a-480.webp"), "utf8"), "from the cache");
  await rm(root, { recursive: true, force: true });
});
write.run();

const outputs = suite("imageOutputs");
outputs("no images folder and no plan: nothing to write", async () => {
  const root = await makeFixtureSite("", {});
  assert.equal(
    await imageOutputs({ jobs: [], brand: { logo: null, ogImage: null }, sources: [] }, root, root),
    [],
  );
  await rm(root, { recursive: true, force: true });
});
outputs.run();

const render = suite("renderRendition");
render("resizes to the job's width in its format", async () => {
  const root = await makeFixtureSite("", {});
  await writeFixtureImage(root, "images/x.jpg", 1000, 400);
  const input = await readFile(path.join(root, "images", "x.jpg"));
  const avif = imageInfo(
    await renderRendition(input, { src: "/images/x-480.avif", width: 480, format: "avif", cacheName: "c" }),
  );
  assert.equal("problem" in avif ? avif : [avif.width, avif.height], [480, 192]);
  await rm(root, { recursive: true, force: true });
});
render.run();

const each = suite("eachTwoAtATime");
each("runs every task, never more than two at once", async () => {
  let running = 0;
  let most = 0;
  const done: number[] = [];
  await eachTwoAtATime([1, 2, 3, 4, 5], async (n) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    done.push(n);
    running--;
  });
  assert.equal(done.sort(), [1, 2, 3, 4, 5]);
  assert.is(most, 2);
});
each.run();

const sizes = suite("recordImageSizes");
sizes("sets the main copy's bytes; other articles are left alone", () => {
  const article = articleWith("/images/a.jpg");
  if (article.image)
    article.image.renditions = {
      modern: [],
      fallback: { type: "image/jpeg", files: [] },
      src: "/images/a-800.jpg",
      width: 800,
      bytes: 0,
    };
  const plain = makeArticle();
  recordImageSizes([article, plain], new Map([["images/a-800.jpg", 1234]]));
  assert.is(article.image?.renditions?.bytes, 1234);
  assert.is(plain.image, null);
});
sizes.run();
