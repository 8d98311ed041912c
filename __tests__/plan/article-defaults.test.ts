import { MAIL_CONNECT, PlannedRecord, planMailConnectRecords } from "../../lib";

// The published key and records, copied from the article (../shared/reference/mail-connect-dns-firewall.de.txt).
const ARTICLE_KEY =
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB";

function byPurpose(records: readonly PlannedRecord[], purpose: string): PlannedRecord | undefined {
  return records.find((r) => r.purpose === purpose);
}

function texts(record: PlannedRecord | undefined): string[] {
  return (record?.values ?? []).map((v) => (v as { text: string }).text);
}

describe("the article's example, beispieldomain.eu (pro, all defaults)", () => {
  const plan = planMailConnectRecords({ domain: "beispieldomain.eu" });

  test("publishes exactly the article's six records, in zone-file form", () => {
    const rows = plan.records.map((r) => `${r.name} ${r.type} ${r.ttl}`);
    expect(rows).toEqual([
      "beispieldomain.eu MX 3600",
      "autoconfig.beispieldomain.eu CNAME 3600",
      "_autodiscover._tcp.beispieldomain.eu SRV 3600",
      "beispieldomain.eu TXT 3600",
      "mail-connect._domainkey.beispieldomain.eu TXT 3600",
      "_dmarc.beispieldomain.eu TXT 3600",
    ]);
  });

  test("MX is 10 mx.mail-connect.net", () => {
    expect(byPurpose(plan.records, "mx")?.values).toEqual([{ preference: 10, exchange: "mx.mail-connect.net" }]);
  });

  test("auto-setup records point to mail-connect's autoconfig and autodiscover hosts", () => {
    expect(byPurpose(plan.records, "autoconfig")?.values).toEqual([{ target: "autoconfig.mail-connect.net" }]);
    expect(byPurpose(plan.records, "autodiscover")?.values).toEqual([
      { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" },
    ]);
  });

  test("SPF, DKIM and DMARC texts equal the article's character for character", () => {
    expect(texts(byPurpose(plan.records, "spf"))).toEqual(["v=spf1 include:_spf.mail-connect.net ?all"]);
    expect(texts(byPurpose(plan.records, "dkim"))).toEqual([`v=DKIM1; k=rsa; p=${ARTICLE_KEY}`]);
    expect(texts(byPurpose(plan.records, "dmarc"))).toEqual(["v=DMARC1; p=quarantine; ruf=mailto:postmaster@beispieldomain.eu;"]);
  });

  test("the library's published key is the article's key", () => {
    expect(MAIL_CONNECT.dkimPublicKey).toBe(ARTICLE_KEY);
  });

  test("short TXT values are one character-string", () => {
    for (const purpose of ["spf", "dkim", "dmarc"]) {
      const value = byPurpose(plan.records, purpose)!.values[0] as { text: string; strings: string[] };
      expect(value.strings).toEqual([value.text]);
    }
  });

  test("warns that ?all is weak", () => {
    expect(plan.warnings.map((w) => w.code)).toEqual(["spf-neutral-all"]);
  });
});

describe("products", () => {
  test.each([
    ["team", false],
    ["secgate", false],
    ["mailing", false],
    ["pro", true],
  ] as const)("product %s publishes auto-setup records: %s", (product, expected) => {
    const plan = planMailConnectRecords({ domain: "firma.de", product });
    const purposes = plan.records.map((r) => r.purpose);
    expect(purposes.includes("autoconfig")).toBe(expected);
    expect(purposes.includes("autodiscover")).toBe(expected);
    expect(purposes).toEqual(expect.arrayContaining(["mx", "spf", "dkim", "dmarc"]));
  });

  test("a pro domain may leave auto-setup out", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", autoSetup: false });
    expect(plan.records.map((r) => r.purpose)).toEqual(["mx", "spf", "dkim", "dmarc"]);
  });

  test("a mailing subdomain gets the same records under the subdomain", () => {
    const plan = planMailConnectRecords({ domain: "news.my-company.com", product: "mailing" });
    expect(plan.records.map((r) => `${r.purpose} ${r.name}`)).toEqual([
      "mx news.my-company.com",
      "spf news.my-company.com",
      "dkim mail-connect._domainkey.news.my-company.com",
      "dmarc _dmarc.news.my-company.com",
    ]);
    expect(texts(byPurpose(plan.records, "dmarc"))).toEqual(["v=DMARC1; p=quarantine; ruf=mailto:postmaster@news.my-company.com;"]);
  });

  test("secgate warns that the own server must accept TCP 25 from mail-connect", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", product: "secgate" });
    const warning = plan.warnings.find((w) => w.code === "secgate-smtp-ingress");
    expect(warning?.message).toContain("TCP 25");
    expect(warning?.message).toContain("80.254.138.128/26");
  });
});

