import { suite } from "uvu";
import * as assert from "uvu/assert";
import { smtpSettings } from "../../../src/newsletter/send/smtp-settings.ts";

const settings = suite("smtpSettings");

settings("SMTP_URL with credentials", () => {
  const r = smtpSettings({ SMTP_URL: "smtp://me%40x.org:p%40ss@mail.x.org:2525" });
  assert.equal(r, {
    ok: true,
    settings: {
      host: "mail.x.org",
      port: 2525,
      secure: false,
      auth: { user: "me@x.org", pass: "p@ss" },
      label: "smtp://mail.x.org:2525",
    },
  });
});

settings("smtps:// is TLS on 465 by default", () => {
  const r = smtpSettings({ SMTP_URL: "smtps://mail.x.org" });
  assert.ok(r.ok && r.settings.secure && r.settings.port === 465 && r.settings.auth === null);
});

settings("separate variables; port 587 and STARTTLS by default", () => {
  const r = smtpSettings({ SMTP_HOST: "mail.x.org", SMTP_USER: "me", SMTP_PASS: "pw" });
  assert.ok(r.ok && r.settings.port === 587 && !r.settings.secure);
  const secure = smtpSettings({ SMTP_HOST: "mail.x.org", SMTP_PORT: "465" });
  assert.ok(secure.ok && secure.settings.secure);
});

settings("missing or bad settings: one clear message", () => {
  assert.match(JSON.stringify(smtpSettings({})), "no SMTP relay configured");
  assert.match(JSON.stringify(smtpSettings({ SMTP_URL: "http://x" })), "expected smtp://");
  assert.match(JSON.stringify(smtpSettings({ SMTP_HOST: "h", SMTP_PORT: "x" })), "SMTP_PORT");
  assert.match(JSON.stringify(smtpSettings({ SMTP_HOST: "h", SMTP_SECURE: "yes" })), "SMTP_SECURE");
  assert.match(JSON.stringify(smtpSettings({ SMTP_HOST: "h", SMTP_USER: "u" })), "SMTP_PASS is not");
});

settings.run();
