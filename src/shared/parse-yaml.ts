import { isMap, isScalar, LineCounter, parseDocument } from "yaml";

/** A YAML mapping read with the line of every top-level and nested key, for messages that point at it. */
export interface YamlMapping {
  /** The plain JavaScript value of each key. Dates stay strings (YAML 1.2 core schema). */
  values: Record<string, unknown>;
  /** Line (1-based, in the YAML text) of each key; nested keys as `parent.child`. */
  lines: Record<string, number>;
}

export type YamlResult = { ok: true; mapping: YamlMapping } | { ok: false; line: number; message: string };

/**
 * Parses YAML text that must be a mapping (or empty). Uses the YAML 1.2 core schema, so `2019-01-31`
 * stays the string the author wrote rather than becoming a Date at midnight UTC.
 */
export function parseYamlMapping(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    const reason = first.message.split("\n")[0] ?? first.message;
    return { ok: false, line, message: `invalid YAML: ${reason}` };
  }
  if (doc.contents === null) return { ok: true, mapping: { values: {}, lines: {} } };
  if (!isMap(doc.contents)) {
    const line = doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : 1;
    return { ok: false, line, message: "expected key: value pairs" };
  }
  const lines: Record<string, number> = {};
  const collect = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const name = prefix + String(pair.key.value);
      const range = pair.key.range;
      if (range) lines[name] = lineCounter.linePos(range[0]).line;
      collect(pair.value, `${name}.`);
    }
  };
  collect(doc.contents, "");
  const values = doc.toJS() as Record<string, unknown>;
  return { ok: true, mapping: { values, lines } };
}
