import mjml2html from "mjml";
import { type Diagnostic, error } from "../shared/diagnostic.ts";

export interface CompiledMjml {
  /** The email HTML, or null when MJML reported errors. */
  html: string | null;
  diagnostics: Diagnostic[];
}

interface MjmlValidationError {
  line: number;
  message: string;
  tagName: string;
}

/**
 * Compiles MJML with strict validation: any MJML error becomes a diagnostic with its line in `file` (the
 * `email.mjml` written beside the HTML) and no HTML. Web fonts are off: the templates use system fonts.
 */
export async function compileMjml(source: string, file: string): Promise<CompiledMjml> {
  try {
    const result = await mjml2html(source, { validationLevel: "strict", fonts: {}, keepComments: false });
    return { html: result.html, diagnostics: [] };
  } catch (e) {
    const errors = (e as { errors?: MjmlValidationError[] }).errors;
    if (!Array.isArray(errors)) {
      return {
        html: null,
        diagnostics: [error("mjml/failed", file, 0, `MJML failed: ${(e as Error).message}`)],
      };
    }
    return {
      html: null,
      diagnostics: errors.map((v) =>
        error(
          "mjml/invalid",
          file,
          v.line,
          `<${v.tagName}>: ${v.message} (the email template must be valid MJML)`,
        ),
      ),
    };
  }
}
