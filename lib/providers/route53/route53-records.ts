/**
 * Renders planned records as `aws_route53_record` resources (AWS provider 6.25.0).
 * On Route53 a resource *is* a record set, so all planned records with one name and type
 * become one resource: SPF and the extra TXT values share the apex TXT set, which keeps
 * the construct id `spf`. Every Route53-specific string is made here.
 */
import type { Route53RecordConfig } from "@cdktf/provider-aws/lib/route53-record";
import { PlannedRecord, PlannedRecordType, RecordValue, TxtValue, MxValue, CnameValue, SrvValue } from "../../plan/record-plan";
import { plannedRecordSets } from "../record-sets";
import { PlannedResource, RenderContext } from "../render-context";
import { ownConfig } from "../own-config";
import { terraformLiteral } from "../terraform-escape";

/** The one resource type: one `aws_route53_record` per record set. */
export const ROUTE53_RESOURCE_TYPE = "aws_route53_record";

/**
 * A host name in a record value, in the one form this library writes: absolute, with a
 * trailing dot (`mx.mail-connect.net.`). Route53 stores values verbatim, so a switch between
 * the dotted and undotted form would show as a change on every record; the dotted form is
 * what the zone-file form in mail-connect's article and the Route53 console use.
 */
export function route53HostName(host: string): string {
  return `${host}.`;
}

/**
 * A TXT value for `records`: the ≤255-byte chunks joined with `""`, no outer quotes. The
 * provider adds the outer quotes itself (a quoted value fails with InvalidCharacterString),
 * and `chunk1""chunk2` becomes the two character-strings `"chunk1" "chunk2"`, as the
 * aws_route53_record docs show. The chunks come from the plan; the widely copied regex from
 * hashicorp/terraform-provider-aws#14941 drops every 256th character and is not used.
 */
export function route53TxtValue(value: TxtValue): string {
  return value.strings.join('""');
}

/** One value of `records`, in Route53's zone-file-like form. */
export function route53RecordValue(type: PlannedRecordType, value: RecordValue): string {
  switch (type) {
    case "MX": {
      const mx = value as MxValue;
      return `${mx.preference} ${route53HostName(mx.exchange)}`;
    }
    case "CNAME":
      return route53HostName((value as CnameValue).target);
    case "SRV": {
      const srv = value as SrvValue;
      return `${srv.priority} ${srv.weight} ${srv.port} ${route53HostName(srv.target)}`;
    }
    case "TXT":
      return route53TxtValue(value as TxtValue);
  }
}

/**
 * The import id of an existing record set: `ZONEID_name_TYPE` (e.g. `Z123__dmarc.firma.de_TXT`).
 * `zoneId` may be a token; the id then stays a token string that Terraform resolves.
 */
export function route53ImportId(zoneId: string, name: string, type: PlannedRecordType): string {
  return `${zoneId}_${name}_${type}`;
}

/** Options only Route53 has. */
export interface Route53RenderOptions {
  /**
   * Set `allow_overwrite = true`: CREATE becomes UPSERT and replaces whatever set exists.
   * @default false
   */
  readonly allowOverwrite?: boolean;
}

/**
 * The config of one `aws_route53_record` per name+type (pure: nothing is created). Every
 * string from the plan is escaped for Terraform (`terraformLiteral`: `${` → `$${`).
 */
export function route53RecordConfigs(
  records: readonly PlannedRecord[],
  context: RenderContext,
  options: Route53RenderOptions = {},
): PlannedResource<Route53RecordConfig>[] {
  const planned: PlannedResource<Route53RecordConfig>[] = [];
  for (const set of plannedRecordSets(records)) {
    const group = set.records;
    const values = group.flatMap((record) => (record.values as readonly RecordValue[]).map((value) => terraformLiteral(route53RecordValue(record.type, value))));
    const config: Route53RecordConfig = ownConfig({
      zoneId: context.zoneId,
      // Lowercase FQDN without trailing dot: any other spelling of the same name is a
      // replacement of the record set.
      name: terraformLiteral(set.name),
      type: set.type,
      ttl: set.ttl,
      records: values,
      ...(options.allowOverwrite === true ? { allowOverwrite: true } : {}),
      provider: context.provider,
    });
    planned.push({ id: set.purpose, resourceType: ROUTE53_RESOURCE_TYPE, purpose: set.purpose, records: group, config });
  }
  return planned;
}
