import { rm } from "node:fs/promises";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { imageFile, isRemoteImage, prepareImages } from "../../src/images/prepare-images.ts";
import { formatDiagnostic } from "../../src/shared/diagnostic.ts";
import { makeFixtureSite, writeFixtureImage } from "../build/fixture-site.ts";
import { makeArticle, makeConfig } from "../factories.ts";

const image = (src: string, line = 7) => ({
  src,
  alt: "A harbour",
  caption: null,
  line,
  width: null,
  height: null,
  renditions: null,
});

const prepare = suite("prepareImages");

prepare("sizes a local image from its file and plans its copies; a remote one is left as it is", async () => {
  const root = await makeFixtureSite("", {});
  await writeFixtureImage(root, "images/harbour.jpg", 1600, 900);
  const local = makeArticle({ slug: "local", image: image("/images/harbour.jpg") });
  const remote = makeArticle({ slug: "remote", image: image("https://cdn.example.org/a.jpg") });
  const { plan, diagnostics } = await prepareImages(makeConfig(), [local, remote], root);
  assert.equal(diagnostics, []);
  assert.is(local.image?.width, 1600);
  assert.is(local.image?.height, 900);
  assert.is(local.image?.renditions?.src, "/images/harbour-1200.jpg");
  assert.is(plan.jobs.length, 12);
  assert.equal(remote.image, image("https://cdn.example.org/a.jpg"));
  assert.is(plan.sources.length, 1);
  await rm(root, { recursive: true, force: true });
});

prepare("a missing file is an error at the article's image line; so is a path outside /images/", async () => {
  const root = await makeFixtureSite("", {});
  const missing = makeArticle({ slug: "a", file: "articles/a.md", image: image("/images/nope.jpg", 9) });
  const outside = makeArticle({ slug: "b", file: "articles/b.md", image: image("/media/x.jpg", 4) });
  const { diagnostics } = await prepareImages(makeConfig(), [missing, outside], root);
  assert.equal(diagnostics.map(formatDiagnostic), [
    'articles/a.md:9 error image/missing: image "/images/nope.jpg" was not found (expected the file images/nope.jpg in the project)',
    'articles/b.md:4 error image/missing: image "/media/x.jpg" is not a file under /images/ (expected a web address, or a site path such as /images/photo.jpg for the file images/photo.jpg)',
  ]);
  await rm(root, { recursive: true, force: true });
});

prepare("a file that is not an image is refused at its line", async () => {
  const root = await makeFixtureSite("", { "../images/fake.jpg": "plain text" });
  const article = makeArticle({ file: "articles/x.md", image: image("/images/fake.jpg", 5) });
  const { diagnostics } = await prepareImages(makeConfig(), [article], root);
  assert.match(
    formatDiagnostic(diagnostics[0] ?? ({} as never)),
    /^articles\/x.md:5 error image\/missing: image "\/images\/fake.jpg" \(images\/fake.jpg\) is not an image/,
  );
  await rm(root, { recursive: true, force: true });
});

prepare("brand images: sized when present, a missing one is an error at its configuration line", async () => {
  const root = await makeFixtureSite("", {});
  await writeFixtureImage(root, "images/card.png", 1200, 630);
  const base = makeConfig();
  const config = makeConfig({
    brand: {
      ...base.brand,
      ogImage: "/images/card.png",
      logo: "/images/logo.png",
      lines: { logo: 12, favicon: 0, ogImage: 14 },
    },
  });
  const { plan, diagnostics } = await prepareImages(config, [], root);
  assert.equal(plan.brand.ogImage, { src: "/images/card.png", width: 1200, height: 630 });
  assert.equal(diagnostics.map(formatDiagnostic), [
    'gazette.config.yaml:12 error config/image-missing: brand.logo "/images/logo.png" was not found (expected the file images/logo.png in the project)',
  ]);
  await rm(root, { recursive: true, force: true });
});
prepare.run();

const file = suite("imageFile");
file("maps /images/ paths to project files, refusing escapes", () => {
  assert.is(imageFile("/images/a/b%20c.jpg"), "images/a/b c.jpg");
  assert.is(imageFile("/images/../gazette.config.yaml"), null);
  assert.is(imageFile("/elsewhere/a.jpg"), null);
});
file.run();

const remote = suite("isRemoteImage");
remote("only http and https addresses are remote", () => {
  assert.ok(isRemoteImage("https://example.org/a.jpg"));
  assert.ok(isRemoteImage("HTTP://example.org/a.jpg"));
  assert.not.ok(isRemoteImage("/images/a.jpg"));
});
remote.run();