describe("normalisation", () => {
  test("upper case and a trailing dot are normalised", () => {
    const plan = planMailConnectRecords({ domain: "FIRMA.De." });
    expect(plan.domain).toBe("firma.de");
    expect(plan.records[0].name).toBe("firma.de");
  });

  test("a Unicode domain becomes punycode everywhere, the ruf address too", () => {
    const plan = planMailConnectRecords({ domain: "Bücher.de" });
    expect(plan.domain).toBe("xn--bcher-kva.de");
    expect(new Set(plan.records.map((r) => r.name.endsWith("xn--bcher-kva.de")))).toEqual(new Set([true]));
    expect(texts(byPurpose(plan.records, "dmarc"))).toEqual(["v=DMARC1; p=quarantine; ruf=mailto:postmaster@xn--bcher-kva.de;"]);
  });
});

describe("options shape the records", () => {
  test("SPF lists other senders, then mail-connect's include, with the chosen qualifier", () => {
    const plan = planMailConnectRecords({
      domain: "firma.de",
      spf: { a: true, mx: true, ip4: ["203.0.113.5", "198.51.100.0/24", "192.0.2.9/32"], ip6: ["2001:DB8::/48"], include: ["spf.Shop.example"], all: "fail" },
    });
    expect(texts(byPurpose(plan.records, "spf"))).toEqual([
      "v=spf1 a mx ip4:203.0.113.5 ip4:198.51.100.0/24 ip4:192.0.2.9 ip6:2001:db8::/48 include:_spf.mail-connect.net include:spf.shop.example -all",
    ]);
    expect(plan.warnings.map((w) => w.code)).not.toContain("spf-neutral-all");
  });

  test("softfail writes ~all", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", spf: { all: "softfail" } });
    expect(texts(byPurpose(plan.records, "spf"))).toEqual(["v=spf1 include:_spf.mail-connect.net ~all"]);
  });

  test("DMARC writes every tag in a fixed order, with encoded report addresses", () => {
    const plan = planMailConnectRecords({
      domain: "firma.de",
      dmarc: {
        policy: "reject",
        subdomainPolicy: "quarantine",
        nonExistentSubdomainPolicy: "reject",
        alignment: { dkim: "strict", spf: "strict" },
        testing: true,
        rua: ["dmarc@firma.de", "mailto:reports@Reports.Example"],
        ruf: ["a,b!c@firma.de"],
        failureOptions: ["1", "d"],
      },
    });
    expect(texts(byPurpose(plan.records, "dmarc"))).toEqual([
      "v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=s; t=y; rua=mailto:dmarc@firma.de,mailto:reports@reports.example; ruf=mailto:a%2Cb%21c@firma.de; fo=1:d;",
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["dmarc-testing", "dmarc-external-report"]));
    expect(plan.warnings.find((w) => w.code === "dmarc-external-report")?.message).toContain('"firma.de._report._dmarc.reports.example"');
  });

  test("an empty ruf list publishes no ruf tag, and p=none warns", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", dmarc: { policy: "none", ruf: [] } });
    expect(texts(byPurpose(plan.records, "dmarc"))).toEqual(["v=DMARC1; p=none;"]);
    expect(plan.warnings.map((w) => w.code)).toContain("dmarc-policy-none");
  });

  test("a report address in the parent organisation domain does not warn", () => {
    const plan = planMailConnectRecords({ domain: "news.my-company.com", product: "mailing", dmarc: { rua: ["dmarc@my-company.com"] } });
    expect(plan.warnings.map((w) => w.code)).not.toContain("dmarc-external-report");
  });

  test("server names become CNAMEs to posteingang and postausgang, with a certificate warning", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", serverNames: { incoming: "IMAP", outgoing: "smtp.firma.de." } });
    expect(plan.records.filter((r) => r.purpose === "incoming" || r.purpose === "outgoing").map((r) => [r.name, r.type, r.values])).toEqual([
      ["imap.firma.de", "CNAME", [{ target: "posteingang.mail-connect.net" }]],
      ["smtp.firma.de", "CNAME", [{ target: "postausgang.mail-connect.net" }]],
    ]);
    expect(plan.warnings.filter((w) => w.code === "server-name-certificate")).toHaveLength(2);
  });

  test("extra TXT values share the apex name with SPF but stay a separate record", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", extraTxt: ["google-site-verification=abc", "ms=ms123"] });
    const text = byPurpose(plan.records, "text")!;
    expect(text.name).toBe("firma.de");
    expect(texts(text)).toEqual(["google-site-verification=abc", "ms=ms123"]);
    expect(plan.records.filter((r) => r.type === "TXT" && r.values.some((v) => (v as { text: string }).text.startsWith("v=spf1")))).toHaveLength(1);
  });

  test("ttl applies to every record", () => {
    const plan = planMailConnectRecords({ domain: "firma.de", ttl: 300 });
    expect(new Set(plan.records.map((r) => r.ttl))).toEqual(new Set([300]));
  });
});
