/** Deepest nesting a YAML text may have: far more than any front matter or configuration needs. */
export const MAX_YAML_DEPTH = 50;

/**
 * Finds the first line where a YAML text nests deeper than `max` levels, or null. The `yaml` parser recurses
 * once per level and, some 900 levels down, fails with "Maximum call stack size exceeded", so the text is
 * measured before it is parsed: flow collections (`[`, `{`) by their brackets outside quotes and comments,
 * block collections by their indentation and `- ` markers. An estimate that errs on the generous side.
 */
export function findDeepNesting(text: string, max = MAX_YAML_DEPTH): number | null {
  let flow = 0;
  let quote: '"' | "'" | null = null;
  const indents: number[] = [];
  /** Indentation of the line that opened a block scalar (`|`, `>`): its text lines are not YAML. */
  let blockScalar: number | null = null;
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? "";
    let i = 0;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (blockScalar !== null) {
      if (line.trim() === "" || indent > blockScalar) continue;
      blockScalar = null;
    }
    if (quote === null && flow === 0) {
      const rest = line.slice(indent);
      if (rest !== "" && !rest.startsWith("#")) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
        const dashes = /^(?:-[ \t]+)*/.exec(rest)?.[0].match(/-/g)?.length ?? 0;
        if (indents.length + dashes > max) return n + 1;
      }
    }
    // Where a collection or a quoted scalar may open: at the start of a value, not inside a plain one.
    let valueStart = true;
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote !== null) {
        if (c === "\\" && quote === '"') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = null;
        }
        continue;
      }
      if (c === " " || c === "\t") continue;
      if (c === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) break;
      if (valueStart && (c === '"' || c === "'")) {
        quote = c;
        valueStart = false;
        continue;
      }
      if (valueStart && (c === "[" || c === "{")) {
        flow++;
        if (indents.length + flow > max) return n + 1;
        continue;
      }
      if (flow > 0 && (c === "]" || c === "}")) {
        flow--;
        valueStart = false;
        continue;
      }
      if (flow > 0 && c === ",") {
        valueStart = true;
        continue;
      }
      const next = line[i + 1];
      const indicator =
        (c === ":" || c === "-" || c === "?") && (next === undefined || next === " " || next === "\t");
      valueStart = indicator || (flow > 0 && c === ":" && (next === "[" || next === "{"));
    }
    if (quote === null && flow === 0 && /(?:^|\s)[|>][0-9+-]*\s*(?:#.*)?$/.test(line)) blockScalar = indent;
  }
  return null;
}
