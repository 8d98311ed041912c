import { DataCloudflareZone } from "@cdktf/provider-cloudflare/lib/data-cloudflare-zone";
import { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, cloudflareStack, MAXIMAL_RECORD_OPTIONS, recordNamed, resourcesOf, RSA_2048_PUBLIC_KEY, synthJson } from "../support/domain-stack";

const TYPE = "cloudflare_dns_record";

function domainIn(stack: TerraformStack, props: Partial<MailConnectDomainProps> = {}, id = "firma"): MailConnectDomain {
  return new MailConnectDomain(stack, id, { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), ...props });
}

function txtContents(stack: TerraformStack, name: string): string[] {
  return recordNamed(stack, TYPE, name, "TXT").map((r) => r.content as string).sort();
}

describe("Cloudflare snapshots", () => {
  test("minimal: a PRO domain with defaults publishes the article's six records", () => {
    const json = Testing.synthScope((scope) => {
      new MailConnectDomain(scope, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    });
    const types = Object.values(JSON.parse(json).resource[TYPE] as Record<string, { type: string; name: string }>).map((r) => `${r.name} ${r.type}`).sort();
    expect(types).toEqual([
      "_autodiscover._tcp.firma.de SRV",
      "_dmarc.firma.de TXT",
      "autoconfig.firma.de CNAME",
      "firma.de MX",
      "firma.de TXT",
      "mail-connect._domainkey.firma.de TXT",
    ]);
    expect(json).toMatchSnapshot();
  });

  test("maximal: server names, extra TXT, a 2048-bit key, custom SPF/DMARC, TTL, zone lookup and an aliased provider", () => {
    const json = Testing.synthScope((scope) => {
      const second = new CloudflareProvider(scope, "second-account", { alias: "second" });
      new MailConnectDomain(scope, "firma", { ...MAXIMAL_RECORD_OPTIONS, zone: DnsZone.cloudflare({ zoneName: "firma.de", provider: second }) });
    });
    const records = Object.values(JSON.parse(json).resource[TYPE] as Record<string, { provider: string }>);
    expect(records).toHaveLength(10);
    expect(records.every((r) => r.provider === "cloudflare.second")).toBe(true);
    expect(json).toMatchSnapshot();
  });
});

describe("Cloudflare rendering rules", () => {
  test("MX: host without trailing dot in content, preference as top-level priority", () => {
    const stack = cloudflareStack();
    domainIn(stack);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(DnsRecord, {
      zone_id: CF_ZONE_ID,
      name: "firma.de",
      type: "MX",
      content: "mx.mail-connect.net",
      priority: 10,
      proxied: false,
      ttl: 3600,
    });
  });

  test("SRV: the full _autodiscover._tcp name, data fields, and a top-level priority equal to data.priority", () => {
    const stack = cloudflareStack();
    domainIn(stack);
    const [srv] = recordNamed(stack, TYPE, "_autodiscover._tcp.firma.de", "SRV");
    expect(srv).toEqual({
      zone_id: CF_ZONE_ID,
      name: "_autodiscover._tcp.firma.de",
      type: "SRV",
      ttl: 3600,
      proxied: false,
      priority: 1,
      data: { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" },
    });
  });

  test("CNAMEs: targets without trailing dot, never proxied", () => {
    const stack = cloudflareStack();
    domainIn(stack, { serverNames: { incoming: "imap", outgoing: "smtp.firma.de" } });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(DnsRecord, { name: "autoconfig.firma.de", type: "CNAME", content: "autoconfig.mail-connect.net", proxied: false });
    expect(synth).toHaveResourceWithProperties(DnsRecord, { name: "imap.firma.de", type: "CNAME", content: "posteingang.mail-connect.net", proxied: false });
    expect(synth).toHaveResourceWithProperties(DnsRecord, { name: "smtp.firma.de", type: "CNAME", content: "postausgang.mail-connect.net", proxied: false });
  });

  test("TXT: even a single short value is sent as one quoted character-string", () => {
    const stack = cloudflareStack();
    domainIn(stack);
    expect(txtContents(stack, "firma.de")).toEqual(['"v=spf1 include:_spf.mail-connect.net ?all"']);
    expect(txtContents(stack, "_dmarc.firma.de")).toEqual(['"v=DMARC1; p=quarantine; ruf=mailto:postmaster@firma.de;"']);
  });

  test.each([
    ["255 bytes: one string", "a".repeat(255), `"${"a".repeat(255)}"`],
    ["256 bytes: 255 + 1", "a".repeat(255) + "b", `"${"a".repeat(255)}" "b"`],
    ["510 bytes: 255 + 255", "a".repeat(255) + "b".repeat(255), `"${"a".repeat(255)}" "${"b".repeat(255)}"`],
    ["511 bytes: 255 + 255 + 1", "a".repeat(255) + "b".repeat(255) + "c", `"${"a".repeat(255)}" "${"b".repeat(255)}" "c"`],
  ])("TXT chunking at %s", (_label, text, content) => {
    const stack = cloudflareStack();
    domainIn(stack, { extraTxt: [text] });
    expect(txtContents(stack, "firma.de")).toEqual([content, '"v=spf1 include:_spf.mail-connect.net ?all"'].sort());
  });

  test("TXT chunking of a 2048-bit DKIM key: 255 bytes, then the rest", () => {
    const stack = cloudflareStack();
    domainIn(stack, { dkim: { publicKey: RSA_2048_PUBLIC_KEY } });
    const text = `v=DKIM1; k=rsa; p=${RSA_2048_PUBLIC_KEY}`;
    expect(text.length).toBe(410);
    expect(txtContents(stack, "mail-connect._domainkey.firma.de")).toEqual([`"${text.slice(0, 255)}" "${text.slice(255)}"`]);
  });

  test("every record says proxied = false and has no settings, comment or tags", () => {
    const stack = cloudflareStack();
    domainIn(stack, { serverNames: { incoming: "imap" }, extraTxt: ["x=1"] });
    const records = Object.values(resourcesOf(stack, TYPE));
    expect(records).toHaveLength(8);
    for (const record of records) {
      expect(record.proxied).toBe(false);
      expect(record).not.toHaveProperty("comment");
      expect(record).not.toHaveProperty("tags");
      expect(record).not.toHaveProperty("settings");
    }
  });

  test("one resource per extra TXT value, with ids that do not depend on list position", () => {
    const idsFor = (extraTxt: string[]) => {
      const stack = cloudflareStack();
      domainIn(stack, { extraTxt });
      return Object.entries(resourcesOf(stack, TYPE))
        .filter(([, r]) => r.name === "firma.de" && r.type === "TXT" && r.content !== '"v=spf1 include:_spf.mail-connect.net ?all"')
        .map(([address, r]) => `${r.content} ${address}`)
        .sort();
    };
    const both = idsFor(["first=1", "second=2"]);
    expect(both).toHaveLength(2);
    expect(idsFor(["second=2", "first=1"])).toEqual(both);
    expect(idsFor(["second=2"])).toEqual(both.filter((line) => line.startsWith('"second=2"')));
    for (const line of both) expect(line).toMatch(/^"(first=1|second=2)" firma_text-[0-9a-f]{8}_[0-9A-F]{8}$/);
  });

  test("a SPF record and extra TXT values at the apex are separate Cloudflare records (records are per value)", () => {
    const stack = cloudflareStack();
    domainIn(stack, { extraTxt: ["google-site-verification=abc123"] });
    expect(txtContents(stack, "firma.de")).toEqual(['"google-site-verification=abc123"', '"v=spf1 include:_spf.mail-connect.net ?all"']);
  });
});

describe("Cloudflare zones", () => {
  test("a zone given by name is looked up once per stack with the cloudflare_zone data source, and records use its zone_id", () => {
    const stack = cloudflareStack();
    const zone = DnsZone.cloudflare({ zoneName: "firma.de" });
    domainIn(stack, { zone }, "apex");
    domainIn(stack, { zone: DnsZone.cloudflare({ zoneName: "FIRMA.de." }), domain: "news.firma.de" }, "news");
    const json = synthJson(stack);
    expect(Object.keys(json.data?.cloudflare_zone ?? {})).toEqual(["mail-connect-zone_cloudflare_firma_de"]);
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataCloudflareZone, { filter: { name: "firma.de" } });
    const zoneIds = new Set(Object.values(resourcesOf(stack, TYPE)).map((r) => r.zone_id));
    expect([...zoneIds]).toEqual(["${data.cloudflare_zone.mail-connect-zone_cloudflare_firma_de.zone_id}"]);
  });

  test("a zone id that is a token from another resource is referenced as is", () => {
    const stack = cloudflareStack();
    const lookup = new DataCloudflareZone(stack, "existing", { zoneId: CF_ZONE_ID });
    domainIn(stack, { zone: DnsZone.cloudflare({ zoneId: lookup.zoneId }) });
    const zoneIds = new Set(Object.values(resourcesOf(stack, TYPE)).map((r) => r.zone_id));
    expect([...zoneIds]).toEqual(["${data.cloudflare_zone.existing.zone_id}"]);
    expect(synthJson(stack).data?.cloudflare_zone).toEqual({ existing: { zone_id: CF_ZONE_ID } });
  });

  test("an aliased provider reaches every record and the zone data source", () => {
    const stack = cloudflareStack();
    const second = new CloudflareProvider(stack, "second-account", { alias: "second" });
    domainIn(stack, { zone: DnsZone.cloudflare({ zoneName: "firma.de", provider: second }) });
    const json = synthJson(stack);
    expect(json.data?.cloudflare_zone).toEqual({
      "mail-connect-zone_cloudflare_firma_de_second": { filter: { name: "firma.de" }, provider: "cloudflare.second" },
    });
    const providers = new Set(Object.values(resourcesOf(stack, TYPE)).map((r) => r.provider));
    expect([...providers]).toEqual(["cloudflare.second"]);
  });

  test("the same zone name through two providers gives two lookups", () => {
    const stack = cloudflareStack();
    const second = new CloudflareProvider(stack, "second-account", { alias: "second" });
    domainIn(stack, { zone: DnsZone.cloudflare({ zoneName: "firma.de" }) }, "a");
    domainIn(stack, { zone: DnsZone.cloudflare({ zoneName: "firma.de", provider: second }), domain: "news.firma.de" }, "b");
    expect(Object.keys(synthJson(stack).data?.cloudflare_zone ?? {}).sort()).toEqual([
      "mail-connect-zone_cloudflare_firma_de",
      "mail-connect-zone_cloudflare_firma_de_second",
    ]);
  });
});
