/// <reference types="cdktf/lib/testing/adapters/jest" />
/**
 * The three new adapters' rules, one assertion each: what the renderers write (names,
 * trailing dots, TXT form, one set per name and type, Terraform escapes), their import ids,
 * zone-option reasons, pitfall warnings, the emulation's refusals and collisions, and the
 * message for a binding that is not installed.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { DnsProvider } from "@cdktf/provider-dns/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import * as fc from "fast-check";
import { Construct } from "constructs";
import { MailConnectValidationError } from "../../lib/errors";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { azureDnsAdapter } from "../../lib/providers/azure-dns/azure-dns-adapter";
import { BindingNotInstalledError, lazyBindingClass } from "../../lib/providers/binding-loader";
import { DnsProviderAdapter, DnsZoneCommonOptions } from "../../lib/providers/dns-provider-adapter";
import { googleCloudDnsAdapter } from "../../lib/providers/google-cloud-dns/google-cloud-dns-adapter";
import { providerRrsetsFromTerraform } from "../../lib/providers/provider-rrsets";
import { publishRecords, PublishRecordsOptions } from "../../lib/providers/publish-records";
import { rfc2136Adapter } from "../../lib/providers/rfc2136/rfc2136-adapter";
import { parseQuotedStrings, UnpublishableRecordError } from "../../lib/providers/published";
import { MAXIMAL_RECORD_OPTIONS } from "../support/domain-stack";

type Json = { resource: Record<string, Record<string, Record<string, unknown>>>; import?: { id: string; to: string }[]; data?: Record<string, unknown> };

function synth<Zone extends DnsZoneCommonOptions>(adapter: DnsProviderAdapter<Zone, unknown>, zone: Zone, options: object = MAXIMAL_RECORD_OPTIONS, publish: PublishRecordsOptions = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  new DnsProvider(stack, "dns");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new GoogleProvider(stack, "google");
  const published = publishRecords(stack, adapter, zone, planMailConnectRecords(options as never), publish);
  return { json: JSON.parse(Testing.synth(stack)) as Json, published };
}

function problemsOf(json: object, adapter: DnsProviderAdapter<never, unknown>): string[] {
  try {
    providerRrsetsFromTerraform(json, [adapter]);
  } catch (error) {
    expect(error).toBeInstanceOf(UnpublishableRecordError);
    return [...(error as UnpublishableRecordError).problems];
  }
  throw new Error("expected UnpublishableRecordError");
}

const RFC = rfc2136Adapter as DnsProviderAdapter<never, unknown>;
const AZ = azureDnsAdapter as DnsProviderAdapter<never, unknown>;
const GCP = googleCloudDnsAdapter as DnsProviderAdapter<never, unknown>;

describe("RFC 2136 (hashicorp/dns)", () => {
  const { json } = synth(rfc2136Adapter, { zoneName: "firma.de" });

  test("writes the apex by leaving name out, other names relative, the zone and every host absolute", () => {
    expect(json.resource.dns_mx_record_set.mx).toMatchObject({ zone: "firma.de.", mx: [{ preference: 10, exchange: "mx.mail-connect.net." }], ttl: 600 });
    expect(json.resource.dns_mx_record_set.mx.name).toBeUndefined();
    expect(json.resource.dns_srv_record_set.autodiscover).toMatchObject({ name: "_autodiscover._tcp", srv: [{ priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net." }] });
    expect(json.resource.dns_cname_record.incoming).toMatchObject({ name: "imap", cname: "posteingang.mail-connect.net." });
  });

  test("SPF and the extra TXT values share one apex set, each the whole text unsplit and unquoted", () => {
    const spf = json.resource.dns_txt_record_set.spf;
    expect(spf.name).toBeUndefined();
    expect(spf.txt).toEqual(["v=spf1 ip4:203.0.113.0/24 include:_spf.mail-connect.net include:spf.shop.example -all", "google-site-verification=abc123", "MS=ms12345678"]);
    expect((json.resource.dns_txt_record_set.dkim.txt as string[])[0].length).toBeGreaterThan(255);
    expect(Object.keys(json.resource.dns_txt_record_set).sort()).toEqual(["dkim", "dmarc", "spf"]);
  });

  test("import ids are the owner names with a trailing dot", () => {
    const { json: adopted } = synth(rfc2136Adapter, { zoneName: "firma.de" }, MAXIMAL_RECORD_OPTIONS, { adopt: ["spf", "dmarc"] });
    expect(adopted.import?.map((i) => i.id).sort()).toEqual(["_dmarc.firma.de.", "firma.de."]);
  });

  test.each([
    ["an @ name", { dns_txt_record_set: { r: { zone: "firma.de.", name: "@", txt: ["x"] } } }, 'dns_txt_record_set.r: name "@" must be relative to the zone, non-empty and without trailing dot; leave it out for the apex ("@" is taken literally)'],
    ["a zone without trailing dot", { dns_txt_record_set: { r: { zone: "firma.de", txt: ["x"] } } }, 'dns_txt_record_set.r: zone "firma.de" must be a lowercase FQDN with the trailing dot'],
    ["a pre-quoted TXT value", { dns_txt_record_set: { r: { zone: "firma.de.", txt: ['"x" "y"'] } } }, "dns_txt_record_set.r: TXT value \"\\\"x\\\" \\\"y\\\"\" holds a quote or backslash; hashicorp/dns wants the whole text unquoted and reads back the joined strings, so the plan drifts"],
    ["an MX exchange without trailing dot", { dns_mx_record_set: { r: { zone: "firma.de.", mx: [{ preference: 10, exchange: "mx.mail-connect.net" }] } } }, 'dns_mx_record_set.r: MX exchange "mx.mail-connect.net" has no trailing dot: the DNS server reads it back with one and every plan shows a change'],
    ["an unescaped interpolation", { dns_txt_record_set: { r: { zone: "firma.de.", txt: ["${path.cwd}"] } } }, 'dns_txt_record_set.r: TXT value "${path.cwd}" is not literal text'],
  ])("the emulation refuses %s", (_what, resource, expected) => {
    expect(problemsOf({ resource }, RFC)).toEqual([expected]);
  });

  test("two resources for one name and type collide", () => {
    const resource = { dns_txt_record_set: { a: { zone: "firma.de.", txt: ["a=1"] }, b: { zone: "firma.de.", txt: ["b=2"] } } };
    expect(problemsOf({ resource }, RFC)).toEqual(["dns_txt_record_set.b: a second RFC 2136 resource for firma.de TXT (also dns_txt_record_set.a); one resource must hold the whole set"]);
  });

  test("refuses a domain outside the zone and a missing zone name, with the property path", () => {
    const stack = new TerraformStack(Testing.app(), "t");
    const plan = planMailConnectRecords({ domain: "firma.de" });
    expect(() => publishRecords(stack, rfc2136Adapter, { zoneName: "andere.de" }, plan)).toThrow(MailConnectValidationError);
    expect(rfc2136Adapter.zoneReasons({} as never).map((r) => `${r.path}: ${r.rule}`)).toEqual(["zone.zoneName: is required for DnsZone.rfc2136"]);
  });
});

describe("Azure DNS (azurerm)", () => {
  const zone = { zoneName: "firma.de", resourceGroupName: "rg-dns", subscriptionId: "00000000-0000-0000-0000-000000000001" };
  const { json } = synth(azureDnsAdapter, zone);

  test("writes @ for the apex, relative names, hosts without trailing dot, preference as a string, ttl always", () => {
    expect(json.resource.azurerm_dns_mx_record.mx).toMatchObject({ zone_name: "firma.de", resource_group_name: "rg-dns", name: "@", ttl: 600, record: [{ preference: "10", exchange: "mx.mail-connect.net" }] });
    expect(json.resource.azurerm_dns_srv_record.autodiscover).toMatchObject({ name: "_autodiscover._tcp", record: [{ priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" }] });
    expect(json.resource.azurerm_dns_cname_record.outgoing).toMatchObject({ name: "smtp", record: "postausgang.mail-connect.net" });
  });

  test("TXT values are the raw texts (the provider splits them); SPF and extra values share the apex set", () => {
    expect(json.resource.azurerm_dns_txt_record.spf.record).toEqual([
      { value: "v=spf1 ip4:203.0.113.0/24 include:_spf.mail-connect.net include:spf.shop.example -all" },
      { value: "google-site-verification=abc123" },
      { value: "MS=ms12345678" },
    ]);
  });

  test("import ids are the full Azure resource ids", () => {
    const { json: adopted } = synth(azureDnsAdapter, zone, MAXIMAL_RECORD_OPTIONS, { adopt: ["spf", "autodiscover"] });
    expect(adopted.import?.map((i) => i.id).sort()).toEqual([
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-dns/providers/Microsoft.Network/dnsZones/firma.de/SRV/_autodiscover._tcp",
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-dns/providers/Microsoft.Network/dnsZones/firma.de/TXT/@",
    ]);
  });

  test("adoption without the subscription id is refused with the fix", () => {
    const stack = new TerraformStack(Testing.app(), "t");
    const plan = planMailConnectRecords({ domain: "firma.de" });
    expect(() => publishRecords(stack, azureDnsAdapter, { zoneName: "firma.de", resourceGroupName: "rg-dns" }, plan, { adopt: "all" })).toThrow(/zone.subscriptionId: got undefined; is needed to adopt existing Azure record sets/);
  });

  test("a resource group name with a space is refused", () => {
    expect(azureDnsAdapter.zoneReasons({ zoneName: "firma.de", resourceGroupName: "rg dns" }).map((r) => r.path)).toEqual(["zone.resourceGroupName"]);
  });

  test.each([
    ["a quoted TXT value", { azurerm_dns_txt_record: { r: { zone_name: "firma.de", resource_group_name: "rg", name: "@", ttl: 300, record: [{ value: '"x"' }] } } }, 'azurerm_dns_txt_record.r: TXT value "\\"x\\"" holds a quote or backslash, which Azure publishes as part of the text'],
    ["a missing ttl", { azurerm_dns_txt_record: { r: { zone_name: "firma.de", resource_group_name: "rg", name: "@", record: [{ value: "x" }] } } }, "azurerm_dns_txt_record.r: ttl undefined is required and must be a number of seconds"],
    ["an MX exchange with a trailing dot", { azurerm_dns_mx_record: { r: { zone_name: "firma.de", resource_group_name: "rg", ttl: 300, record: [{ preference: "10", exchange: "mx.mail-connect.net." }] } } }, 'azurerm_dns_mx_record.r: MX exchange "mx.mail-connect.net." ends with a dot: this library writes Azure host names without one, and a change of form is a change on every record'],
  ])("the emulation refuses %s", (_what, resource, expected) => {
    expect(problemsOf({ resource }, AZ)).toEqual([expected]);
  });

  test("the emulation serves a long TXT in 254-byte strings, as the provider splits it", () => {
    const [set] = providerRrsetsFromTerraform({ resource: { azurerm_dns_txt_record: { r: { zone_name: "firma.de", resource_group_name: "rg", name: "x", ttl: 300, record: [{ value: "a".repeat(300) }] } } } }, [AZ]);
    expect(set.rdata).toEqual([`"${"a".repeat(254)}" "${"a".repeat(46)}"`]);
  });
});

describe("Google Cloud DNS (google_dns_record_set)", () => {
  const { json, published } = synth(googleCloudDnsAdapter, { managedZone: "firma-de", zoneName: "firma.de", project: "mail-dns-prod" });

  test("writes FQDN names and hosts with trailing dots, zone-file rrdatas, and quoted 255-byte TXT chunks", () => {
    const sets = json.resource.google_dns_record_set;
    expect(sets.mx).toMatchObject({ managed_zone: "firma-de", project: "mail-dns-prod", name: "firma.de.", type: "MX", ttl: 600, rrdatas: ["10 mx.mail-connect.net."] });
    expect(sets.autodiscover.rrdatas).toEqual(["1 100 443 autodiscover.mail-connect.net."]);
    expect(sets.spf.rrdatas).toEqual(['"v=spf1 ip4:203.0.113.0/24 include:_spf.mail-connect.net include:spf.shop.example -all"', '"google-site-verification=abc123"', '"MS=ms12345678"']);
    expect(sets.dkim.rrdatas as string[]).toEqual([expect.stringMatching(/^"v=DKIM1; k=rsa; p=[^"]{237}" "[^"]+"$/)]);
  });

  test("import ids are projects/<p>/managedZones/<zone>/rrsets/<name.>/<TYPE>", () => {
    const { json: adopted } = synth(googleCloudDnsAdapter, { managedZone: "firma-de", project: "mail-dns-prod" }, { domain: "firma.de" }, { adopt: ["mx"] });
    expect(adopted.import?.map((i) => i.id)).toEqual(["projects/mail-dns-prod/managedZones/firma-de/rrsets/firma.de./MX"]);
  });

  test("warns that a create silently replaces an existing set of the same name and type", () => {
    expect(published.warnings.map((w) => w.code)).toContain("google-create-replaces-existing");
  });

  test("without zoneName the zone is looked up once and each set carries a precondition on its dns_name", () => {
    const stack = new TerraformStack(Testing.app(), "t");
    new GoogleProvider(stack, "google");
    publishRecords(new Construct(stack, "firma"), googleCloudDnsAdapter, { managedZone: "firma-de" }, planMailConnectRecords({ domain: "firma.de" }));
    publishRecords(new Construct(stack, "news"), googleCloudDnsAdapter, { managedZone: "firma-de" }, planMailConnectRecords({ domain: "news.firma.de", product: "mailing" }));
    const out = JSON.parse(Testing.synth(stack)) as Json & { data: Record<string, Record<string, unknown>> };
    expect(Object.keys(out.data.google_dns_managed_zone)).toHaveLength(1);
    const mx = Object.values(out.resource.google_dns_record_set).find((set) => set.name === "firma.de." && set.type === "MX")!;
    const zone = "data.google_dns_managed_zone.mail-connect-zone_google_firma-de.dns_name";
    expect((mx.lifecycle as { precondition: { condition: string }[] }).precondition[0].condition).toBe(`\${(("firma.de." == ${zone}) || endswith("firma.de.", join("", [".", ${zone}])))}`);
  });

  test.each([
    ["an unquoted SPF (split at spaces)", { google_dns_record_set: { r: { managed_zone: "z", name: "firma.de.", type: "TXT", ttl: 300, rrdatas: ["v=spf1 -all"] } } }, 'google_dns_record_set.r: TXT rrdata "v=spf1 -all" is unquoted: Cloud DNS splits it at spaces into separate strings'],
    ["a missing ttl", { google_dns_record_set: { r: { managed_zone: "z", name: "firma.de.", type: "TXT", rrdatas: ['"x"'] } } }, "google_dns_record_set.r: ttl undefined must be set to a number of seconds"],
    ["a name without trailing dot", { google_dns_record_set: { r: { managed_zone: "z", name: "firma.de", type: "TXT", ttl: 300, rrdatas: ['"x"'] } } }, 'google_dns_record_set.r: name "firma.de" must be a lowercase FQDN with the trailing dot'],
    ["an SRV target without trailing dot", { google_dns_record_set: { r: { managed_zone: "z", name: "_autodiscover._tcp.firma.de.", type: "SRV", ttl: 300, rrdatas: ["1 100 443 autodiscover.mail-connect.net"] } } }, 'google_dns_record_set.r: SRV rrdata "1 100 443 autodiscover.mail-connect.net": the host "autodiscover.mail-connect.net" has no trailing dot: Cloud DNS reads it back with one and every plan shows a change'],
  ])("the emulation refuses %s", (_what, resource, expected) => {
    expect(problemsOf({ resource }, GCP)).toEqual([expected]);
  });

  test("two record sets for one name and type collide (they would flip-flop)", () => {
    const set = { managed_zone: "z", name: "firma.de.", type: "TXT", ttl: 300 };
    const resource = { google_dns_record_set: { a: { ...set, rrdatas: ['"a=1"'] }, b: { ...set, rrdatas: ['"b=2"'] } } };
    expect(problemsOf({ resource }, GCP)).toEqual(["google_dns_record_set.b: a second Google Cloud DNS resource for firma.de TXT (also google_dns_record_set.a); one resource must hold the whole set"]);
  });

  test("managedZone given as a DNS name is refused with the fix", () => {
    expect(googleCloudDnsAdapter.zoneReasons({ managedZone: "firma.de" }).map((r) => `${r.path}: ${r.rule}`)).toEqual([
      "zone.managedZone: must be a managed zone's resource name (1-63 lowercase letters, digits and hyphens, starting with a letter), not its DNS name",
    ]);
  });
});

const EVERY_ADAPTER: readonly (readonly [string, DnsProviderAdapter<DnsZoneCommonOptions, unknown>, DnsZoneCommonOptions])[] = [
  ["rfc2136", rfc2136Adapter as DnsProviderAdapter<DnsZoneCommonOptions, unknown>, { zoneName: "firma.de" } as DnsZoneCommonOptions],
  ["azure-dns", azureDnsAdapter as DnsProviderAdapter<DnsZoneCommonOptions, unknown>, { zoneName: "firma.de", resourceGroupName: "rg" } as DnsZoneCommonOptions],
  ["google-cloud-dns", googleCloudDnsAdapter as DnsProviderAdapter<DnsZoneCommonOptions, unknown>, { managedZone: "firma-de", zoneName: "firma.de" } as DnsZoneCommonOptions],
];

/** The texts of the apex TXT set the emulation says the provider serves. */
function servedApexTexts(adapter: DnsProviderAdapter<DnsZoneCommonOptions, unknown>, json: object): string[] {
  const set = providerRrsetsFromTerraform(json, [adapter as DnsProviderAdapter<never, unknown>]).find((s) => s.type === "TXT" && s.name === "firma.de")!;
  return set.rdata.map((rdata) => {
    const parsed = parseQuotedStrings(rdata);
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.strings.every((chunk) => chunk.length <= 255)).toBe(true);
    return parsed.strings.join("");
  });
}

