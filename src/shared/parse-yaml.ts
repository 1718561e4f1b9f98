import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { parseFlatMapping } from "./flat-yaml-mapping.ts";
import { findDeepNesting, MAX_YAML_DEPTH } from "./yaml-depth.ts";

/** Aliases (`*name`) a document may expand: enough for any honest use, too few for a "billion laughs". */
export const MAX_YAML_ALIASES = 100;

/** A YAML mapping read with the line of every top-level and nested key, for messages that point at it. */
export interface YamlMapping {
  /** The plain JavaScript value of each key. Dates stay strings (YAML 1.2 core schema). */
  values: Record<string, unknown>;
  /** Line (1-based, in the YAML text) of each key; nested keys as `parent.child`, list items as `key.0`. */
  lines: Record<string, number>;
}

export type YamlResult = { ok: true; mapping: YamlMapping } | { ok: false; line: number; message: string };

/**
 * Parses YAML text that must be a mapping (or empty). Uses the YAML 1.2 core schema, so `2019-01-31`
 * stays the string the author wrote rather than becoming a Date at midnight UTC. Nesting deeper than
 * `MAX_YAML_DEPTH` and more than `MAX_YAML_ALIASES` alias expansions are errors at their line, not a stack
 * overflow or an exhausted memory.
 */
export function parseYamlMapping(text: string): YamlResult {
  // Most front matter is flat `key: value` lines: read those directly, the same as the parser would.
  const flat = parseFlatMapping(text);
  return flat ? { ok: true, mapping: flat } : parseYamlDocument(text);
}

/** `parseYamlMapping` through the full `yaml` parser, always (what the fast path must agree with). */
export function parseYamlDocument(text: string): YamlResult {
  const deep = findDeepNesting(text);
  if (deep !== null) {
    return {
      ok: false,
      line: deep,
      message: `the YAML nests more than ${MAX_YAML_DEPTH} levels deep here (expected key: value pairs, with lists at most a few levels deep)`,
    };
  }
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
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        if (range) lines[`${prefix}${i}`] = lineCounter.linePos(range[0]).line;
      });
      return;
    }
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
  let aliases = 0;
  let firstAlias = 0;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (firstAlias === 0 && node.range) firstAlias = lineCounter.linePos(node.range[0]).line;
    },
  });
  try {
    const values = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>;
    return { ok: true, mapping: { values, lines } };
  } catch (e) {
    // The `yaml` package stops an alias that expands too far ("billion laughs") with a ReferenceError.
    const reason = (e as Error).message.split("\n")[0] ?? "";
    return {
      ok: false,
      line: firstAlias || 1,
      message:
        aliases > 0
          ? `the YAML's aliases (*name) expand too far (${aliases} aliases; expected plain values: write each value out)`
          : `invalid YAML: ${reason}`,
    };
  }
}
