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
      requireTLS: true,
      auth: { user: "me@x.org", pass: "p@ss" },
      insecure: false,
      label: "smtp://mail.x.org:2525",
    },
    warnings: [],
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

settings("credentials require TLS: STARTTLS that must succeed, or TLS from the start", () => {
  const starttls = smtpSettings({ SMTP_HOST: "mail.x.org", SMTP_USER: "me", SMTP_PASS: "pw" });
  assert.ok(starttls.ok && starttls.settings.requireTLS);
  const tls = smtpSettings({ SMTP_URL: "smtps://me:pw@mail.x.org" });
  assert.ok(tls.ok && tls.settings.secure && !tls.settings.requireTLS);
  const anonymous = smtpSettings({ SMTP_HOST: "mail.x.org" });
  assert.ok(anonymous.ok && !anonymous.settings.requireTLS, "no password to protect");
});

settings("SMTP_INSECURE=true: only for a relay on this machine, and warned", () => {
  const local = smtpSettings({ SMTP_URL: "smtp://me:pw@127.0.0.1:2525", SMTP_INSECURE: "true" });
  assert.ok(local.ok && !local.settings.requireTLS && local.settings.insecure);
  assert.equal(local.ok ? local.warnings : null, [
    "warning: SMTP_INSECURE=true: the password for smtp://127.0.0.1:2525 goes in clear if the relay offers no STARTTLS, and its certificate is not checked",
  ]);
  assert.ok(
    smtpSettings({ SMTP_HOST: "localhost", SMTP_USER: "u", SMTP_PASS: "p", SMTP_INSECURE: "TRUE" }).ok,
  );
  assert.equal(smtpSettings({ SMTP_URL: "smtp://me:pw@mail.x.org:587", SMTP_INSECURE: "true" }), {
    ok: false,
    message:
      "SMTP_INSECURE=true is only for a relay on this machine (localhost or 127.0.0.1), not mail.x.org: use STARTTLS (port 587) or SMTP_SECURE=true (port 465)",
  });
  assert.equal(smtpSettings({ SMTP_HOST: "localhost", SMTP_INSECURE: "yes" }), {
    ok: false,
    message: 'SMTP_INSECURE is "yes" (expected true or false)',
  });
  const off = smtpSettings({ SMTP_URL: "smtp://me:pw@127.0.0.1:2525", SMTP_INSECURE: "false" });
  assert.ok(off.ok && off.settings.requireTLS);
});

settings("missing or bad settings: one clear message", () => {
  assert.match(JSON.stringify(smtpSettings({})), "no SMTP relay configured");
  assert.match(JSON.stringify(smtpSettings({ SMTP_URL: "http://x" })), "expected smtp://");
  assert.match(JSON.stringify(smtpSettings({ SMTP_HOST: "h", SMTP_PORT: "x" })), "SMTP_PORT");
  assert.match(JSON.stringify(smtpSettings({ SMTP_HOST: "h", SMTP_SECURE: "yes" })), "SMTP_SECURE");
  assert.match(JSON.stringify(smtpSettings({ SMTP_HOST: "h", SMTP_USER: "u" })), "SMTP_PASS is not");
});

settings.run();
