import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { MAXIMAL_RECORD_OPTIONS, R53_ZONE_ID, recordNamed, resourcesOf, route53Stack, RSA_2048_PUBLIC_KEY, synthJson, warningsOf } from "../support/domain-stack";

const TYPE = "aws_route53_record";

function domainIn(stack: TerraformStack, props: Partial<MailConnectDomainProps> = {}, id = "firma"): MailConnectDomain {
  return new MailConnectDomain(stack, id, { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }), ...props });
}

function recordsAt(stack: TerraformStack, name: string, type: string): string[] {
  const sets = recordNamed(stack, TYPE, name, type);
  expect(sets).toHaveLength(1);
  return sets[0].records as string[];
}

describe("Route53 snapshots", () => {
  test("minimal: a MAILING subdomain publishes MX, SPF, DKIM and DMARC, one set each", () => {
    const json = Testing.synthScope((scope) => {
      new MailConnectDomain(scope, "news", {
        domain: "news.my-company.com",
        product: "mailing",
        zone: DnsZone.route53({ zoneId: R53_ZONE_ID, zoneName: "my-company.com" }),
      });
    });
    const sets = Object.values(JSON.parse(json).resource[TYPE] as Record<string, { name: string; type: string }>).map((r) => `${r.name} ${r.type}`).sort();
    expect(sets).toEqual(["_dmarc.news.my-company.com TXT", "mail-connect._domainkey.news.my-company.com TXT", "news.my-company.com MX", "news.my-company.com TXT"]);
    expect(json).toMatchSnapshot();
  });

  test("maximal: PRO with server names, extra TXT, a 2048-bit key, custom SPF/DMARC, TTL, zone lookup and an aliased provider", () => {
    const json = Testing.synthScope((scope) => {
      const other = new AwsProvider(scope, "aws-other", { region: "eu-central-1", alias: "other" });
      new MailConnectDomain(scope, "firma", { ...MAXIMAL_RECORD_OPTIONS, zone: DnsZone.route53({ zoneName: "firma.de", provider: other }) });
    });
    const sets = Object.values(JSON.parse(json).resource[TYPE] as Record<string, { provider: string }>);
    expect(sets).toHaveLength(8);
    expect(sets.every((r) => r.provider === "aws.other")).toBe(true);
    expect(json).toMatchSnapshot();
  });
});

