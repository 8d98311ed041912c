/**
 * `DnsZone.cloudflare`: one `cloudflare_dns_record` per value. Cloudflare stores records, not
 * record sets, so only identical values collide; import ids need the record ids only
 * Cloudflare's API knows (`RecordAdoption.cloudflare`).
 */
import type { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";
import { BindingClass, lazyBindingClass } from "../binding-loader";
import { DnsProviderAdapter, PlannedProviderResource } from "../dns-provider-adapter";
import { noOverwriteReasons } from "../overwrite-switch";
import { RenderContext } from "../render-context";
import { checkIdOrNameZone, DnsZoneOptions, idOrNameDomainReasons, idOrNameTarget, idOrNameZoneKey } from "../zone-id-or-name";
import { readCloudflareRecord } from "./cloudflare-published";
import { CLOUDFLARE_RESOURCE_TYPE, cloudflareImportId, cloudflareRecordConfigs } from "./cloudflare-records";
import { CLOUDFLARE_BINDING, CLOUDFLARE_FACTORY, CLOUDFLARE_ZONE_RULES } from "./cloudflare-zone";

const recordClass = lazyBindingClass(
  CLOUDFLARE_BINDING,
  `${CLOUDFLARE_FACTORY} (Cloudflare DNS records)`,
  () => (require("@cdktf/provider-cloudflare/lib/dns-record") as { DnsRecord: typeof DnsRecord }).DnsRecord as unknown as BindingClass,
);

/** The Cloudflare adapter. */
export const cloudflareAdapter: DnsProviderAdapter<DnsZoneOptions, RenderContext> = {
  kind: "cloudflare",
  title: "Cloudflare",
  factory: CLOUDFLARE_FACTORY,
  bindingPackage: CLOUDFLARE_BINDING.packageName,
  resourceTypes: [CLOUDFLARE_RESOURCE_TYPE],
  recordModel: "record",
  duplicateSetEffect: "",
  importIds: "given",

  zoneReasons: (zone) => [...checkIdOrNameZone(zone, CLOUDFLARE_ZONE_RULES).reasons],
  // Cloudflare provider v5 has no allow_overwrite: an existing record stays beside the new one.
  settingsReasons: (settings) => noOverwriteReasons(settings, "Cloudflare provider v5 has no allow_overwrite", "Remove it and adopt existing records with RecordAdoption.cloudflare({ ... })."),
  domainReasons: (zone, domain) => idOrNameDomainReasons(checkIdOrNameZone(zone, CLOUDFLARE_ZONE_RULES), domain),
  zoneKey: (scope, zone) => idOrNameZoneKey(scope, checkIdOrNameZone(zone, CLOUDFLARE_ZONE_RULES), "cloudflare"),
  zoneTarget: (scope, zone) => idOrNameTarget(scope, checkIdOrNameZone(zone, CLOUDFLARE_ZONE_RULES), CLOUDFLARE_ZONE_RULES),

  renderRecords: (records, target) => cloudflareRecordConfigs(records, target) as unknown as PlannedProviderResource[],
  createResource: (scope, planned) => new (recordClass())(scope, planned.id, planned.config as never),
  importId: (_planned, target, recordId) =>
    recordId === undefined
      ? { missing: { path: "adopt", value: undefined, rule: "needs the Cloudflare record id of each adopted record", fix: 'Pass RecordAdoption.cloudflare({ mx: "<32 hex digits>", ... }).' } }
      : { id: cloudflareImportId(target.zoneId, recordId) },
  warnings: () => [],

  readResource: (_resourceType, attributes, { skipUnknown }) => readCloudflareRecord(attributes, skipUnknown),
};
