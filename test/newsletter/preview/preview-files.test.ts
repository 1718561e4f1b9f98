import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emlHeaders, forceDarkMode, previewFiles } from "../../../src/newsletter/preview/preview-files.ts";
import { makeIssue } from "../project.ts";

const eml = Buffer.from("From: a@example.org\r\nSubject: Hi\r\n =?UTF-8?Q?folded?=\r\n\r\nbody\r\n\r\nmore");

const headers = suite("emlHeaders");

headers("the header block only, folded lines kept, LF line ends", () => {
  assert.is(emlHeaders(eml), "From: a@example.org\nSubject: Hi\n =?UTF-8?Q?folded?=");
});

const dark = suite("forceDarkMode");

dark("dark rules apply whatever the browser prefers; light-only rules stay", () => {
  const html =
    "<style>a{color:blue}@media (prefers-color-scheme: dark) { a { color: white } }@media (prefers-color-scheme:dark){b{}}@media (max-width: 480px){c{}}</style>";
  assert.is(
    forceDarkMode(html),
    "<style>a{color:blue}@media all { a { color: white } }@media all{b{}}@media (max-width: 480px){c{}}</style>",
  );
});

const files = suite("previewFiles");

files("the page shows 375 and 600 px, light and dark, the text and the headers, all escaped", () => {
  const issue = makeIssue({ subject: "Test <Gazette> #1 & more" });
  const preview = previewFiles(issue, {
    mjml: "<mjml/>",
    html: "<html><style>@media (prefers-color-scheme: dark){x{}}</style></html>",
    text: "Plain <text>",
    eml,
  });
  assert.equal([...preview.keys()].sort(), [
    "email-dark.html",
    "email.eml",
    "email.html",
    "email.mjml",
    "email.txt",
    "headers.txt",
    "index.html",
  ]);
  const page = String(preview.get("index.html"));
  for (const frame of [
    '<iframe src="email.html" width="375"',
    '<iframe src="email-dark.html" width="375"',
    '<iframe src="email.html" width="600"',
    '<iframe src="email-dark.html" width="600"',
  ])
    assert.match(page, frame);
  assert.match(page, "Test &lt;Gazette&gt; #1 &amp; more");
  assert.not.match(page, "<Gazette>");
  assert.match(page, "<pre>Plain &lt;text&gt;</pre>");
  assert.match(page, "Subject: Hi");
  assert.is(preview.get("headers.txt"), "From: a@example.org\nSubject: Hi\n =?UTF-8?Q?folded?=\n");
  assert.match(String(preview.get("email-dark.html")), "@media all{x{}}");
  assert.is(preview.get("email.eml"), eml);
});

headers.run();
dark.run();
files.run();