describe("every adapter", () => {
  test.each(EVERY_ADAPTER)("%s escapes ${ and %{ in TXT values, and its emulation reads them back as written", (_kind, adapter, zone) => {
    const { json } = synth(adapter, zone, { domain: "firma.de", extraTxt: ["verify=${path.cwd}%{x}"] });
    expect(JSON.stringify(json)).toContain("verify=$${path.cwd}%%{x}");
    expect(servedApexTexts(adapter, json)).toContain("verify=${path.cwd}%{x}");
  });

  test.each(EVERY_ADAPTER)("%s serves every extraTxt text exactly as given, beside the SPF record (property)", (_kind, adapter, zone) => {
    const text = fc.string({ unit: fc.constantFrom(..." !#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~".split("")), minLength: 1, maxLength: 700 }).map((t) => `t=${t}`);
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 3 }), (extraTxt) => {
        const { json, published } = synth(adapter, zone, { domain: "firma.de", extraTxt });
        const spf = published.resources.find((r) => r.id === "spf")!.records.find((r) => r.purpose === "spf")!.values[0] as { text: string };
        expect(servedApexTexts(adapter, json).sort()).toEqual([spf.text, ...extraTxt].sort());
      }),
      { numRuns: 20 },
    );
  });

  test("a binding that is not installed fails with the package to install", () => {
    const load = lazyBindingClass({ packageName: "@cdktf/provider-not-installed", range: "^1" }, "DnsZone.example (records)", () => require("@cdktf/provider-not-installed/lib/record"));
    expect(load).toThrow(BindingNotInstalledError);
    expect(load).toThrow("DnsZone.example (records) needs the package @cdktf/provider-not-installed, which is not installed. Install it in your app: npm install @cdktf/provider-not-installed@^1");
  });
});

