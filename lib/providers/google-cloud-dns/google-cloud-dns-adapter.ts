/**
 * `DnsZone.googleCloudDns`: `google_dns_record_set` resources in a Cloud DNS managed zone.
 */
import type { DnsRecordSet } from "@cdktf/provider-google/lib/dns-record-set";
import { TerraformStack } from "cdktf";
import { resolveText } from "../resolve-text";
import { BindingClass, lazyBindingClass } from "../binding-loader";
import { noOverwriteReasons } from "../overwrite-switch";
import { DnsProviderAdapter } from "../dns-provider-adapter";
import { checkZoneName, zoneDomainReasons } from "../zone-name";
import { readGoogleCloudDnsResource } from "./google-cloud-dns-published";
import { GOOGLE_CLOUD_DNS_RESOURCE_TYPE, googleCloudDnsImportId, googleCloudDnsRecordConfigs } from "./google-cloud-dns-records";
import {
  GOOGLE_CLOUD_DNS_BINDING,
  GOOGLE_CLOUD_DNS_FACTORY,
  googleCloudDnsTarget,
  GoogleCloudDnsTarget,
  googleCloudDnsZoneReasons,
  GoogleCloudDnsZoneOptions,
} from "./google-cloud-dns-zone";

// The google package root loads ~1,500 modules: the one class, by its deep path.
const recordSetClass = lazyBindingClass(
  GOOGLE_CLOUD_DNS_BINDING,
  `${GOOGLE_CLOUD_DNS_FACTORY} (google_dns_record_set)`,
  () => (require("@cdktf/provider-google/lib/dns-record-set") as { DnsRecordSet: typeof DnsRecordSet }).DnsRecordSet as unknown as BindingClass,
);

/** The Google Cloud DNS adapter. */
export const googleCloudDnsAdapter: DnsProviderAdapter<GoogleCloudDnsZoneOptions, GoogleCloudDnsTarget> = {
  kind: "google-cloud-dns",
  title: "Google Cloud DNS",
  factory: GOOGLE_CLOUD_DNS_FACTORY,
  bindingPackage: GOOGLE_CLOUD_DNS_BINDING.packageName,
  resourceTypes: [GOOGLE_CLOUD_DNS_RESOURCE_TYPE],
  recordModel: "rrset",
  duplicateSetEffect: "On Google Cloud DNS one resource is the whole record set, and a create replaces an existing set silently, so one would overwrite the other.",
  importIds: "computed",

  zoneReasons: googleCloudDnsZoneReasons,
  settingsReasons: (settings) => noOverwriteReasons(settings, "the Google Cloud DNS provider has no allow_overwrite", "Remove it and adopt existing record sets with RecordAdoption.recordSets()."),
  domainReasons: (zone, domain) => zoneDomainReasons(checkZoneName(zone?.zoneName, GOOGLE_CLOUD_DNS_FACTORY, false).name, domain),
  zoneKey: (scope, zone) => {
    const stack = TerraformStack.of(scope);
    return JSON.stringify(["google-cloud-dns", resolveText(stack, zone.project), resolveText(stack, zone.managedZone), zone.provider?.node.path ?? ""]);
  },
  zoneTarget: googleCloudDnsTarget,

  renderRecords: googleCloudDnsRecordConfigs,
  createResource: (scope, planned) => new (recordSetClass())(scope, planned.id, planned.config as never),
  importId: (planned, target) => ({ id: googleCloudDnsImportId(target, planned.records[0].name, planned.records[0].type) }),

  // Always: a set that is not adopted is created, and the create is authoritative.
  warnings: () => [
    {
      code: "google-create-replaces-existing",
      path: "zone",
      message:
        "creating a google_dns_record_set silently replaces any existing record set of the same name and type (the provider is authoritative, resource_dns_record_set.go): an existing site verification or MX at the domain is deleted unless it is in the planned values. Adopt existing sets first (the import shows in the plan what would be replaced), or add values you keep to extraTxt.",
    },
  ],

  readResource: (resourceType, attributes, { skipUnknown }) => readGoogleCloudDnsResource(resourceType, attributes, skipUnknown),
};
