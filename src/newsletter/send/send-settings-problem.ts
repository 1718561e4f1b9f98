import type { SiteConfig } from "../../config/site-config.ts";
import { needsToken, secretProblem, UNSUBSCRIBE_SECRET_ENV } from "../unsubscribe.ts";
import { smtpSettings } from "./smtp-settings.ts";

/**
 * Why sending an issue through SMTP would stop before the first message, or null when it would not: the
 * unsubscribe link is a merge tag (for an email service, not SMTP), `{token}` without a usable
 * `GAZETTE_UNSUBSCRIBE_SECRET`, or no usable SMTP settings. Pure: the environment is passed in. The one
 * check `send` makes, and `publish` makes first, before it builds, records or deploys anything.
 */
export function sendSettingsProblem(
  config: Pick<SiteConfig, "newsletter">,
  env: Record<string, string | undefined>,
): string | null {
  const template = config.newsletter.unsubscribeUrl;
  if (template !== null && !template.includes("{") && !/^https?:/i.test(template))
    return `unsubscribe_url "${template}" is a merge tag: SMTP sending needs a URL template with {email} or {token}`;
  const secret = needsToken(template) ? secretProblem(env[UNSUBSCRIBE_SECRET_ENV] || null) : null;
  if (secret) return secret;
  const smtp = smtpSettings(env);
  return smtp.ok ? null : smtp.message;
}
