import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emailModel } from "../../src/newsletter/email-model.ts";
import { createMjmlRenderer } from "../../src/newsletter/render-mjml.ts";
import { makeConfig } from "../factories.ts";
import { makeEntry, makeIssue } from "./project.ts";

const ADVERSARIAL = '<script>alert(1)</script> </mj-text><mj-button>x</mj-button> & "AT&T"';

const render = suite("createMjmlRenderer");

render("escapes every value: a title cannot close an MJML tag", () => {
  const issue = makeIssue({ entries: [makeEntry({ title: ADVERSARIAL })] });
  const mjml = createMjmlRenderer()(emailModel(issue, makeConfig(), "https://gazette.test/u?a=1&b=2"));
  assert.not.match(mjml, "<script>");
  assert.not.match(mjml, "<mj-button>");
  assert.match(mjml, "&lt;/mj-text&gt;&lt;mj-button&gt;x&lt;/mj-button&gt; &amp; &quot;AT&amp;T&quot;");
  assert.match(mjml, 'href="https://gazette.test/u?a=1&amp;b=2"');
});

render("sets lang, a title and the preheader", () => {
  const mjml = createMjmlRenderer()(emailModel(makeIssue({ preheader: "Sum up" }), makeConfig(), "u"));
  assert.match(mjml, '<mjml lang="en-GB"');
  assert.match(mjml, "<mj-title>Test Gazette #1: Iran Is Looking for Allies</mj-title>");
  assert.match(mjml, "<mj-preview>Sum up\u034f\u200c\u00a0");
});

render("renders templates from another folder", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-templates-"));
  await writeFile(path.join(dir, "issue.mjml.njk"), "<mjml>{{ siteName }}</mjml>");
  assert.is(createMjmlRenderer(dir)(emailModel(makeIssue(), makeConfig(), "u")), "<mjml>Test Gazette</mjml>");
});

render.run();
