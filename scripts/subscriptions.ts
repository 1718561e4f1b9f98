// `npm run subscriptions`: the subscriptions service (subscribe, confirm, unsubscribe, provider webhooks)
// on HOST:PORT (default 127.0.0.1:8787), meant to sit behind a reverse proxy. See docs/subscriptions.md.
import { defineCommand } from "../src/cli/command-spec.ts";
import { parseCommandLine } from "../src/cli/run-command-line.ts";
import { hostOption, portOption, rootOption, withoutDefault } from "../src/cli/shared-options.ts";
import { loadConfig } from "../src/config/load-config.ts";
import { smtpSettings } from "../src/newsletter/send/smtp-settings.ts";
import { formatDiagnostic } from "../src/shared/diagnostic.ts";
import { openStore, storeLabel } from "../src/subscriptions/open-store.ts";
import { serviceSettings } from "../src/subscriptions/service-settings.ts";
import { startService } from "../src/subscriptions/start-service.ts";

const command = defineCommand({
  command: "npm run subscriptions",
  summary:
    "serves the subscriptions service: readers subscribe (double opt-in), confirm and unsubscribe; providers report bounces and complaints",
  options: {
    root: rootOption,
    // No parsed default: without the flag, HOST and PORT decide (serviceSettings).
    host: { ...withoutDefault(hostOption("127.0.0.1")), defaultText: "HOST, else 127.0.0.1" },
    port: { ...withoutDefault(portOption("8787")), defaultText: "PORT, else 8787" },
  },
  examples: [
    "npm run subscriptions",
    "PORT=8788 DATABASE_URL=postgres://gazette@127.0.0.1/gazette npm run subscriptions",
  ],
  notes: [
    "Configuration: subscriptions.url in gazette.config.yaml, the service's public address. Environment:",
    "  GAZETTE_UNSUBSCRIBE_SECRET  signs confirmation and unsubscribe links (required, 32 bytes or more)",
    "  SMTP_URL, or SMTP_HOST ...  the relay for confirmation mails (as for sending the newsletter)",
    "  DATABASE_URL                PostgreSQL (postgres://...); else SQLite at GAZETTE_SUBSCRIBERS_DB",
    "                              (default data/subscribers.db)",
    "  GAZETTE_WEBHOOK_SECRET      the Basic auth password of /webhooks/* (webhooks are off without it)",
    "  GAZETTE_SENDGRID_PUBLIC_KEY, GAZETTE_MAILGUN_SIGNING_KEY, GAZETTE_SNS_TOPIC_ARN, GAZETTE_SNS_VERIFY,",
    "  GAZETTE_TRUST_PROXY, GAZETTE_SUBSCRIBE_LIMIT, GAZETTE_CONFIRM_LIMIT, GAZETTE_SOFT_BOUNCE_LIMIT",
    "See docs/subscriptions.md.",
  ],
});

const { values } = parseCommandLine(command);
const env = {
  ...process.env,
  ...(values.host !== undefined ? { HOST: values.host } : {}),
  ...(values.port !== undefined ? { PORT: values.port } : {}),
};
const root = values.root;
const loaded = await loadConfig(root);
for (const d of loaded.diagnostics) console.error(formatDiagnostic(d));
if (!loaded.config) process.exit(1);
const config = loaded.config;
const settings = serviceSettings(config, env);
if (!settings.ok) {
  for (const m of settings.messages) console.error(m);
  process.exit(1);
}
const smtp = smtpSettings(env);
if (!smtp.ok) {
  console.error(`${smtp.message} (confirmation mails go through it)`);
  process.exit(1);
}
for (const w of smtp.warnings) console.error(w);
let store: Awaited<ReturnType<typeof openStore>>;
try {
  store = await openStore(env, root, new Date());
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const envelope = /<([^<>]+)>\s*$/.exec(config.newsletter.from)?.[1] ?? config.newsletter.from;
let service: Awaited<ReturnType<typeof startService>>;
try {
  service = await startService({
    config,
    settings: settings.settings,
    store,
    mail: { smtp: smtp.settings, envelope },
  });
} catch (e) {
  console.error(
    `cannot listen on ${settings.settings.host}:${settings.settings.port}: ${(e as Error).message}`,
  );
  await store.close();
  process.exit(1);
}
console.log(
  `Subscriptions for ${settings.settings.publicUrl} on ${service.address} (${storeLabel(env, root)}, mail through ${smtp.settings.label})`,
);
let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await service.close();
  await store.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
