/** Biome's line width (`biome.json`). */
const WIDTH = 110;

/**
 * `value` as JSON the way the repository's formatter (Biome) writes it, so that a trained model is
 * committed exactly as its training script writes it: objects one key a line, two-space indents, an array
 * on one line when it fits in 110 columns, else numbers filled line by line and other items one a line.
 * A final newline.
 */
export function formatJson(value: unknown): string {
  return `${format(value, "", 0)}\n`;
}

/** `value` formatted at `indent`, where `used` columns of its first line are already taken. */
function format(value: unknown, indent: string, used: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = `${indent}  `;
    const flat = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    // The closing comma or bracket that may follow counts too.
    if (!value.some((v) => typeof v === "object" && v !== null) && used + flat.length + 1 <= WIDTH)
      return flat;
    if (value.every((v) => typeof v === "number")) {
      const rows: string[] = [];
      let row = "";
      for (const v of value) {
        const item = `${JSON.stringify(v)},`;
        if (row !== "" && inner.length + row.length + 1 + item.length > WIDTH) {
          rows.push(row);
          row = item;
        } else row = row === "" ? item : `${row} ${item}`;
      }
      rows.push(row.slice(0, -1));
      return `[\n${rows.map((r) => inner + r).join("\n")}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + format(v, inner, inner.length)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const lines = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + format(v, inner, inner.length + key.length);
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
