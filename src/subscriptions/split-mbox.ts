/** One message of an mbox file and the (1-based) line of its `From ` separator. */
export interface MboxMessage {
  line: number;
  raw: string;
}

/**
 * Splits an mbox file into its messages (pure): each starts at a `From ` line at the start of the file or
 * after a blank line. `>From ` quoting is undone one level (mboxrd), so `>>From` becomes `>From`.
 */
export function splitMbox(text: string): MboxMessage[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const messages: MboxMessage[] = [];
  let current: string[] | null = null;
  let start = 0;
  lines.forEach((line, i) => {
    if (line.startsWith("From ") && (i === 0 || lines[i - 1] === "")) {
      if (current) messages.push({ line: start, raw: current.join("\n") });
      current = [];
      start = i + 1;
      return;
    }
    current?.push(/^>+From /.test(line) ? line.slice(1) : line);
  });
  if (current) messages.push({ line: start, raw: (current as string[]).join("\n") });
  return messages.filter((m) => m.raw.trim() !== "");
}
