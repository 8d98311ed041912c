import { DnsRrset, planToRrsets, quoteCharacterString } from "../lib/plan/dns-rrset";
import { MailConnectValidationError } from "../lib/errors";
import { planMailConnectRecords } from "../lib/plan/plan-records";
import { MailConnectRecordPlan } from "../lib/plan/record-plan";
import { rrsetsToZoneFile, toZoneFile } from "../lib/zone-file";
import { parsePresentationLines } from "./support/bind-query";
import { checkZone } from "./support/check-zone";
import { TEST_NAME_SERVER } from "./support/mail-connect-zone";
import { generateScenarioKeys, mailScenarios } from "./support/mail-scenarios";
import { validationErrorOf } from "./support/validation-error";

/** mail-connect's published DKIM key, copied from the article (reference/mail-connect-facts.md). */
const ARTICLE_KEY =
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB";

const keys = generateScenarioKeys();
const scenarios = mailScenarios(keys);

describe("toZoneFile", () => {
  test("writes the article's PRO records as BIND lines relative to the domain, host names with a trailing dot", () => {
    expect(toZoneFile(planMailConnectRecords({ domain: "firma.de" }))).toBe(
      [
        "$ORIGIN firma.de.",
        "$TTL 3600",
        "@                       IN MX    10 mx.mail-connect.net.",
        "autoconfig              IN CNAME autoconfig.mail-connect.net.",
        "_autodiscover._tcp      IN SRV   1 100 443 autodiscover.mail-connect.net.",
        '@                       IN TXT   "v=spf1 include:_spf.mail-connect.net ?all"',
        `mail-connect._domainkey IN TXT   "v=DKIM1; k=rsa; p=${ARTICLE_KEY}"`,
        '_dmarc                  IN TXT   "v=DMARC1; p=quarantine; ruf=mailto:postmaster@firma.de;"',
        "",
      ].join("\n"),
    );
  });

  test("writes a subdomain's records relative to the parent zone given as origin", () => {
    const plan = planMailConnectRecords({ domain: "news.my-company.com", product: "mailing", spf: { all: "fail" } });
    expect(toZoneFile(plan, { origin: "my-company.com" })).toBe(
      [
        "$ORIGIN my-company.com.",
        "$TTL 3600",
        "news                         IN MX    10 mx.mail-connect.net.",
        'news                         IN TXT   "v=spf1 include:_spf.mail-connect.net -all"',
        `mail-connect._domainkey.news IN TXT   "v=DKIM1; k=rsa; p=${ARTICLE_KEY}"`,
        '_dmarc.news                  IN TXT   "v=DMARC1; p=quarantine; ruf=mailto:postmaster@news.my-company.com;"',
        "",
      ].join("\n"),
    );
  });

  test("writes absolute owner names with a trailing dot when asked, and a Unicode origin as punycode", () => {
    const plan = planMailConnectRecords({ domain: "bücher.de", product: "team" });
    const lines = toZoneFile(plan, { origin: "Bücher.de.", absoluteNames: true }).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "$ORIGIN xn--bcher-kva.de.",
      "$TTL 3600",
      "xn--bcher-kva.de.                         IN MX    10 mx.mail-connect.net.",
      'xn--bcher-kva.de.                         IN TXT   "v=spf1 include:_spf.mail-connect.net ?all"',
    ]);
    expect(lines[5]).toBe('_dmarc.xn--bcher-kva.de.                  IN TXT   "v=DMARC1; p=quarantine; ruf=mailto:postmaster@xn--bcher-kva.de;"');
  });

  test("splits a 2048-bit DKIM record into 255-byte quoted character-strings separated by one space", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", dkim: { publicKey: keys.rsa2048.publicKeyBase64 } });
    const text = `v=DKIM1; k=rsa; p=${keys.rsa2048.publicKeyBase64}`;
    expect(text.length).toBeGreaterThan(255);
    const dkimLine = toZoneFile(plan)
      .split("\n")
      .find((line) => line.startsWith("mail-connect._domainkey "));
    expect(dkimLine).toBe(`mail-connect._domainkey IN TXT   "${text.slice(0, 255)}" "${text.slice(255)}"`);
  });

  test("starts with SOA and NS records only when soa is given", () => {
    const plan = planMailConnectRecords({ domain: "firma.de" });
    expect(toZoneFile(plan)).not.toMatch(/ IN (SOA|NS) /);
    const lines = toZoneFile(plan, { soa: { nameServers: ["NS1.Example.net.", "ns2.example.net"], hostmaster: "dns.admin@firma.de", serial: 2026030201 } }).split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "$ORIGIN firma.de.",
      "$TTL 3600",
      "@                       IN SOA   ns1.example.net. dns\\.admin.firma.de. 2026030201 3600 900 1209600 300",
      "@                       IN NS    ns1.example.net.",
      "@                       IN NS    ns2.example.net.",
    ]);
  });

  test("refuses an origin that does not contain every record name", () => {
    const plan = planMailConnectRecords({ domain: "firma.de" });
    expect(validationErrorOf(() => toZoneFile(plan, { origin: "news.firma.de" })).messages).toEqual([
      'origin: got "news.firma.de"; must contain every record name; "firma.de", "autoconfig.firma.de", "_autodiscover._tcp.firma.de" and 2 more are outside it. Pass the records\' domain or a parent zone of it, e.g. origin: "firma.de".',
    ]);
    expect(() => toZoneFile(plan, { origin: "other.de" })).toThrow(MailConnectValidationError);
    // "irma.de" is a suffix of the string "firma.de", not a parent zone.
    expect(() => toZoneFile(plan, { origin: "irma.de" })).toThrow(/origin: got "irma.de"; must contain every record name/);
  });
});

