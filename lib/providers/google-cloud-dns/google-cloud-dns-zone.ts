/**
 * A Google Cloud DNS managed zone. Cloud DNS looks zones up by their resource name only
 * (`google_dns_managed_zone` data source, which returns the zone's `dns_name`), so the zone
 * is given by `managedZone`; `zoneName` is optional and, when given, checks the domain at
 * synth. Without it the zone is looked up and every record set gets a Terraform precondition
 * that its name lies in the zone's `dns_name`.
 */
import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import type { DataGoogleDnsManagedZone } from "@cdktf/provider-google/lib/data-google-dns-managed-zone";
import { ValidationReason } from "../../errors";
import { resolveText } from "../resolve-text";
import { BindingPackage, lazyBindingClass, PROVIDER_BINDINGS } from "../binding-loader";
import { DnsZoneCommonOptions } from "../dns-provider-adapter";
import { checkZoneName } from "../zone-name";

/** Where `DnsZone.googleCloudDns` publishes. */
export interface GoogleCloudDnsZoneOptions extends DnsZoneCommonOptions {
  /** The managed zone's resource name (`firma-de`), not its DNS name: a literal or a token. */
  readonly managedZone: string;
  /**
   * The zone's DNS name (`firma.de`); every domain published in it must equal it or lie under it.
   * @default - read from the zone's `dns_name` (a lookup), checked by a precondition at plan time
   */
  readonly zoneName?: string;
  /**
   * The project that holds the zone.
   * @default - the provider's project
   */
  readonly project?: string;
}

/** The zone as the records reference it. */
export interface GoogleCloudDnsTarget {
  readonly managedZone: string;
  readonly project?: string;
  /** The zone's DNS name with the trailing dot, when looked up (a token); undefined when `zoneName` was given. */
  readonly lookedUpDnsName?: string;
  readonly provider?: TerraformProvider;
}

export const GOOGLE_CLOUD_DNS_FACTORY = "DnsZone.googleCloudDns";

/** The binding, pinned in devDependencies; an optional peer for users. */
export const GOOGLE_CLOUD_DNS_BINDING: BindingPackage = PROVIDER_BINDINGS.google;

// Cloud DNS resource names: 1-63 lowercase letters, digits and hyphens, starting with a letter
// (ManagedZone.name in the Cloud DNS API reference). Project ids: 6-30 characters.
const MANAGED_ZONE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const PROJECT = /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/;

const zoneDataClass = lazyBindingClass(
  GOOGLE_CLOUD_DNS_BINDING,
  `${GOOGLE_CLOUD_DNS_FACTORY} (the managed-zone lookup)`,
  () => (require("@cdktf/provider-google/lib/data-google-dns-managed-zone") as { DataGoogleDnsManagedZone: typeof DataGoogleDnsManagedZone }).DataGoogleDnsManagedZone,
);

/** Problems with the zone options (paths under `zone`). */
export function googleCloudDnsZoneReasons(zone: GoogleCloudDnsZoneOptions): ValidationReason[] {
  const reasons = [...checkZoneName(zone?.zoneName, GOOGLE_CLOUD_DNS_FACTORY, false).reasons];
  const managedZone: unknown = zone?.managedZone;
  if (!(typeof managedZone === "string" && (Token.isUnresolved(managedZone) || MANAGED_ZONE.test(managedZone)))) {
    reasons.push({
      path: "zone.managedZone",
      value: managedZone,
      rule: "must be a managed zone's resource name (1-63 lowercase letters, digits and hyphens, starting with a letter), not its DNS name",
      fix: 'Pass the zone\'s name from the Cloud DNS console or `gcloud dns managed-zones list`, e.g. managedZone: "firma-de".',
    });
  }
  const project: unknown = zone?.project;
  if (project !== undefined && !(typeof project === "string" && (Token.isUnresolved(project) || PROJECT.test(project)))) {
    reasons.push({ path: "zone.project", value: project, rule: "must be a Google Cloud project id (6-30 lowercase letters, digits and hyphens)", fix: "Pass the project id (not its name or number), or leave it out to use the provider's." });
  }
  return reasons;
}

/** The target in `scope`'s stack; without `zoneName`, the lookup data source is created once per zone, project and provider. */
export function googleCloudDnsTarget(scope: IConstruct, zone: GoogleCloudDnsZoneOptions): GoogleCloudDnsTarget {
  const base = { managedZone: zone.managedZone, project: zone.project, provider: zone.provider };
  if (zone.zoneName !== undefined) return base;
  const stack = TerraformStack.of(scope);
  const key = [zone.managedZone, zone.project, zone.provider?.node.path].filter((part) => part !== undefined).map((part) => resolveText(stack, part)).join("_");
  // Construct ids without dots or token characters: cdktf drops dots from addresses.
  const id = `mail-connect-zone_google_${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const existing = stack.node.tryFindChild(id) as DataGoogleDnsManagedZone | undefined;
  const data = existing ?? new (zoneDataClass())(stack, id, { name: zone.managedZone, project: zone.project, provider: zone.provider });
  return { ...base, lookedUpDnsName: data.dnsName };
}
