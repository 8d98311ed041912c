/**
 * Renders planned records as azurerm 4.55.0 record sets (`@cdktf/provider-azurerm` 14.23.1):
 * `azurerm_dns_mx_record`, `azurerm_dns_cname_record`, `azurerm_dns_srv_record`,
 * `azurerm_dns_txt_record`, one resource per name and type. Every Azure string is made here.
 * Sources are files of hashicorp/terraform-provider-azurerm v4.55.0 `internal/services/dns/`.
 */
import type { DnsCnameRecordConfig } from "@cdktf/provider-azurerm/lib/dns-cname-record";
import type { DnsMxRecordConfig } from "@cdktf/provider-azurerm/lib/dns-mx-record";
import type { DnsSrvRecordConfig } from "@cdktf/provider-azurerm/lib/dns-srv-record";
import type { DnsTxtRecordConfig } from "@cdktf/provider-azurerm/lib/dns-txt-record";
import { PlannedRecord, PlannedRecordType } from "../../plan/record-plan";
import { terraformLiteral } from "../terraform-escape";
import { PlannedProviderResource } from "../dns-provider-adapter";
import { PlannedRecordSet, plannedRecordSets, relativeName } from "../record-sets";
import { AzureDnsTarget } from "./azure-dns-zone";

/** The azurerm resource type for each planned record type. */
export const AZURE_DNS_RESOURCE_TYPES: Readonly<Record<PlannedRecordType, string>> = {
  MX: "azurerm_dns_mx_record",
  CNAME: "azurerm_dns_cname_record",
  SRV: "azurerm_dns_srv_record",
  TXT: "azurerm_dns_txt_record",
};

/** The Azure record-set type segment of ids (`.../dnsZones/<zone>/<TYPE>/<name>`). */
const ID_TYPES: Readonly<Record<PlannedRecordType, string>> = { MX: "MX", CNAME: "CNAME", SRV: "SRV", TXT: "TXT" };

/**
 * The record name relative to the zone, `@` for the apex (the MX resource's default,
 * `dns_mx_record_resource.go`; written out for every type so the form never changes).
 */
export function azureRecordName(name: string, zoneName: string): string {
  return relativeName(name, zoneName) || "@";
}

/**
 * A host name in a value: as planned, without trailing dot. Azure stores it verbatim and
 * treats it as absolute either way; the provider's own acceptance tests write it without
 * the dot, and a switch between forms would be a change on every record.
 */
export function azureHostName(host: string): string {
  return host;
}

/**
 * A TXT value: the raw text, no quotes (they would be published as part of the text). The
 * provider splits it into 254-byte strings itself and joins them on read
 * (`dns_txt_record_resource.go` `expandAzureRmDnsTxtRecords`/`flattenAzureRmDnsTxtRecords`),
 * so sets split any other way import without diff. `${`/`%{` are escaped for Terraform.
 */
export function azureTxtValue(text: string): string {
  return terraformLiteral(text);
}

function setConfig(set: PlannedRecordSet, target: AzureDnsTarget): Record<string, unknown> {
  // ttl is required by every azurerm record resource.
  const base = { zoneName: target.zoneName, resourceGroupName: target.resourceGroupName, name: azureRecordName(set.name, target.zoneName), ttl: set.ttl, provider: target.provider };
  const records = set.records as readonly PlannedRecord[];
  switch (set.type) {
    case "MX":
      // `preference` is a string in the azurerm schema (dns_mx_record_resource.go).
      return { ...base, record: records.flatMap((r) => (r.type === "MX" ? r.values.map((v) => ({ preference: String(v.preference), exchange: azureHostName(v.exchange) })) : [])) } satisfies DnsMxRecordConfig;
    case "CNAME": {
      const value = records[0].type === "CNAME" ? records[0].values[0] : undefined;
      return { ...base, record: azureHostName(value!.target) } satisfies DnsCnameRecordConfig;
    }
    case "SRV":
      return {
        ...base,
        record: records.flatMap((r) => (r.type === "SRV" ? r.values.map((v) => ({ priority: v.priority, weight: v.weight, port: v.port, target: azureHostName(v.target) })) : [])),
      } satisfies DnsSrvRecordConfig;
    case "TXT":
      return { ...base, record: records.flatMap((r) => (r.type === "TXT" ? r.values.map((v) => ({ value: azureTxtValue(v.text) })) : [])) } satisfies DnsTxtRecordConfig;
  }
}

/** One resource per name and type (pure: nothing is created). */
export function azureDnsRecordConfigs(records: readonly PlannedRecord[], target: AzureDnsTarget): PlannedProviderResource[] {
  return plannedRecordSets(records).map((set) => ({ id: set.purpose, resourceType: AZURE_DNS_RESOURCE_TYPES[set.type], purpose: set.purpose, records: set.records, config: setConfig(set, target) }));
}

/**
 * The import id of an existing record set:
 * `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/dnsZones/<zone>/<TYPE>/<name>`,
 * its parts spelt exactly as in the config (a different case is a replacement; `parse/txt_record.go`).
 */
export function azureDnsImportId(target: AzureDnsTarget & { readonly subscriptionId: string }, name: string, type: PlannedRecordType): string {
  return `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroupName}/providers/Microsoft.Network/dnsZones/${target.zoneName}/${ID_TYPES[type]}/${azureRecordName(name, target.zoneName)}`;
}
