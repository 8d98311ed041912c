/**
 * MailConnectDomain in the zones of the providers behind the adapters (RFC 2136, Azure DNS,
 * Google Cloud DNS): factories never throw, every problem is reported at synth with its path,
 * adoption through import blocks with each provider's computed ids, and the pitfall warnings.
 */
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { DnsProvider } from "@cdktf/provider-dns/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { DnsZone } from "../../lib/providers/dns-zone";
import { RecordAdoption } from "../../lib/providers/record-adoption";
import { synthJson, warningsOf } from "../support/domain-stack";
import { synthReasonsOf } from "../support/validation-error";

function stackWith(kind: "rfc2136" | "azure" | "google", app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, "test");
  if (kind === "rfc2136") new DnsProvider(stack, "dns", { update: [{ server: "ns1.firma.de" }] });
  if (kind === "azure") new AzurermProvider(stack, "azurerm", { features: [{}] });
  if (kind === "google") new GoogleProvider(stack, "google", { project: "mail-dns-prod" });
  return stack;
}

function domain(stack: TerraformStack, props: Partial<MailConnectDomainProps> & Pick<MailConnectDomainProps, "zone">): MailConnectDomain {
  return new MailConnectDomain(stack, "firma", { domain: "firma.de", ...props });
}

test("the factories never throw; bad zone options are reasons at synth, named by path", () => {
  expect(() => DnsZone.rfc2136(undefined as never)).not.toThrow();
  expect(synthReasonsOf(() => domain(stackWith("rfc2136"), { zone: DnsZone.rfc2136({ zoneName: "firma..de" }) }))).toEqual([
    'zone.zoneName: got "firma..de"; must not contain an empty label (two dots in a row). Pass the zone\'s apex name, e.g. zoneName: "firma.de".',
  ]);
  expect(synthReasonsOf(() => domain(stackWith("azure"), { zone: DnsZone.azureDns({ zoneName: "firma.de" } as never) })).map((r) => r.split(";")[0])).toEqual(["zone.resourceGroupName: got undefined"]);
  expect(synthReasonsOf(() => domain(stackWith("google"), { zone: DnsZone.googleCloudDns({ managedZone: "firma.de" }) })).map((r) => r.split(";")[0])).toEqual(['zone.managedZone: got "firma.de"']);
  expect(synthReasonsOf(() => domain(stackWith("rfc2136"), { domain: "firma.com", zone: DnsZone.rfc2136({ zoneName: "firma.de" }) })).map((r) => r.split(";")[0])).toEqual(['zone.zoneName: got "firma.de"']);
});

test("allowOverwrite is refused where the provider has no overwrite switch", () => {
  expect(synthReasonsOf(() => domain(stackWith("rfc2136"), { allowOverwrite: true, zone: DnsZone.rfc2136({ zoneName: "firma.de" }) }))).toEqual([
    "allowOverwrite: got true; exists only on Route53 (the RFC 2136 provider has no allow_overwrite). Remove it and adopt existing record sets with RecordAdoption.recordSets().",
  ]);
});

test("RecordAdoption.recordSets imports the planned sets with the provider's computed ids", () => {
  const stack = stackWith("rfc2136");
  domain(stack, { zone: DnsZone.rfc2136({ zoneName: "firma.de" }), adopt: RecordAdoption.recordSets(["spf", "dmarc"]) });
  const imports = (synthJson(stack, true).import ?? []).map((block) => `${block.to.replace(/_[0-9A-F]{8}$/, "")} ${block.id}`);
  expect(imports.sort()).toEqual(["dns_txt_record_set.firma_dmarc _dmarc.firma.de.", "dns_txt_record_set.firma_spf firma.de."]);
});

test("an adoption for another kind of provider, or one whose ids the zone cannot give, is refused at synth", () => {
  expect(synthReasonsOf(() => domain(stackWith("azure"), { zone: DnsZone.azureDns({ zoneName: "firma.de", resourceGroupName: "rg" }), adopt: RecordAdoption.cloudflare({}) }))).toEqual([
    'adopt: got "RecordAdoption.cloudflare()"; must match the zone\'s provider (azure-dns). Use RecordAdoption.recordSets(...) for a DnsZone.azureDns() zone.',
  ]);
  const reasons = synthReasonsOf(() => domain(stackWith("azure"), { zone: DnsZone.azureDns({ zoneName: "firma.de", resourceGroupName: "rg" }), adopt: RecordAdoption.recordSets() }));
  expect(reasons.map((r) => r.split(";")[0])).toEqual(["zone.subscriptionId: got undefined"]);
});

test("each provider's pitfall warnings are annotations on the domain", () => {
  const google = domain(stackWith("google"), { zone: DnsZone.googleCloudDns({ managedZone: "firma-de", zoneName: "firma.de" }) });
  expect(warningsOf(google)).toContainEqual(expect.stringMatching(/^\[google-create-replaces-existing\] zone: /));
  const own = domain(stackWith("rfc2136"), { zone: DnsZone.rfc2136({ zoneName: "firma.de" }) });
  expect(warningsOf(own)).toContainEqual(expect.stringMatching(/^\[rfc2136-existing-sets\] zone: /));
  const azure = domain(stackWith("azure"), { zone: DnsZone.azureDns({ zoneName: "firma.de", resourceGroupName: "rg" }) });
  expect(warningsOf(azure).filter((w) => /^\[(google|rfc2136|route53)-/.test(w))).toEqual([]);
});
