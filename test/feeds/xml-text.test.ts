import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  escapeHtml,
  forAttribute,
  forCdata,
  forText,
  restoreXml,
  xmlSafe,
} from "../../src/feeds/xml-text.ts";

const safe = suite("xmlSafe");
safe("removes characters XML 1.0 forbids and keeps everything else", () => {
  assert.is(xmlSafe("a\u0000b\u0007c\u001Fd\tе\n📰\r\uFFFE"), "abcd\tе\n📰\r");
  assert.is(xmlSafe("lone \uD800 surrogate"), "lone  surrogate");
  assert.is(xmlSafe("خبر 📰 ok"), "خبر 📰 ok");
});
safe.run();

const html = suite("escapeHtml");
html("escapes the characters that start markup", () => {
  assert.is(
    escapeHtml('<script>alert(1)</script> & "AT&T"'),
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;AT&amp;T&quot;",
  );
});
html.run();

const cdata = suite("forCdata");
cdata("turns every ]]> into a placeholder that restoreXml splits properly", () => {
  const wrapped = `<t><![CDATA[${forCdata("a ]]> b ]]> c")}]]></t>`;
  assert.not.ok(wrapped.slice(12, -7).includes("]]>"), "no raw ]]> left inside the section");
  assert.is(restoreXml(wrapped), "<t><![CDATA[a ]]]]><![CDATA[> b ]]]]><![CDATA[> c]]></t>");
});
cdata.run();

const attribute = suite("forAttribute");
attribute("turns < into a placeholder that restoreXml escapes", () => {
  assert.is(restoreXml(`<c term="${forAttribute("<b>")}"/>`), '<c term="&lt;b>"/>');
});
attribute.run();

const text = suite("forText");
text("keeps every & through the writer, which un-escapes &amp;", () => {
  assert.is(restoreXml(`<t>${forText("AT&amp;T & \u0001more")}</t>`), "<t>AT&amp;amp;T &amp; more</t>");
});
text.run();
