/**
 * `DnsZone.rfc2136`: hashicorp/dns record sets on any server that accepts TSIG-signed
 * dynamic updates. The provider block (server, port, TSIG key) is the app's.
 */
import type { CnameRecord } from "@cdktf/provider-dns/lib/cname-record";
import type { MxRecordSet } from "@cdktf/provider-dns/lib/mx-record-set";
import type { SrvRecordSet } from "@cdktf/provider-dns/lib/srv-record-set";
import type { TxtRecordSet } from "@cdktf/provider-dns/lib/txt-record-set";
import { Construct } from "constructs";
import { BindingClass, BindingPackage, lazyBindingClass, PROVIDER_BINDINGS } from "../binding-loader";
import { noOverwriteReasons } from "../overwrite-switch";
import { DnsProviderAdapter, PlannedProviderResource } from "../dns-provider-adapter";
import { checkZoneName, zoneDomainReasons } from "../zone-name";
import { readRfc2136Resource } from "./rfc2136-published";
import { RFC2136_RESOURCE_TYPES, rfc2136ImportId, rfc2136RecordConfigs } from "./rfc2136-records";
import { RFC2136_FACTORY, Rfc2136Target, Rfc2136ZoneOptions } from "./rfc2136-zone";

/** The binding, pinned in devDependencies; an optional peer for users. */
export const RFC2136_BINDING: BindingPackage = PROVIDER_BINDINGS.dns;

const NEEDED_FOR = `${RFC2136_FACTORY} (hashicorp/dns record sets)`;
// Literal deep specifiers: each require stays visible to bundlers and the import scanner.
const CLASSES: Readonly<Record<string, () => BindingClass>> = {
  dns_mx_record_set: lazyBindingClass(RFC2136_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-dns/lib/mx-record-set") as { MxRecordSet: typeof MxRecordSet }).MxRecordSet as unknown as BindingClass),
  dns_cname_record: lazyBindingClass(RFC2136_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-dns/lib/cname-record") as { CnameRecord: typeof CnameRecord }).CnameRecord as unknown as BindingClass),
  dns_srv_record_set: lazyBindingClass(RFC2136_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-dns/lib/srv-record-set") as { SrvRecordSet: typeof SrvRecordSet }).SrvRecordSet as unknown as BindingClass),
  dns_txt_record_set: lazyBindingClass(RFC2136_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-dns/lib/txt-record-set") as { TxtRecordSet: typeof TxtRecordSet }).TxtRecordSet as unknown as BindingClass),
};

function ownerOf(planned: PlannedProviderResource): string {
  return planned.records[0].name;
}

/** The RFC 2136 (hashicorp/dns) adapter. */
export const rfc2136Adapter: DnsProviderAdapter<Rfc2136ZoneOptions, Rfc2136Target> = {
  kind: "rfc2136",
  title: "RFC 2136",
  factory: RFC2136_FACTORY,
  bindingPackage: RFC2136_BINDING.packageName,
  resourceTypes: Object.values(RFC2136_RESOURCE_TYPES),
  recordModel: "rrset",
  duplicateSetEffect: "With hashicorp/dns one resource is the whole record set, so both would add and delete values of the same set and every plan shows a change.",
  importIds: "computed",

  zoneReasons: (zone) => checkZoneName(zone?.zoneName, RFC2136_FACTORY, true).reasons,
  settingsReasons: (settings) => noOverwriteReasons(settings, "the RFC 2136 provider has no allow_overwrite", "Remove it and adopt existing record sets with RecordAdoption.recordSets()."),
  domainReasons: (zone, domain) => zoneDomainReasons(checkZoneName(zone?.zoneName, RFC2136_FACTORY, true).name, domain),
  zoneKey: (_scope, zone) => JSON.stringify(["rfc2136", checkZoneName(zone.zoneName, RFC2136_FACTORY, true).name ?? zone.zoneName, zone.provider?.node.path ?? ""]),
  zoneTarget: (_scope, zone) => ({ zoneName: checkZoneName(zone.zoneName, RFC2136_FACTORY, true).name!, provider: zone.provider }),

  renderRecords: rfc2136RecordConfigs,
  createResource: (scope: Construct, planned) => new (CLASSES[planned.resourceType]())(scope, planned.id, planned.config as never),
  importId: (planned) => ({ id: rfc2136ImportId(ownerOf(planned)) }),

  warnings: (_zone, { adopted }) => [
    adopted.length > 0
      ? {
          code: "rfc2136-adopted-txt-split",
          path: "adopt",
          message:
            "hashicorp/dns deletes an old TXT value by its exact wire form (255-byte strings); an adopted TXT value the server holds split another way is not deleted when it changes. Replace adopted TXT sets once (terraform apply -replace=<address>) and check the served answer.",
        }
      : {
          code: "rfc2136-existing-sets",
          path: "zone",
          message:
            "hashicorp/dns only adds records on create: an MX, SRV or TXT set that already exists at the same name makes the apply fail with an inconsistent result. Adopt existing sets (import ids are the owner names with a trailing dot) before the first apply.",
        },
  ],

  readResource: (resourceType, attributes, { skipUnknown }) => readRfc2136Resource(resourceType, attributes, skipUnknown),
};
