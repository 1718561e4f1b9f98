import { suite } from "uvu";
import * as assert from "uvu/assert";
import { classifySmtpError } from "../../../src/newsletter/send/smtp-error.ts";

const classify = suite("classifySmtpError");
classify("5xx is permanent", () => {
  const e = Object.assign(new Error("Can't send mail"), {
    responseCode: 550,
    response: "550 5.1.1 No such user",
    code: "EENVELOPE",
  });
  assert.equal(classifySmtpError(e), { permanent: true, response: "550 5.1.1 No such user" });
});
classify("4xx is temporary", () => {
  const e = Object.assign(new Error("closed"), {
    responseCode: 421,
    response: "421 Try later",
    code: "ECONNECTION",
  });
  assert.is(classifySmtpError(e).permanent, false);
});
classify("a dropped connection is temporary", () => {
  const e = Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" });
  assert.equal(classifySmtpError(e), {
    permanent: false,
    response: "ECONNECTION: Connection closed unexpectedly",
  });
});
classify.run();
