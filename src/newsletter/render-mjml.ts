import path from "node:path";
import nunjucks from "nunjucks";
import { TEMPLATES_DIR } from "../shared/package-root.ts";
import type { EmailModel } from "./email-model.ts";

/** The email templates shipped with Gazette: `templates/email/`. */
export const EMAIL_TEMPLATES = path.join(TEMPLATES_DIR, "email");

/** The template that renders a whole issue. */
export const ISSUE_TEMPLATE = "issue.mjml.njk";

/** Renders an email model into MJML source. */
export type MjmlRenderer = (model: EmailModel) => string;

/**
 * A Nunjucks environment over the email templates with autoescape on: MJML passes text through as HTML,
 * so every value must be escaped here. Undefined values are errors, not empty strings.
 */
export function createMjmlRenderer(dir: string = EMAIL_TEMPLATES): MjmlRenderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir), {
    autoescape: true,
    throwOnUndefined: true,
  });
  return (model) => env.render(ISSUE_TEMPLATE, model);
}