describe("rrsetsToZoneFile", () => {
  const rrsets: DnsRrset[] = [
    { name: "firma.de", type: "MX", ttl: 3600, rdata: ["10 mx.mail-connect.net."] },
    { name: "_dmarc.firma.de", type: "TXT", ttl: 300, rdata: ['"v=DMARC1; p=none;"'] },
  ];

  test("omits the TTL field of records at $TTL and writes it for the others", () => {
    expect(rrsetsToZoneFile(rrsets, "firma.de", { ttl: 300 })).toBe(
      ["$ORIGIN firma.de.", "$TTL 300", "@      3600 IN MX    10 mx.mail-connect.net.", '_dmarc IN TXT   "v=DMARC1; p=none;"', ""].join("\n"),
    );
  });

  test("lists every malformed RRset in one error", () => {
    const bad: DnsRrset[] = [
      { name: "Firma.de.", type: "MX", ttl: 3600, rdata: ["10 mx.mail-connect.net."] },
      { name: "firma.de", type: "txt", ttl: -1, rdata: [] },
    ];
    expect(validationErrorOf(() => rrsetsToZoneFile(bad, "firma.de")).reasons.map((r) => r.path)).toEqual([
      "rrsets[0].name",
      "rrsets[1].type",
      "rrsets[1].ttl",
      "rrsets[1].rdata",
    ]);
  });
});

describe("TXT character-strings", () => {
  test("escape double quotes and backslashes, and write non-ASCII bytes as \\DDD", () => {
    expect(quoteCharacterString('a"b\\c ü')).toBe('"a\\"b\\\\c \\195\\188"');
  });

  test("refuse more than 255 bytes (a two-byte character counts twice)", () => {
    expect(quoteCharacterString("a".repeat(255))).toHaveLength(257);
    expect(() => quoteCharacterString("ü".repeat(128))).toThrow("a TXT character-string holds at most 255 bytes, got 256");
  });

  test("are read back by named-checkzone exactly as written, escapes included", () => {
    const zone = rrsetsToZoneFile(
      [{ name: "firma.de", type: "TXT", ttl: 3600, rdata: [['a"b\\c ü', "x".repeat(255)].map(quoteCharacterString).join(" ")] }],
      "firma.de",
      { soa: { nameServers: [TEST_NAME_SERVER] } },
    );
    const result = checkZone("firma.de", zone);
    expect(result.output).toContain("OK");
    const txt = parsePresentationLines(result.canonical).filter((r) => r.type === "TXT");
    expect(txt).toEqual([{ name: "firma.de", ttl: 3600, type: "TXT", rdata: `"a\\"b\\\\c \\195\\188" "${"x".repeat(255)}"` }]);
  });
});

describe("planToRrsets", () => {
  test("puts the SPF record and other TXT values at the domain into one RRset", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", extraTxt: ["google-site-verification=abc"] });
    const apexTxt = planToRrsets(plan).filter((s) => s.name === "firma.de" && s.type === "TXT");
    expect(apexTxt).toEqual([
      { name: "firma.de", type: "TXT", ttl: 3600, rdata: ['"v=spf1 include:_spf.mail-connect.net ?all"', '"google-site-verification=abc"'] },
    ]);
  });

  test("refuses records of one RRset with different TTLs", () => {
    const plan: MailConnectRecordPlan = {
      domain: "firma.de",
      warnings: [],
      records: [
        { purpose: "spf", name: "firma.de", type: "TXT", ttl: 3600, values: [{ text: "v=spf1 -all", strings: ["v=spf1 -all"] }] },
        { purpose: "text", name: "firma.de", type: "TXT", ttl: 300, values: [{ text: "x", strings: ["x"] }] },
      ],
    };
    expect(validationErrorOf(() => planToRrsets(plan)).messages).toEqual([
      'records[1].ttl: got 300; must equal the TTL of the other TXT records at "firma.de" (3600); one RRset has one TTL (RFC 2181 §5.2). Give every record at one name and type the same TTL.',
    ]);
  });
});

describe("named-checkzone (real BIND) loads the exported zone", () => {
  test("and refuses a broken one, so a pass means something", () => {
    const broken = ["$ORIGIN x.de.", "$TTL 300", "@ IN SOA localhost. h.x.de. 1 1 1 1 1", "@ IN NS localhost.", `@ IN TXT "${"a".repeat(256)}"`, ""];
    expect(checkZone("x.de", broken.join("\n")).loaded).toBe(false);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))("%s: strict load, and BIND reads back exactly the planned RRsets", (_id, scenario) => {
    const plan = planMailConnectRecords(scenario.options);
    const zone = toZoneFile(plan, { origin: scenario.origin, soa: { nameServers: [TEST_NAME_SERVER] } });
    const result = checkZone(scenario.origin, zone);
    expect({ loaded: result.loaded, output: result.output }).toEqual({ loaded: true, output: expect.stringContaining("OK") });

    // Every name in BIND's canonical dump is absolute: a value missing its trailing dot would
    // show up here as "mx.mail-connect.net.firma.de.".
    const read = parsePresentationLines(result.canonical)
      .filter((r) => r.type !== "SOA" && r.type !== "NS")
      .map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`)
      .sort();
    const planned = planToRrsets(plan)
      .flatMap((s) => s.rdata.map((rdata) => `${s.name} ${s.ttl} ${s.type} ${rdata}`))
      .sort();
    expect(read).toEqual(planned);
  });
});
