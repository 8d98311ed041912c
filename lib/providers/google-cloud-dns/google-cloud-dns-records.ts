/**
 * Renders planned records as google 6.50.0 `google_dns_record_set` resources
 * (`@cdktf/provider-google` 16.12.1), one per name and type. Every Cloud DNS string is made
 * here. Sources are hashicorp/terraform-provider-google v6.50.0
 * `google/services/dns/resource_dns_record_set.go` and the Cloud DNS API reference.
 */
import { Fn, Op } from "cdktf";
import type { DnsRecordSetConfig } from "@cdktf/provider-google/lib/dns-record-set";
import { PlannedRecord, PlannedRecordType, RecordValue, TxtValue, MxValue, CnameValue, SrvValue } from "../../plan/record-plan";
import { terraformLiteral } from "../terraform-escape";
import { PlannedProviderResource } from "../dns-provider-adapter";
import { plannedRecordSets } from "../record-sets";
import { GoogleCloudDnsTarget } from "./google-cloud-dns-zone";

/** The one resource type. */
export const GOOGLE_CLOUD_DNS_RESOURCE_TYPE = "google_dns_record_set";

/**
 * A name as Cloud DNS writes it: lowercase FQDN with the trailing dot. The API stores names
 * absolute and the provider compares them verbatim; CNAME and SRV targets also stay
 * lowercase, as the rrdatas diff-suppress lowercases only MX and TXT (`rrdatasDnsDiffSuppress`),
 * and the API rejects SRV targets without the dot.
 */
export function googleFqdn(name: string): string {
  return `${name}.`;
}

/**
 * A TXT value: every ≤255-byte chunk in double quotes, joined by one space (`"c1" "c2"`).
 * Unquoted, Cloud DNS splits the value at spaces into separate strings (an SPF record would
 * read `v=spf1include:...`); the provider's docs note on long TXT asks for the 255-byte split.
 * `${`/`%{` are escaped for Terraform.
 */
export function googleTxtRdata(value: TxtValue): string {
  return terraformLiteral(value.strings.map((chunk) => `"${chunk}"`).join(" "));
}

/** One `rrdatas` entry in zone-file presentation form. */
export function googleRrdata(type: PlannedRecordType, value: RecordValue): string {
  switch (type) {
    case "MX": {
      const mx = value as MxValue;
      return `${mx.preference} ${googleFqdn(mx.exchange)}`;
    }
    case "CNAME":
      return googleFqdn((value as CnameValue).target);
    case "SRV": {
      const srv = value as SrvValue;
      return `${srv.priority} ${srv.weight} ${srv.port} ${googleFqdn(srv.target)}`;
    }
    case "TXT":
      return googleTxtRdata(value as TxtValue);
  }
}

/** One resource per name and type (pure: nothing is created). */
export function googleCloudDnsRecordConfigs(records: readonly PlannedRecord[], target: GoogleCloudDnsTarget): PlannedProviderResource[] {
  return plannedRecordSets(records).map((set) => {
    const name = googleFqdn(set.name);
    const dnsName = target.lookedUpDnsName;
    const config: DnsRecordSetConfig = {
      managedZone: target.managedZone,
      ...(target.project !== undefined ? { project: target.project } : {}),
      name,
      type: set.type,
      // Always set: an unset ttl shows as a change on every plan.
      ttl: set.ttl,
      rrdatas: (set.records as readonly PlannedRecord[]).flatMap((record) => (record.values as readonly RecordValue[]).map((value) => googleRrdata(record.type, value))),
      provider: target.provider,
      ...(dnsName === undefined
        ? {}
        : {
            lifecycle: {
              precondition: [
                {
                  condition: Op.or(Op.eq(name, dnsName), Fn.endswith(name, Fn.join("", [".", dnsName]))),
                  errorMessage: `${set.name} is not in the managed zone ${target.managedZone}: pass the zone whose DNS name is the domain or a parent of it.`,
                },
              ],
            },
          }),
    };
    return { id: set.purpose, resourceType: GOOGLE_CLOUD_DNS_RESOURCE_TYPE, purpose: set.purpose, records: set.records, config: config as unknown as Record<string, unknown> };
  });
}

/**
 * The import id of an existing record set, `projects/<p>/managedZones/<zone>/rrsets/<name.>/<TYPE>`,
 * or `<zone>/<name.>/<TYPE>` for the provider's project (`resourceDnsRecordSetImportState`).
 */
export function googleCloudDnsImportId(target: GoogleCloudDnsTarget, name: string, type: PlannedRecordType): string {
  const tail = `${googleFqdn(name)}/${type}`;
  return target.project === undefined ? `${target.managedZone}/${tail}` : `projects/${target.project}/managedZones/${target.managedZone}/rrsets/${tail}`;
}
