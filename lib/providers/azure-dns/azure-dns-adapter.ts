/**
 * `DnsZone.azureDns`: azurerm record sets in an Azure DNS zone. The app's `AzurermProvider`
 * needs `features: [{}]` (required although the binding's type marks it optional) and a
 * subscription id; `resourceProviderRegistrations: "none"` suits DNS-only credentials.
 */
import type { DnsCnameRecord } from "@cdktf/provider-azurerm/lib/dns-cname-record";
import type { DnsMxRecord } from "@cdktf/provider-azurerm/lib/dns-mx-record";
import type { DnsSrvRecord } from "@cdktf/provider-azurerm/lib/dns-srv-record";
import type { DnsTxtRecord } from "@cdktf/provider-azurerm/lib/dns-txt-record";
import { TerraformStack } from "cdktf";
import { resolveText } from "../resolve-text";
import { BindingClass, BindingPackage, lazyBindingClass, PROVIDER_BINDINGS } from "../binding-loader";
import { noOverwriteReasons } from "../overwrite-switch";
import { DnsProviderAdapter } from "../dns-provider-adapter";
import { checkZoneName, zoneDomainReasons } from "../zone-name";
import { readAzureDnsResource } from "./azure-dns-published";
import { AZURE_DNS_RESOURCE_TYPES, azureDnsImportId, azureDnsRecordConfigs } from "./azure-dns-records";
import { AZURE_DNS_FACTORY, azureDnsTarget, AzureDnsTarget, azureDnsZoneReasons, AzureDnsZoneOptions } from "./azure-dns-zone";

/** The binding, pinned in devDependencies; an optional peer for users. */
export const AZURE_DNS_BINDING: BindingPackage = PROVIDER_BINDINGS.azurerm;

const NEEDED_FOR = `${AZURE_DNS_FACTORY} (azurerm DNS record sets)`;
// Literal deep specifiers: the azurerm package root loads ~1,500 modules.
const CLASSES: Readonly<Record<string, () => BindingClass>> = {
  azurerm_dns_mx_record: lazyBindingClass(AZURE_DNS_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-azurerm/lib/dns-mx-record") as { DnsMxRecord: typeof DnsMxRecord }).DnsMxRecord as unknown as BindingClass),
  azurerm_dns_cname_record: lazyBindingClass(AZURE_DNS_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-azurerm/lib/dns-cname-record") as { DnsCnameRecord: typeof DnsCnameRecord }).DnsCnameRecord as unknown as BindingClass),
  azurerm_dns_srv_record: lazyBindingClass(AZURE_DNS_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-azurerm/lib/dns-srv-record") as { DnsSrvRecord: typeof DnsSrvRecord }).DnsSrvRecord as unknown as BindingClass),
  azurerm_dns_txt_record: lazyBindingClass(AZURE_DNS_BINDING, NEEDED_FOR, () => (require("@cdktf/provider-azurerm/lib/dns-txt-record") as { DnsTxtRecord: typeof DnsTxtRecord }).DnsTxtRecord as unknown as BindingClass),
};

/** The Azure DNS (azurerm) adapter. */
export const azureDnsAdapter: DnsProviderAdapter<AzureDnsZoneOptions, AzureDnsTarget> = {
  kind: "azure-dns",
  title: "Azure DNS",
  factory: AZURE_DNS_FACTORY,
  bindingPackage: AZURE_DNS_BINDING.packageName,
  resourceTypes: Object.values(AZURE_DNS_RESOURCE_TYPES),
  recordModel: "rrset",
  duplicateSetEffect: 'On Azure DNS one resource is the whole record set, so the second create fails with "already exists - to be managed via Terraform this resource needs to be imported".',
  importIds: "computed",

  zoneReasons: azureDnsZoneReasons,
  settingsReasons: (settings) => noOverwriteReasons(settings, "the Azure DNS provider has no allow_overwrite", "Remove it and adopt existing record sets with RecordAdoption.recordSets()."),
  domainReasons: (zone, domain) => zoneDomainReasons(checkZoneName(zone?.zoneName, AZURE_DNS_FACTORY, true).name, domain),
  zoneKey: (scope, zone) => {
    const target = azureDnsTarget(zone);
    return JSON.stringify(["azure-dns", resolveText(TerraformStack.of(scope), target.resourceGroupName), target.zoneName, zone.provider?.node.path ?? ""]);
  },
  zoneTarget: (_scope, zone) => azureDnsTarget(zone),

  renderRecords: azureDnsRecordConfigs,
  createResource: (scope, planned) => new (CLASSES[planned.resourceType]())(scope, planned.id, planned.config as never),
  importId: (planned, target) => {
    const subscriptionId = target.subscriptionId;
    if (subscriptionId === undefined) {
      return {
        missing: {
          path: "zone.subscriptionId",
          value: undefined,
          rule: "is needed to adopt existing Azure record sets: their import ids start with /subscriptions/<id>/",
          fix: "Pass the zone's subscription id to DnsZone.azureDns({ ..., subscriptionId }).",
        },
      };
    }
    return { id: azureDnsImportId({ ...target, subscriptionId }, planned.records[0].name, planned.records[0].type) };
  },
  // Create fails with "already exists - to be managed via Terraform this resource needs to be
  // imported" (dns_txt_record_resource.go, tf.ImportAsExistsError): safe, no warning needed.
  warnings: () => [],

  readResource: (resourceType, attributes, { skipUnknown }) => readAzureDnsResource(resourceType, attributes, skipUnknown),
};
