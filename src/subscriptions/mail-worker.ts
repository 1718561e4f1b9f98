// The confirmation mail thread (started by `startMailThread`): composes each mail and hands it to the relay,
// off the thread that answers the form posts. Messages in: `send`, `drain`, `stop`; out: `sent` for
// each mail the relay took, `failure` for each not sent in the end, `drained`/`stopped` answering by id.
import { parentPort, workerData } from "node:worker_threads";
import type { SmtpSettings } from "../newsletter/send/smtp-settings.ts";
import { openRelay } from "../newsletter/send/smtp-transport.ts";
import type { ConfirmationMail } from "./confirmation-mail.ts";
import { createConfirmationSender } from "./confirmation-sender.ts";
import type { MailQueueOptions } from "./mail-queue.ts";

/** What the thread starts with. */
export interface MailWorkerData {
  smtp: SmtpSettings;
  envelope: string;
  options: Pick<MailQueueOptions, "concurrency" | "retryDelays">;
}

/** A message from the service's thread. */
export type MailWorkerRequest =
  | { type: "send"; mail: ConfirmationMail; now: string }
  | { type: "drain" | "stop"; id: number };

const port = parentPort;
if (port) {
  const data = workerData as MailWorkerData;
  const relay = openRelay(data.smtp, data.envelope);
  const sender = createConfirmationSender(
    async (to, raw) => {
      await relay.deliver(to, raw, async () => {});
      port.postMessage({ type: "sent" });
    },
    (failure) => port.postMessage({ type: "failure", failure }),
    // The service's thread bounds the queue; here everything it sends is taken.
    { ...data.options, capacity: Number.POSITIVE_INFINITY },
  );
  port.on("message", (request: MailWorkerRequest) => {
    if (request.type === "send") {
      sender.send(request.mail, new Date(request.now));
      return;
    }
    const done = request.type === "drain" ? sender.drain() : sender.stop();
    done.then(() => {
      if (request.type === "stop") relay.close();
      port.postMessage({ type: request.type === "drain" ? "drained" : "stopped", id: request.id });
    });
  });
}
