import { createHash } from "node:crypto";

/** SHA-1 of a text or bytes, base64url: a content address, not a security measure. */
export function hashText(text: string | Uint8Array): string {
  return createHash("sha1").update(text).digest("base64url");
}

/**
 * Makes a stable hasher of plain data (what templates see): strings, numbers, booleans, null, dates,
 * arrays and objects in key order. An object for which `fingerprint` returns a string (an article: its file
 * and content hash) is hashed as that string, without walking it. Functions are left out: they are code,
 * covered by the code and template hashes.
 */
export function createValueHasher(
  fingerprint: (value: object) => string | undefined,
): (value: unknown) => string {
  const write = (value: unknown, out: string[], depth: number): void => {
    if (depth > 64) throw new Error("Gazette: data nested too deep to hash (a cycle?)");
    if (value === null) out.push("n");
    else if (value === undefined) out.push("u");
    else if (typeof value === "string") out.push("s", String(value.length), ":", value);
    else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
      out.push(typeof value.valueOf() === "number" ? "d" : "b", String(value), ";");
    else if (typeof value === "function" || typeof value === "symbol") out.push("f");
    else if (value instanceof Date) out.push("t", String(value.getTime()), ";");
    else if (Array.isArray(value)) {
      out.push("[");
      for (const item of value) write(item, out, depth + 1);
      out.push("]");
    } else {
      const print = fingerprint(value as object);
      if (print !== undefined) {
        out.push("#", print, ";");
        return;
      }
      out.push("{");
      for (const key of Object.keys(value as object)) {
        out.push(key, "=");
        write((value as Record<string, unknown>)[key], out, depth + 1);
      }
      out.push("}");
    }
  };
  return (value) => {
    const out: string[] = [];
    write(value, out, 0);
    return hashText(out.join(""));
  };
}
