// `npm run subscriptions`: the subscriptions service (subscribe, confirm, unsubscribe, provider webhooks)
// on HOST:PORT (default 127.0.0.1:8787), meant to sit behind a reverse proxy. See docs/subscriptions.md.
import { loadConfig } from "../src/config/load-config.ts";
import { smtpSettings } from "../src/newsletter/send/smtp-settings.ts";
import { openRelay } from "../src/newsletter/send/smtp-transport.ts";
import { formatDiagnostic } from "../src/shared/diagnostic.ts";
import { openStore, storeLabel } from "../src/subscriptions/open-store.ts";
import { serviceSettings } from "../src/subscriptions/service-settings.ts";
import { startService } from "../src/subscriptions/start-service.ts";

const HELP = `Usage: npm run subscriptions [-- --help]

Starts the subscriptions service: readers subscribe (double opt-in), confirm and unsubscribe, and
providers report bounces and complaints. It listens on HOST:PORT (default 127.0.0.1:8787).

Configuration: subscriptions.url in gazette.config.yaml (the public address).
Environment:
  GAZETTE_UNSUBSCRIBE_SECRET   signs confirmation and unsubscribe links (required, 32 bytes or more)
  SMTP_URL or SMTP_HOST/...    the relay for confirmation mails (as for sending the newsletter)
  DATABASE_URL                 PostgreSQL (postgres://…); otherwise SQLite at GAZETTE_SUBSCRIBERS_DB
                               (default data/subscribers.db)
  GAZETTE_WEBHOOK_SECRET       the Basic auth password of /webhooks/* (webhooks are off without it)
  GAZETTE_SENDGRID_PUBLIC_KEY, GAZETTE_MAILGUN_SIGNING_KEY, GAZETTE_SNS_TOPIC_ARN, GAZETTE_SNS_VERIFY
  GAZETTE_TRUST_PROXY, GAZETTE_SUBSCRIBE_LIMIT, GAZETTE_CONFIRM_LIMIT, GAZETTE_SOFT_BOUNCE_LIMIT
See docs/subscriptions.md.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}
if (args.length > 0) {
  console.error(`unexpected "${args.join(" ")}" (the service takes no arguments; see --help)`);
  process.exit(1);
}

const root = process.cwd();
const loaded = await loadConfig(root);
for (const d of loaded.diagnostics) console.error(formatDiagnostic(d));
if (!loaded.config) process.exit(1);
const config = loaded.config;
const settings = serviceSettings(config, process.env);
if (!settings.ok) {
  for (const m of settings.messages) console.error(m);
  process.exit(1);
}
const smtp = smtpSettings(process.env);
if (!smtp.ok) {
  console.error(`${smtp.message} (confirmation mails go through it)`);
  process.exit(1);
}
let store: Awaited<ReturnType<typeof openStore>>;
try {
  store = await openStore(process.env, root, new Date());
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const envelope = /<([^<>]+)>\s*$/.exec(config.newsletter.from)?.[1] ?? config.newsletter.from;
const relay = openRelay(smtp.settings, envelope);
let service: Awaited<ReturnType<typeof startService>>;
try {
  service = await startService({ config, settings: settings.settings, store, deliver: relay.deliver });
} catch (e) {
  console.error(
    `cannot listen on ${settings.settings.host}:${settings.settings.port}: ${(e as Error).message}`,
  );
  await store.close();
  relay.close();
  process.exit(1);
}
console.log(
  `Subscriptions for ${settings.settings.publicUrl} on ${service.address} (${storeLabel(process.env, root)}, mail through ${smtp.settings.label})`,
);
let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await service.close();
  relay.close();
  await store.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
