import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type SmtpSettings, smtpSettings } from "../../../src/newsletter/send/smtp-settings.ts";
import { openRelay } from "../../../src/newsletter/send/smtp-transport.ts";
import { startRelay, TEST_CERT } from "./smtp-fixture.ts";

const LOGIN = { user: "editor", pass: "correct horse battery staple" };
const RAW = Buffer.from("From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\n\r\nHello\r\n");

function settingsFor(url: string, env: Record<string, string> = {}): SmtpSettings {
  const result = smtpSettings({ SMTP_URL: url, ...env });
  if (!result.ok) throw new Error(result.message);
  // The test relay's certificate is self-signed: trust it as a real relay's CA would be trusted.
  return { ...result.settings, tls: { ca: TEST_CERT } };
}

const relay = suite("openRelay");

relay("a relay that offers no STARTTLS never sees the password, and gets no message", async () => {
  const server = await startRelay({ auth: LOGIN });
  const client = openRelay(
    settingsFor(`smtp://${LOGIN.user}:${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${server.port}`),
    "a@example.org",
  );
  try {
    let handed = false;
    const error = await client
      .deliver("b@example.org", RAW, async () => {
        handed = true;
      })
      .then(
        () => null,
        (e: Error) => e,
      );
    assert.ok(error, "refused");
    assert.match(String(error?.message), /STARTTLS/);
    assert.equal(server.auths, [], "no AUTH command reached the relay");
    assert.equal(server.delivered, []);
    assert.not.ok(handed);
  } finally {
    client.close();
    await server.close();
  }
});

relay("with STARTTLS: logs in over TLS only, then delivers", async () => {
  const server = await startRelay({ auth: LOGIN, starttls: true });
  const client = openRelay(
    settingsFor(`smtp://${LOGIN.user}:${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${server.port}`),
    "a@example.org",
  );
  try {
    assert.match(await client.deliver("b@example.org", RAW, async () => {}), /^250/);
    assert.match(await client.deliver("c@example.org", RAW, async () => {}), /^250/);
    assert.equal(server.auths, [{ ...LOGIN, secure: true }], "one login, on the encrypted connection");
    assert.equal(
      server.delivered.map((d) => d.to),
      ["b@example.org", "c@example.org"],
    );
  } finally {
    client.close();
    await server.close();
  }
});

relay("SMTP_INSECURE=true: the explicit opt-out for a loopback relay sends the login in clear", async () => {
  const server = await startRelay({ auth: LOGIN });
  const client = openRelay(
    settingsFor(`smtp://${LOGIN.user}:${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${server.port}`, {
      SMTP_INSECURE: "true",
    }),
    "a@example.org",
  );
  try {
    await client.deliver("b@example.org", RAW, async () => {});
    assert.equal(server.auths, [{ ...LOGIN, secure: false }]);
  } finally {
    client.close();
    await server.close();
  }
});

relay("credentials for a relay that offers no AUTH: an error, not an anonymous send", async () => {
  const server = await startRelay({ starttls: true });
  const client = openRelay(settingsFor(`smtp://${LOGIN.user}:x@127.0.0.1:${server.port}`), "a@example.org");
  try {
    const error = await client.deliver("b@example.org", RAW, async () => {}).catch((e: Error) => e);
    assert.match(
      String((error as Error).message),
      `smtp://127.0.0.1:${server.port} offers no AUTH, but SMTP_USER is set`,
    );
    assert.equal(server.delivered, []);
  } finally {
    client.close();
    await server.close();
  }
});

relay("the log's pending line is written before the relay can have the message", async () => {
  const order: string[] = [];
  const server = await startRelay({
    atRcpt: (to) => order.push(`relay: RCPT ${to}`),
    beforeAccept: (m) => order.push(`relay: whole message for ${m.to}`),
  });
  const client = openRelay(settingsFor(server.url), "a@example.org");
  try {
    await client.deliver("b@example.org", RAW, async () => {
      order.push("client: pending logged");
    });
    assert.equal(order, [
      "relay: RCPT b@example.org",
      "client: pending logged",
      "relay: whole message for b@example.org",
    ]);
  } finally {
    client.close();
    await server.close();
  }
});

relay("after a refusal or a dropped connection, the next message goes on a fresh connection", async () => {
  const server = await startRelay({
    refuse550: (to) => to.startsWith("x"),
    dropOnce: (to) => to.startsWith("y"),
  });
  const client = openRelay(settingsFor(server.url), "a@example.org");
  try {
    const refused = await client.deliver("x@example.org", RAW, async () => {}).catch((e) => e);
    assert.is((refused as { responseCode?: number }).responseCode, 550);
    const dropped = await client.deliver("y@example.org", RAW, async () => {}).catch((e) => e);
    assert.ok(dropped instanceof Error);
    assert.match(await client.deliver("z@example.org", RAW, async () => {}), /^250/);
    assert.equal(
      server.delivered.map((d) => d.to),
      ["z@example.org"],
    );
  } finally {
    client.close();
    await server.close();
  }
});

relay.run();
