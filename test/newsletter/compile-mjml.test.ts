import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compileMjml } from "../../src/newsletter/compile-mjml.ts";

const compile = suite("compileMjml");

compile("valid MJML gives HTML without web fonts", async () => {
  const source =
    '<mjml lang="en"><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';
  const { html, diagnostics } = await compileMjml(source, "email.mjml");
  assert.equal(diagnostics, []);
  assert.match(html ?? "", '<html lang="en"');
  assert.not.match(html ?? "", "fonts.googleapis.com");
});

compile("strict validation: errors name the file and line, and there is no HTML", async () => {
  const source =
    "<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n<mj-bogus />\n</mj-column></mj-section></mj-body></mjml>";
  const { html, diagnostics } = await compileMjml(source, "newsletter/1/email.mjml");
  assert.is(html, null);
  assert.is(diagnostics[0]?.file, "newsletter/1/email.mjml");
  assert.is(diagnostics[0]?.line, 5);
  assert.match(diagnostics[0]?.message ?? "", "mj-bogus");
});

compile.run();
