import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listArticleFiles, loadArticles } from "../../src/articles/load-articles.ts";
import { makeConfig } from "../factories.ts";

const article = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-03-05\nsource: Example News\n---\nThe text of ${title}.\n`;

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "gazette-load-"));
  await mkdir(path.join(root, "articles/2024"), { recursive: true });
  return root;
}

const list = suite("listArticleFiles");

list("every .md below the folder, sorted; symbolic links count as the files they point to", async () => {
  const root = await project();
  const dir = path.join(root, "articles");
  const elsewhere = await mkdtemp(path.join(tmpdir(), "gazette-elsewhere-"));
  await writeFile(path.join(elsewhere, "shared.md"), article("Shared"));
  await writeFile(path.join(dir, "b.md"), article("B"));
  await writeFile(path.join(dir, "2024/a.MD"), article("A"));
  await writeFile(path.join(dir, "notes.txt"), "not an article");
  await mkdir(path.join(dir, "folder.md"));
  await symlink(path.join(elsewhere, "shared.md"), path.join(dir, "linked.md"));
  await symlink(path.join(elsewhere, "gone.md"), path.join(dir, "dangling.md"));
  assert.equal(await listArticleFiles(dir), ["2024/a.MD", "b.md", "dangling.md", "linked.md"]);
  assert.equal(await listArticleFiles(path.join(root, "missing")), []);
});

const load = suite("loadArticles");

load("a linked article is built; a link to nothing is an error naming it", async () => {
  const root = await project();
  const dir = path.join(root, "articles");
  const elsewhere = await mkdtemp(path.join(tmpdir(), "gazette-elsewhere-"));
  await writeFile(path.join(elsewhere, "shared.md"), article("Shared"));
  await symlink(path.join(elsewhere, "shared.md"), path.join(dir, "linked.md"));
  const ok = await loadArticles(makeConfig(), { root, now: new Date("2024-04-01T00:00:00Z") });
  assert.equal(ok.diagnostics, []);
  assert.equal(
    ok.published.map((a) => a.title),
    ["Shared"],
  );
  await symlink(path.join(elsewhere, "gone.md"), path.join(dir, "dangling.md"));
  const bad = await loadArticles(makeConfig(), { root, now: new Date("2024-04-01T00:00:00Z") });
  assert.equal(
    bad.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}: ${d.message}`),
    ["articles/dangling.md:0 file/unreadable: the file cannot be read (ENOENT)"],
  );
});

list.run();
load.run();
