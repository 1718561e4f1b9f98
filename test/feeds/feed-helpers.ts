import { createRequire } from "node:module";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { XMLValidator } from "fast-xml-parser";
import type { FeedFile } from "../../src/feeds/render-feeds.ts";

const require = createRequire(import.meta.url);

/** Null when the XML is well-formed, else the parser's message with line. */
export function wellFormed(xml: string): string | null {
  const result = XMLValidator.validate(xml);
  return result === true ? null : `${result.err.msg} at line ${result.err.line}`;
}

const ajv = new Ajv.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(require("jsonfeed-schema/v1.1") as object);

/** The JSON Feed 1.1 schema's errors for a document, or null when it is valid. */
export function jsonFeedErrors(json: unknown): string | null {
  return validateJsonFeed(json) ? null : ajv.errorsText(validateJsonFeed.errors);
}

/** The feed file at a path, or a failed test. */
export function fileAt(files: readonly FeedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no feed file ${path} (have ${files.map((f) => f.path).join(", ")})`);
  return file.contents;
}
