/**
 * Renders planned records as Cloudflare `cloudflare_dns_record` resources (provider 5.14.0).
 * Cloudflare stores one record per value, so every planned value becomes one resource.
 * Every Cloudflare-specific string is made here; each rule cites the issue behind it.
 */
import { createHash } from "crypto";
import type { DnsRecordConfig } from "@cdktf/provider-cloudflare/lib/dns-record";
import { PlannedRecord, TxtValue } from "../../plan/record-plan";
import { PlannedResource, RenderContext } from "../render-context";
import { ownConfig } from "../own-config";
import { terraformLiteral } from "../terraform-escape";

/** The one resource type: one `cloudflare_dns_record` per value. */
export const CLOUDFLARE_RESOURCE_TYPE = "cloudflare_dns_record";

/**
 * TXT `content` as RFC 1035 character-strings: every ≤255-byte chunk in double quotes,
 * joined by one space (`"chunk1" "chunk2"`), even a single short one. Cloudflare re-splits
 * unquoted content over 255 bytes itself and the plan then drifts forever
 * (cloudflare/terraform-provider-cloudflare#6238, ComputeCanada/magic_castle#408); quoted
 * content is stored as sent. The plan's text holds no `"` or `\`, so nothing needs escaping
 * for Cloudflare; `cloudflareRecordConfigs` escapes it for Terraform (`${` → `$${`).
 */
export function cloudflareTxtContent(value: TxtValue): string {
  return value.strings.map((chunk) => `"${chunk}"`).join(" ");
}

/**
 * The construct id of the resource for one value. Every purpose but `text` has one value
 * and is named after its purpose. Extra TXT values (`text`) are named `text-<hash>` after
 * the first 8 hex digits of the value's SHA-256: an id by list position would, when a
 * value is removed from the middle of `extraTxt`, rewrite every later record in place and
 * delete the last one, and imports keyed by value would point at the wrong record.
 */
export function cloudflareRecordId(record: PlannedRecord, text?: string): string {
  if (record.purpose !== "text") return record.purpose;
  return `text-${createHash("sha256").update(text ?? "", "utf8").digest("hex").slice(0, 8)}`;
}

/** The Cloudflare import id of an existing record: `<zone_id>/<dns_record_id>`. */
export function cloudflareImportId(zoneId: string, recordId: string): string {
  return `${zoneId}/${recordId}`;
}

/** The type-specific part of one record's config (content, data, priority). */
function valueConfig(record: PlannedRecord, index: number): Pick<DnsRecordConfig, "content" | "data" | "priority"> {
  switch (record.type) {
    case "MX": {
      // MX: host in `content` without trailing dot (the API strips it and the plan re-adds
      // it forever, #7286), preference as the top-level `priority`.
      const mx = record.values[index];
      return { content: terraformLiteral(mx.exchange), priority: mx.preference };
    }
    case "CNAME":
      return { content: terraformLiteral(record.values[index].target) };
    case "SRV": {
      // SRV: `data` plus a top-level `priority` equal to `data.priority`, otherwise every
      // plan shows a diff (#6684). No `content`: Cloudflare derives it from `data`.
      const srv = record.values[index];
      return { data: { priority: srv.priority, weight: srv.weight, port: srv.port, target: terraformLiteral(srv.target) }, priority: srv.priority };
    }
    case "TXT":
      return { content: terraformLiteral(cloudflareTxtContent(record.values[index])) };
  }
}

/**
 * The config of one `cloudflare_dns_record` per planned value (pure: nothing is created).
 * `name` is the FQDN (the v5 upgrade guide requires it; relative names drift, #7289);
 * `proxied: false` is explicit (a proxied autoconfig CNAME would break mail clients' TLS);
 * `settings`, `comment` and `tags` are left out (empty ones drift, #5858, #5517).
 * Every string from the plan is escaped for Terraform (`terraformLiteral`).
 */
export function cloudflareRecordConfigs(records: readonly PlannedRecord[], context: RenderContext): PlannedResource<DnsRecordConfig>[] {
  const planned: PlannedResource<DnsRecordConfig>[] = [];
  for (const record of records) {
    for (let index = 0; index < record.values.length; index += 1) {
      const text = record.type === "TXT" ? (record.values[index] as TxtValue).text : undefined;
      const config: DnsRecordConfig = ownConfig({
        zoneId: context.zoneId,
        name: terraformLiteral(record.name),
        type: record.type,
        ttl: record.ttl,
        proxied: false,
        ...valueConfig(record, index),
        provider: context.provider,
      });
      planned.push({ id: cloudflareRecordId(record, text), resourceType: CLOUDFLARE_RESOURCE_TYPE, purpose: record.purpose, records: [record], text, config });
    }
  }
  return planned;
}