describe("Route53 rendering rules", () => {
  test("MX: preference and host with trailing dot", () => {
    const stack = route53Stack();
    domainIn(stack);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Route53Record, {
      zone_id: R53_ZONE_ID,
      name: "firma.de",
      type: "MX",
      ttl: 3600,
      records: ["10 mx.mail-connect.net."],
    });
  });

  test("SRV: priority weight port target, target with trailing dot", () => {
    const stack = route53Stack();
    domainIn(stack);
    expect(recordsAt(stack, "_autodiscover._tcp.firma.de", "SRV")).toEqual(["1 100 443 autodiscover.mail-connect.net."]);
  });

  test("CNAMEs: targets with trailing dot", () => {
    const stack = route53Stack();
    domainIn(stack, { serverNames: { incoming: "imap", outgoing: "smtp" } });
    expect(recordsAt(stack, "autoconfig.firma.de", "CNAME")).toEqual(["autoconfig.mail-connect.net."]);
    expect(recordsAt(stack, "imap.firma.de", "CNAME")).toEqual(["posteingang.mail-connect.net."]);
    expect(recordsAt(stack, "smtp.firma.de", "CNAME")).toEqual(["postausgang.mail-connect.net."]);
  });

  test("TXT: no outer quotes (the provider adds them)", () => {
    const stack = route53Stack();
    domainIn(stack);
    expect(recordsAt(stack, "firma.de", "TXT")).toEqual(["v=spf1 include:_spf.mail-connect.net ?all"]);
    expect(recordsAt(stack, "_dmarc.firma.de", "TXT")).toEqual(["v=DMARC1; p=quarantine; ruf=mailto:postmaster@firma.de;"]);
  });

  test.each([
    ["255 bytes: one string", "a".repeat(255), "a".repeat(255)],
    ["256 bytes: 255 + 1", "a".repeat(255) + "b", `${"a".repeat(255)}""b`],
    ["510 bytes: 255 + 255", "a".repeat(255) + "b".repeat(255), `${"a".repeat(255)}""${"b".repeat(255)}`],
    ["511 bytes: 255 + 255 + 1", "a".repeat(255) + "b".repeat(255) + "c", `${"a".repeat(255)}""${"b".repeat(255)}""c`],
  ])("TXT chunking at %s, joined with \"\" and no character lost", (_label, text, value) => {
    const stack = route53Stack();
    domainIn(stack, { extraTxt: [text] });
    const records = recordsAt(stack, "firma.de", "TXT");
    expect(records).toEqual(["v=spf1 include:_spf.mail-connect.net ?all", value]);
    expect(records[1].split('""').join("")).toBe(text);
  });

  test("TXT chunking of a 2048-bit DKIM key: 255 bytes, \"\", then the rest", () => {
    const stack = route53Stack();
    domainIn(stack, { dkim: { publicKey: RSA_2048_PUBLIC_KEY } });
    const text = `v=DKIM1; k=rsa; p=${RSA_2048_PUBLIC_KEY}`;
    expect(recordsAt(stack, "mail-connect._domainkey.firma.de", "TXT")).toEqual([`${text.slice(0, 255)}""${text.slice(255)}`]);
  });

  test("SPF and the extra TXT values share one apex TXT set, which keeps the id spf", () => {
    const stack = route53Stack();
    domainIn(stack, { extraTxt: ["google-site-verification=abc123", "MS=ms12345678"] });
    const apex = Object.entries(resourcesOf(stack, TYPE)).filter(([, r]) => r.name === "firma.de" && r.type === "TXT");
    expect(apex).toHaveLength(1);
    expect(apex[0][0]).toMatch(/^firma_spf_[0-9A-F]{8}$/);
    expect(apex[0][1].records).toEqual(["v=spf1 include:_spf.mail-connect.net ?all", "google-site-verification=abc123", "MS=ms12345678"]);
  });

  test("every set is one resource per name and type", () => {
    const stack = route53Stack();
    domainIn(stack, { serverNames: { incoming: "imap" }, extraTxt: ["x=1"] });
    const keys = Object.values(resourcesOf(stack, TYPE)).map((r) => `${r.name} ${r.type}`);
    expect(keys).toHaveLength(7);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("names are lowercase FQDNs without trailing dot, also for an upper-case IDN domain", () => {
    const stack = route53Stack();
    domainIn(stack, { domain: "Bücher-Firma.DE.", zone: DnsZone.route53({ zoneId: R53_ZONE_ID, zoneName: "bücher-firma.de" }) });
    const names = Object.values(resourcesOf(stack, TYPE)).map((r) => r.name as string).sort();
    expect(names).toEqual([
      "_autodiscover._tcp.xn--bcher-firma-thb.de",
      "_dmarc.xn--bcher-firma-thb.de",
      "autoconfig.xn--bcher-firma-thb.de",
      "mail-connect._domainkey.xn--bcher-firma-thb.de",
      "xn--bcher-firma-thb.de",
      "xn--bcher-firma-thb.de",
    ]);
  });

  test("allow_overwrite is absent by default", () => {
    const stack = route53Stack();
    domainIn(stack);
    for (const record of Object.values(resourcesOf(stack, TYPE))) expect(record).not.toHaveProperty("allow_overwrite");
  });

  test("allowOverwrite: true sets allow_overwrite on every set and warns that whole sets are replaced", () => {
    const stack = route53Stack();
    const domain = domainIn(stack, { allowOverwrite: true });
    const records = Object.values(resourcesOf(stack, TYPE));
    expect(records).toHaveLength(6);
    for (const record of records) expect(record.allow_overwrite).toBe(true);
    expect(warningsOf(domain)).toContainEqual(expect.stringMatching(/^\[route53-allow-overwrite\] allowOverwrite: every record set is written with allow_overwrite: an existing set .* is replaced as a whole/));
  });
});

describe("Route53 zones", () => {
  test("a zone given by name is looked up once per stack with aws_route53_zone, and records use its zone_id", () => {
    const stack = route53Stack();
    for (const [id, domain] of [["a", "news.my-company.com"], ["b", "shop.my-company.com"], ["c", "my-company.com"]]) {
      domainIn(stack, { domain, product: "mailing", zone: DnsZone.route53({ zoneName: "my-company.com" }) }, id);
    }
    expect(synthJson(stack).data?.aws_route53_zone).toEqual({ "mail-connect-zone_route53_my-company_com": { name: "my-company.com" } });
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsRoute53Zone, { name: "my-company.com" });
    const zoneIds = new Set(Object.values(resourcesOf(stack, TYPE)).map((r) => r.zone_id));
    expect([...zoneIds]).toEqual(["${data.aws_route53_zone.mail-connect-zone_route53_my-company_com.zone_id}"]);
  });

  test("a zone id from an aws_route53_zone resource is referenced as a token", () => {
    const stack = route53Stack();
    const hosted = new Route53Zone(stack, "hosted", { name: "firma.de" });
    domainIn(stack, { zone: DnsZone.route53({ zoneId: hosted.zoneId, zoneName: hosted.name }) });
    const zoneIds = new Set(Object.values(resourcesOf(stack, TYPE)).map((r) => r.zone_id));
    expect([...zoneIds]).toEqual(["${aws_route53_zone.hosted.zone_id}"]);
    expect(synthJson(stack).data).toBeUndefined();
  });

  test("an aliased provider reaches every record set and the zone data source", () => {
    const stack = route53Stack();
    const other = new AwsProvider(stack, "aws-other", { region: "eu-central-1", alias: "other" });
    domainIn(stack, { zone: DnsZone.route53({ zoneName: "firma.de", provider: other }) });
    expect(synthJson(stack).data?.aws_route53_zone).toEqual({ "mail-connect-zone_route53_firma_de_other": { name: "firma.de", provider: "aws.other" } });
    const providers = new Set(Object.values(resourcesOf(stack, TYPE)).map((r) => r.provider));
    expect([...providers]).toEqual(["aws.other"]);
  });
});
