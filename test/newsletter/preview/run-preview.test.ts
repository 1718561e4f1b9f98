import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runPreview } from "../../../src/newsletter/preview/run-preview.ts";
import { runNewsletter } from "../../../src/newsletter/run-newsletter.ts";
import { articleFile, makeProject, newsletterOptions, putArticle, readTree, recorder } from "../project.ts";

const preview = suite("runPreview");

preview("renders the next issue into a temporary folder; the project stays byte-identical", async () => {
  const root = await makeProject({ "2024-03-07-alpha.md": articleFile("Alpha", "2024-03-07T09:00") });
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), recorder()), 0);
  await putArticle(root, "2024-03-09-beta.md", articleFile("Beta & <Co>", "2024-03-09T09:00"));
  const before = await readTree(root);
  const io = recorder();
  const result = await runPreview({ ...newsletterOptions(root, "2024-03-10T10:00:00Z"), out: null }, io);
  assert.is(result.code, 0, io.errors.join("\n"));
  assert.ok(result.dir);
  assert.ok(result.dir.startsWith(os.tmpdir()));
  assert.equal(await readTree(root), before);
  assert.match(io.lines[0] ?? "", "Preview of issue 2 with 1 article (not recorded)");
  const html = await readFile(path.join(result.dir, "email.html"), "utf8");
  assert.match(html, "Beta &amp; &lt;Co&gt;");
  assert.not.match(html, "Alpha");
  const headers = await readFile(path.join(result.dir, "headers.txt"), "utf8");
  assert.match(headers, /^Subject: /m);
  assert.match(await readFile(path.join(result.dir, "email.txt"), "utf8"), "Beta & <Co>");
  // Making the issue afterwards gives the same email the preview showed.
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-10T10:00:00Z"), recorder()), 0);
  assert.is(await readFile(path.join(root, "newsletter", "2", "email.html"), "utf8"), html);
  await rm(result.dir, { recursive: true });
  await rm(root, { recursive: true });
});

preview("--out DIR, --issue N for a recorded one; refuses a folder inside newsletter/", async () => {
  const root = await makeProject({ "2024-03-07-alpha.md": articleFile("Alpha", "2024-03-07T09:00") });
  assert.is(await runNewsletter(newsletterOptions(root, "2024-03-08T10:00:00Z"), recorder()), 0);
  const out = await mkdtemp(path.join(os.tmpdir(), "gazette-preview-test-"));
  const before = await readTree(root);
  const io = recorder();
  const r = await runPreview(
    { ...newsletterOptions(root, "2024-03-10T10:00:00Z", { issue: 1 }), out: path.join(out, "p") },
    io,
  );
  assert.equal([r.code, r.dir], [0, path.join(out, "p")]);
  assert.equal(
    await readFile(path.join(out, "p", "email.html")),
    await readFile(path.join(root, "newsletter", "1", "email.html")),
  );
  const inside = recorder();
  const refused = await runPreview(
    { ...newsletterOptions(root, "2024-03-10T10:00:00Z"), out: path.join(root, "newsletter", "x") },
    inside,
  );
  assert.equal([refused.code, refused.dir], [1, null]);
  assert.match(inside.errors.join("\n"), "inside newsletter/");
  assert.equal(await readTree(root), before);
  await rm(out, { recursive: true });
  await rm(root, { recursive: true });
});

preview("nothing new: says so, writes nothing, exit 0", async () => {
  const root = await makeProject({});
  const io = recorder();
  const r = await runPreview({ ...newsletterOptions(root, "2024-03-10T10:00:00Z"), out: null }, io);
  assert.equal([r.code, r.dir], [0, null]);
  assert.match(io.lines.join("\n"), "no new articles");
  await rm(root, { recursive: true });
});

preview.run();
