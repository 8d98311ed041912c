/**
 * Renders planned records as hashicorp/dns 3.4.3 record sets (`@cdktf/provider-dns` 9.0.1):
 * `dns_mx_record_set`, `dns_cname_record`, `dns_srv_record_set`, `dns_txt_record_set`, one
 * resource per name and type. Every hashicorp/dns string is made here. Sources are files of
 * hashicorp/terraform-provider-dns at v3.4.3 (`internal/provider/...`).
 */
import type { CnameRecordConfig } from "@cdktf/provider-dns/lib/cname-record";
import type { MxRecordSetConfig } from "@cdktf/provider-dns/lib/mx-record-set";
import type { SrvRecordSetConfig } from "@cdktf/provider-dns/lib/srv-record-set";
import type { TxtRecordSetConfig } from "@cdktf/provider-dns/lib/txt-record-set";
import { PlannedRecord, PlannedRecordType } from "../../plan/record-plan";
import { terraformLiteral } from "../terraform-escape";
import { PlannedProviderResource } from "../dns-provider-adapter";
import { PlannedRecordSet, plannedRecordSets, relativeName } from "../record-sets";
import { Rfc2136Target } from "./rfc2136-zone";

/** The hashicorp/dns resource type for each planned record type. */
export const RFC2136_RESOURCE_TYPES: Readonly<Record<PlannedRecordType, string>> = {
  MX: "dns_mx_record_set",
  CNAME: "dns_cname_record",
  SRV: "dns_srv_record_set",
  TXT: "dns_txt_record_set",
};

/**
 * `zone` is an FQDN with the trailing dot (`dnsvalidator/is_zone_name_valid.go` rejects it
 * without); host names in MX, SRV and CNAME values too: the provider sends them as written
 * and reads back the absolute form, so an undotted name would differ on every plan.
 * Lowercase, because BIND keeps the case it was sent and the set comparison is exact.
 */
export function rfc2136Fqdn(name: string): string {
  return `${name}.`;
}

/**
 * The record name relative to the zone; the apex is written by leaving `name` out: `""` is
 * rejected and `"@"` is taken literally (`dnsvalidator/is_record_name_valid.go`,
 * `provider_framework.go` `resourceFQDN_framework`).
 */
function nameConfig(set: PlannedRecordSet, target: Rfc2136Target): { name?: string } {
  const name = relativeName(set.name, target.zoneName);
  return name === "" ? {} : { name };
}

/**
 * A TXT value as hashicorp/dns wants it: the whole text, unquoted and unsplit. The provider
 * embeds it in `"..."` and miekg/dns splits it into 255-byte character-strings; reading back
 * joins them (`resource_dns_txt_record_set.go` Create/Read). Pre-splitting or quoting would
 * be "inconsistent result after apply" and a diff on every plan. `${`/`%{` are escaped so
 * Terraform passes the text as written.
 */
export function rfc2136TxtValue(text: string): string {
  return terraformLiteral(text);
}

function setConfig(set: PlannedRecordSet, target: Rfc2136Target): Record<string, unknown> {
  // ttl is always written: unset, the provider uses 3600, and a TTL change is destroy + create (RequiresReplace).
  const base = { zone: rfc2136Fqdn(target.zoneName), ...nameConfig(set, target), ttl: set.ttl, provider: target.provider };
  const records = set.records as readonly PlannedRecord[];
  switch (set.type) {
    case "MX":
      return { ...base, mx: records.flatMap((r) => (r.type === "MX" ? r.values.map((v) => ({ preference: v.preference, exchange: rfc2136Fqdn(v.exchange) })) : [])) } satisfies MxRecordSetConfig;
    case "CNAME": {
      // A CNAME name is required and holds one target (`resource_dns_cname_record.go`).
      const value = records[0].type === "CNAME" ? records[0].values[0] : undefined;
      return { ...base, name: relativeName(set.name, target.zoneName), cname: rfc2136Fqdn(value!.target) } satisfies CnameRecordConfig;
    }
    case "SRV":
      return {
        ...base,
        name: relativeName(set.name, target.zoneName),
        srv: records.flatMap((r) => (r.type === "SRV" ? r.values.map((v) => ({ priority: v.priority, weight: v.weight, port: v.port, target: rfc2136Fqdn(v.target) })) : [])),
      } satisfies SrvRecordSetConfig;
    case "TXT":
      return { ...base, txt: records.flatMap((r) => (r.type === "TXT" ? r.values.map((v) => rfc2136TxtValue(v.text)) : [])) } satisfies TxtRecordSetConfig;
  }
}

/** One resource per name and type (pure: nothing is created). */
export function rfc2136RecordConfigs(records: readonly PlannedRecord[], target: Rfc2136Target): PlannedProviderResource[] {
  return plannedRecordSets(records).map((set) => ({
    id: set.purpose,
    resourceType: RFC2136_RESOURCE_TYPES[set.type],
    purpose: set.purpose,
    records: set.records,
    config: setConfig(set, target),
  }));
}

/** The import id of an existing record set: its owner FQDN with the trailing dot (`_dmarc.firma.de.`, apex `firma.de.`). */
export function rfc2136ImportId(name: string): string {
  return rfc2136Fqdn(name);
}
