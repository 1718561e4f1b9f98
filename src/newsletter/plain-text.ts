import type { EmailModel } from "./email-model.ts";

/** Wraps a paragraph at `width` columns on spaces; a word longer than the line (a URL) stays whole. */
export function wrapText(text: string, width = 76): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

function underline(text: string, char: string): string {
  const longest = Math.max(...text.split("\n").map((line) => [...line].length));
  return `${text}\n${char.repeat(Math.min(76, longest))}`;
}

/**
 * The plain-text part of the email (pure): masthead, intro, each entry's title, its URL, the meta line and
 * the summary, then the footer with every link spelled out. The preheader is left out: it is an HTML-only
 * device, and in plain text it would read as a stray line.
 */
export function plainText(model: EmailModel): string {
  const blocks: string[] = [underline(`${model.siteName} #${model.issueNumber}`, "=")];
  blocks.push(`Issue ${model.issueNumber} · ${model.dateRange}`);
  if (model.intro) blocks.push(model.intro.text);
  for (const entry of model.entries) {
    const meta = [entry.source, entry.date, entry.readingTime].filter(Boolean).join(" · ");
    blocks.push(
      [
        underline(wrapText(entry.title), "-"),
        entry.url,
        meta,
        "",
        wrapText(entry.summary),
        "",
        `${entry.read.label}: ${entry.read.href}`,
      ].join("\n"),
    );
  }
  const { footer } = model;
  blocks.push(
    [
      "-- ",
      wrapText(footer.reason),
      `Unsubscribe: ${footer.unsubscribeUrl}`,
      "",
      `Read this issue on the web: ${footer.webUrl}`,
      `Past issues: ${footer.archiveUrl}`,
      `RSS feed: ${footer.feedUrl}`,
      "",
      wrapText(footer.postalAddress),
    ].join("\n"),
  );
  return `${blocks.join("\n\n")}\n`;
}
