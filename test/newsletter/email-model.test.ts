import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dayRange, emailImage, emailModel, readLink } from "../../src/newsletter/email-model.ts";
import { makeConfig } from "../factories.ts";
import { makeEntry, makeIssue } from "./project.ts";

const range = suite("dayRange");

range("oldest to newest day in the site's zone and language", () => {
  const dates = [new Date("2024-03-07T12:00:00Z"), new Date("2024-03-01T12:00:00Z")];
  assert.is(dayRange(dates, "Europe/London", "en-GB"), "1–7 March 2024");
});

range("one day once", () => {
  const dates = [new Date("2024-03-07T08:00:00Z"), new Date("2024-03-07T18:00:00Z")];
  assert.is(dayRange(dates, "Europe/London", "en-GB"), "7 March 2024");
});

range.run();

const model = suite("emailModel");

model("absolute, percent-encoded URLs under the path prefix", () => {
  const config = makeConfig({ url: "https://example.org/digest/", pathPrefix: "/digest/" });
  const issue = makeIssue({ number: 6, entries: [makeEntry({ url: "/2024/03/خبر/" })] });
  const m = emailModel(issue, config, "https://example.org/u");
  assert.is(m.entries[0]?.url, "https://example.org/digest/2024/03/%D8%AE%D8%A8%D8%B1/");
  assert.is(m.footer.webUrl, "https://example.org/digest/newsletter/6/");
  assert.is(m.footer.archiveUrl, "https://example.org/digest/newsletter/");
  assert.is(m.footer.feedUrl, "https://example.org/digest/feed.xml");
  assert.is(m.footer.unsubscribeUrl, "https://example.org/u");
});

model("formats dates and reading time; keeps the postal address and language", () => {
  const m = emailModel(makeIssue(), makeConfig(), "u");
  assert.is(m.entries[0]?.date, "7 March 2024");
  assert.is(m.entries[0]?.readingTime, "3 min read");
  assert.is(m.footer.postalAddress, "1 Test Street, Testville");
  assert.is(m.lang, "en-GB");
  assert.match(m.footer.reason, /subscribed to the Test Gazette newsletter at gazette\.test/);
});

model.run();

const read = suite("readLink");
read("names the source and goes to the original when the entry has one", () => {
  const config = makeConfig();
  assert.equal(
    readLink(makeEntry({ source: "Iran Focus", sourceUrl: "https://www.iranfocus.com/en/x" }), config),
    { href: "https://www.iranfocus.com/en/x", label: "Read the original at Iran Focus" },
  );
  assert.equal(readLink(makeEntry({ source: null, sourceUrl: "https://news.example.net/a" }), config), {
    href: "https://news.example.net/a",
    label: "Read the original at news.example.net",
  });
});
read("else the site's page, still naming the source", () => {
  const config = makeConfig();
  const entry = makeEntry({ source: "Iran Focus", url: "/2024/03/story/" });
  assert.equal(readLink(entry, config), {
    href: "https://gazette.test/2024/03/story/",
    label: "Read the Iran Focus story on Test Gazette",
  });
  assert.is(readLink(makeEntry({ source: null }), config).label, "Read it on Test Gazette");
});
read.run();

const image = suite("emailImage");
image("absolute URL, the column's width at most, the height to match, the alt text", () => {
  const config = makeConfig({ url: "https://example.org/digest/", pathPrefix: "/digest/" });
  const entry = makeEntry({
    image: { src: "/images/harbour-1200.jpg", alt: "A harbour", width: 1200, height: 675 },
  });
  assert.equal(emailImage(entry, config), {
    url: "https://example.org/digest/images/harbour-1200.jpg",
    alt: "A harbour",
    width: 552,
    height: 311,
  });
  const small = makeEntry({
    image: { src: "https://cdn.example.net/a.png", alt: "", width: 300, height: 100 },
  });
  assert.equal(emailImage(small, config), {
    url: "https://cdn.example.net/a.png",
    alt: "",
    width: 300,
    height: 100,
  });
  const unsized = makeEntry({
    image: { src: "https://cdn.example.net/b.jpg", alt: "B", width: null, height: null },
  });
  assert.equal(emailImage(unsized, config)?.height, null);
  assert.is(emailImage(makeEntry(), config), null);
});
image.run();

const masthead = suite("emailModel brand");
masthead("the site's accent colours and name; a raster logo, never an SVG one", () => {
  const base = makeConfig();
  const svg = emailModel(
    makeIssue(),
    makeConfig({ brand: { ...base.brand, logo: "/images/logo.svg" } }),
    "u",
  );
  assert.equal(svg.brand, {
    logoUrl: null,
    logoText: "Test Gazette",
    accent: "#a61b1b",
    accentDark: "#f08c8c",
  });
  const png = emailModel(
    makeIssue(),
    makeConfig({ brand: { ...base.brand, logo: "/images/logo.png" } }),
    "u",
  );
  assert.is(png.brand.logoUrl, "https://gazette.test/images/logo.png");
});
masthead.run();
