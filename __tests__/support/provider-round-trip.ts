/**
 * The provider round-trip through an adapter (lib/providers): a scenario is published as a
 * real `MailConnectDomain` in the adapter's `DnsZone` (or, with adoption options, its plan
 * through `publishRecords`) into a real cdktf stack with the adapter's real binding classes, synthesized with
 * `Testing.synth` (validations on), and the synthesized resources are read back into the
 * RRsets that provider serves (`providerRrsetsFromTerraform`), written as the zone BIND serves.
 */
import { TerraformStack, Testing } from "cdktf";
import { MailConnectDomain } from "../../lib/construct/mail-connect-domain";
import { DnsZone } from "../../lib/providers/dns-zone";
import { DnsProviderAdapter, DnsZoneCommonOptions } from "../../lib/providers/dns-provider-adapter";
import { providerRrsetsFromTerraform } from "../../lib/providers/provider-rrsets";
import { publishRecords, PublishRecordsOptions } from "../../lib/providers/publish-records";
import { TerraformJson } from "../../lib/providers/published";
import { rrsetsToZoneFile } from "../../lib/zone-file";
import { BindServer, startBindServer } from "./bind-server";
import { mailConnectZone, TEST_ZONE_SOA } from "./mail-connect-zone";
import { PlannedScenario, scenarioZones, ZoneSource } from "./scenario-zones";

/** One provider under test: its adapter, its provider block and the zone a scenario goes into. */
export interface AdapterCase<Zone extends DnsZoneCommonOptions> {
  readonly adapter: DnsProviderAdapter<Zone, unknown>;
  /** Adds the provider block (the binding's provider construct) to the stack. */
  readonly addProvider: (stack: TerraformStack) => void;
  /** The zone options for one scenario (its `origin`). */
  readonly zoneFor: (origin: string) => Zone;
}

/** The `DnsZone` of the adapter's factory for one scenario. */
function dnsZoneOf<Zone extends DnsZoneCommonOptions>(provider: AdapterCase<Zone>, origin: string): DnsZone {
  const factories: Record<string, (zone: never) => DnsZone> = { rfc2136: DnsZone.rfc2136, "azure-dns": DnsZone.azureDns, "google-cloud-dns": DnsZone.googleCloudDns, cloudflare: DnsZone.cloudflare, route53: DnsZone.route53 };
  const zone = factories[provider.adapter.kind](provider.zoneFor(origin) as never);
  expect(zone.adapter).toBe(provider.adapter);
  return zone;
}

/** The synthesized Terraform JSON of one scenario's records: through a MailConnectDomain, or with `options` through `publishRecords`. */
export function synthesizeThroughAdapter<Zone extends DnsZoneCommonOptions>(
  provider: AdapterCase<Zone>,
  { scenario, plan }: PlannedScenario,
  options: PublishRecordsOptions = {},
): TerraformJson & { readonly import?: readonly { readonly id: string; readonly to: string }[] } {
  const stack = new TerraformStack(Testing.app(), "scenario");
  provider.addProvider(stack);
  if (Object.keys(options).length === 0) {
    new MailConnectDomain(stack, "domain", { ...scenario.options, zone: dnsZoneOf(provider, scenario.origin) });
  } else {
    publishRecords(stack, provider.adapter, provider.zoneFor(scenario.origin), plan, options);
  }
  return JSON.parse(Testing.synth(stack, true)) as TerraformJson;
}

/** What the provider serves for a scenario, as a zone file for BIND. */
export function adapterZoneSource<Zone extends DnsZoneCommonOptions>(provider: AdapterCase<Zone>): ZoneSource {
  return (planned) => {
    const rrsets = providerRrsetsFromTerraform(synthesizeThroughAdapter(provider, planned), [provider.adapter as DnsProviderAdapter<never, unknown>]);
    return rrsetsToZoneFile(rrsets, planned.scenario.origin, { soa: TEST_ZONE_SOA });
  };
}

/**
 * Starts one BIND for the calling test file (beforeAll/afterAll) that serves mail-connect's
 * stand-in zone and what the provider serves for every scenario; returns the server getter.
 */
export function serveThroughAdapter<Zone extends DnsZoneCommonOptions>(provider: AdapterCase<Zone>, planned: readonly PlannedScenario[]): () => BindServer {
  let server: BindServer | undefined;
  beforeAll(async () => {
    server = await startBindServer([mailConnectZone(), ...scenarioZones(planned, adapterZoneSource(provider))]);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => server!;
}
