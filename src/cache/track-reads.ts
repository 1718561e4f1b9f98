/**
 * Wraps global template data in proxies that record which parts a render reads, two levels deep:
 * `gazette.config`, `gazette.model.tags`. A part is recorded where the reading stops descending (a value
 * that is not a plain object, or the second level); listing an object's keys records the object itself.
 * What a page read, and nothing else, then decides whether it must be rendered again.
 */
export function trackReads(
  globals: Record<string, unknown>,
  depth = 3,
): { globals: Record<string, unknown>; reads: Set<string> } {
  const reads = new Set<string>();
  const wrap = (value: unknown, prefix: string, level: number): unknown => {
    if (!isPlainObject(value) || level >= depth) {
      reads.add(prefix);
      return value;
    }
    return new Proxy(value as Record<string | symbol, unknown>, {
      get(target, key, receiver) {
        const inner = Reflect.get(target, key, receiver);
        if (typeof key === "symbol") return inner;
        if (typeof inner === "function") {
          reads.add(prefix);
          return inner;
        }
        return wrap(inner, `${prefix}.${key}`, level + 1);
      },
      has(target, key) {
        if (typeof key === "string") reads.add(`${prefix}.${key}`);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        reads.add(prefix);
        return Reflect.ownKeys(target);
      },
    });
  };
  const tracked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(globals)) {
    Object.defineProperty(tracked, key, { enumerable: true, get: () => wrap(value, key, 1) });
  }
  return { globals: tracked, reads };
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value at a recorded path (`gazette.model.tags`) of the global data. */
export function readPath(globals: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = globals;
  for (const key of dotted.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}
