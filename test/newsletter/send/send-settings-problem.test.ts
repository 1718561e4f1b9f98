import { suite } from "uvu";
import * as assert from "uvu/assert";
import { sendSettingsProblem } from "../../../src/newsletter/send/send-settings-problem.ts";
import { SECRET } from "./send-project.ts";

const config = (unsubscribeUrl: string | null) =>
  ({ newsletter: { unsubscribeUrl } }) as Parameters<typeof sendSettingsProblem>[0];
const TEMPLATE = "https://news.example.org/unsubscribe?email={email}&token={token}";
const RELAY = { SMTP_URL: "smtp://127.0.0.1:2525" };

const problem = suite("sendSettingsProblem");

problem("all there: null", () => {
  assert.is(sendSettingsProblem(config(TEMPLATE), { ...RELAY, GAZETTE_UNSUBSCRIBE_SECRET: SECRET }), null);
  // No {token}: no secret needed.
  assert.is(sendSettingsProblem(config(null), RELAY), null);
});

problem("each missing piece, in the words the send uses", () => {
  assert.match(sendSettingsProblem(config(TEMPLATE), RELAY) ?? "", "GAZETTE_UNSUBSCRIBE_SECRET is not set");
  assert.match(
    sendSettingsProblem(config(TEMPLATE), { ...RELAY, GAZETTE_UNSUBSCRIBE_SECRET: "tiny" }) ?? "",
    "GAZETTE_UNSUBSCRIBE_SECRET has 4 bytes",
  );
  assert.match(
    sendSettingsProblem(config(TEMPLATE), { GAZETTE_UNSUBSCRIBE_SECRET: SECRET }) ?? "",
    "no SMTP relay configured",
  );
  assert.match(sendSettingsProblem(config("*|UNSUB|*"), RELAY) ?? "", "is a merge tag");
});

problem.run();
