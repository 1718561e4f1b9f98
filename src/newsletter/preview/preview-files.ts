import { escapeHtml, type IssueFiles } from "../build-issue.ts";
import type { LedgerIssue } from "../ledger.ts";

/** The preview's files by name: the issue's four, the dark variant, the headers and the page showing them. */
export type PreviewFiles = Map<string, string | Buffer>;

/** The message headers of an `.eml` (everything before the first empty line). */
export function emlHeaders(eml: Buffer): string {
  const text = eml.toString("utf8");
  const end = text.search(/\r?\n\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).replace(/\r\n/g, "\n");
}

/**
 * The email with its dark-mode rules applied unconditionally, so the preview shows the dark version
 * whatever the previewing browser prefers (the rules sit in `@media (prefers-color-scheme: dark)`).
 */
export function forceDarkMode(html: string): string {
  return html.replace(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, "@media all");
}

const FRAMES = [
  { width: 375, scheme: "light", file: "email.html" },
  { width: 375, scheme: "dark", file: "email-dark.html" },
  { width: 600, scheme: "light", file: "email.html" },
  { width: 600, scheme: "dark", file: "email-dark.html" },
] as const;

/** The page that shows the issue side by side: headers, the HTML at 375 and 600 px light and dark, the text. */
function previewPage(issue: LedgerIssue, headers: string, text: string): string {
  const frames = FRAMES.map(
    (f) => `<figure>
<figcaption>${f.width} px, ${f.scheme}</figcaption>
<iframe src="${f.file}" width="${f.width}" height="900" style="color-scheme: ${f.scheme}" title="The email at ${f.width} px, ${f.scheme}"></iframe>
</figure>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview of issue ${issue.number}: ${escapeHtml(issue.subject)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; background: #f3f3f3; }
.frames { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
iframe { border: 1px solid #bbb; background: #fff; display: block; }
pre { background: #fff; border: 1px solid #ccc; padding: 1rem; overflow-x: auto; white-space: pre-wrap; max-width: 80ch; }
</style>
</head>
<body>
<main>
<h1>Preview of issue ${issue.number}</h1>
<p>Not recorded: the ledger and <code>newsletter/</code> are unchanged. <code>npm run newsletter</code> makes this issue.</p>
<p><strong>Subject:</strong> ${escapeHtml(issue.subject)}<br><strong>Preheader:</strong> ${escapeHtml(issue.preheader)}</p>
<h2>HTML</h2>
<div class="frames">
${frames}
</div>
<h2>Plain text</h2>
<p><a href="email.txt">email.txt</a></p>
<pre>${escapeHtml(text)}</pre>
<h2>Headers</h2>
<p><a href="headers.txt">headers.txt</a> · <a href="email.eml">email.eml</a> (the whole message) · <a href="email.mjml">email.mjml</a></p>
<pre>${escapeHtml(headers)}</pre>
</main>
</body>
</html>
`;
}

/** Every file of an issue's preview (pure). */
export function previewFiles(issue: LedgerIssue, files: IssueFiles): PreviewFiles {
  const headers = emlHeaders(files.eml);
  return new Map<string, string | Buffer>([
    ["index.html", previewPage(issue, headers, files.text)],
    ["email.html", files.html],
    ["email-dark.html", forceDarkMode(files.html)],
    ["email.txt", files.text],
    ["headers.txt", `${headers}\n`],
    ["email.eml", files.eml],
    ["email.mjml", files.mjml],
  ]);
}