describe("loading", () => {
  test("requiring the adapters loads no provider binding; publishing loads only the classes used, by their deep paths", () => {
    const script = [
      'const cached = () => Object.keys(require.cache).filter((f) => f.includes("@cdktf/provider-")).map((f) => f.replace(/.*node_modules\\//, ""));',
      'const p = require("./lib/providers");',
      "const before = cached();",
      'const { Testing, TerraformStack } = require("cdktf");',
      'const { planMailConnectRecords } = require("./lib/plan/plan-records");',
      'p.publishRecords(new TerraformStack(Testing.app(), "s"), p.googleCloudDnsAdapter, { managedZone: "firma-de", zoneName: "firma.de" }, planMailConnectRecords({ domain: "firma.de" }));',
      "console.log(JSON.stringify({ before, after: [...new Set(cached().map((f) => f.split(\"/\").slice(0, 4).join(\"/\")))] }));",
    ].join("\n");
    const run = spawnSync(process.execPath, ["--require", "./scripts/swc-register.js", "--eval", script], { cwd: path.resolve(__dirname, "../.."), encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    const { before, after } = JSON.parse(run.stdout) as { before: string[]; after: string[] };
    expect(before).toEqual([]);
    expect(after).toEqual(["@cdktf/provider-google/lib/dns-record-set"]);
  });
});
