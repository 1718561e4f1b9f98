import { readFileSync } from "node:fs";

/** A sample payload from test/fixtures/webhooks/, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/webhooks/${name}`, import.meta.url), "utf8");
}
