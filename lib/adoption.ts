/**
 * Adopting records that already exist in the zone, without deleting them first: the
 * rendered resources get Terraform `import` blocks (cdktf `importFrom`; this library's minimum is Terraform >= 1.6).
 * Route53 import ids are computable from zone, name and type; Cloudflare's need the
 * record ids, which only the user (dashboard or API) knows.
 */
import { Token } from "cdktf";
import { ValidateTerraformVersion } from "cdktf/lib/validations/validate-terraform-version";
import { DnsProviderKind } from "./dns-zone";
import { ValidationReason } from "./errors";
import { ownProperty } from "./plan/own-options";
import { MailConnectRecordPlan, RecordPurpose } from "./record-plan";
import { cloudflareImportId } from "./render/cloudflare-records";
import { RenderedResource, RenderContext } from "./render/render-context";
import { route53ImportId } from "./render/route53-records";

/** Existing Cloudflare record ids (32 hex digits, from the dashboard or `GET /zones/{zone_id}/dns_records`), by purpose. */
export interface CloudflareRecordIds {
  /** @default - the MX record is created */
  readonly mx?: string;
  /** @default - the autoconfig CNAME is created */
  readonly autoconfig?: string;
  /** @default - the autodiscover SRV record is created */
  readonly autodiscover?: string;
  /** @default - the SPF TXT record is created */
  readonly spf?: string;
  /** @default - the DKIM TXT record is created */
  readonly dkim?: string;
  /** @default - the DMARC TXT record is created */
  readonly dmarc?: string;
  /** @default - the incoming server CNAME is created */
  readonly incoming?: string;
  /** @default - the outgoing server CNAME is created */
  readonly outgoing?: string;
  /**
   * Record ids of `extraTxt` values, keyed by the exact value.
   * @default - the extra TXT records are created
   */
  readonly text?: { readonly [value: string]: string };
}

const CLOUDFLARE_RECORD_ID = /^[0-9a-f]{32}$/;
const SINGLE_PURPOSES = ["mx", "autoconfig", "autodiscover", "spf", "dkim", "dmarc", "incoming", "outgoing"] as const;

/** Which existing records to adopt (import) instead of creating. Create one with the static factories. */
export class RecordAdoption {
  /**
   * Route53: import the existing record sets of the given purposes (all planned sets when
   * omitted) with computed ids `ZONEID_name_TYPE`. An imported set gets the planned values at
   * the next apply: values in it that the plan does not have are removed (add them to
   * `extraTxt` or `spf` first). `text` and `spf` share the apex TXT set.
   */
  public static route53(purposes?: readonly RecordPurpose[]): RecordAdoption {
    return new RecordAdoption("route53", purposes, undefined);
  }

  /** Cloudflare: import the existing records with these ids (`<zone_id>/<record_id>` is built for you). */
  public static cloudflare(recordIds: CloudflareRecordIds): RecordAdoption {
    return new RecordAdoption("cloudflare", undefined, recordIds);
  }

  private constructor(
    /** The provider this adoption is for. */
    public readonly kind: DnsProviderKind,
    /** Route53: the purposes whose sets are imported; undefined means all. */
    public readonly purposes: readonly RecordPurpose[] | undefined,
    /** Cloudflare: the record ids by purpose. */
    public readonly recordIds: CloudflareRecordIds | undefined,
  ) {}

  /** Problems with this adoption for a zone of `zoneKind` and the given plan (paths under `adopt`). */
  public reasons(zoneKind: DnsProviderKind, plan: MailConnectRecordPlan): ValidationReason[] {
    const reasons: ValidationReason[] = [];
    if (zoneKind !== this.kind) {
      reasons.push({
        path: "adopt",
        value: `RecordAdoption.${this.kind}()`,
        rule: `must match the zone's provider (${zoneKind})`,
        fix: `Use RecordAdoption.${zoneKind}(...) for a DnsZone.${zoneKind}() zone.`,
      });
      return reasons;
    }
    const planned = new Set(plan.records.map((record) => record.purpose));
    const notPlanned = (path: string, purpose: string) =>
      reasons.push({
        path,
        value: purpose,
        rule: `names a record the plan for ${plan.domain} does not have`,
        fix: `Remove it, or change the options so that ${purpose} is planned.`,
      });
    if (this.kind === "route53") {
      if (this.purposes !== undefined && !Array.isArray(this.purposes)) {
        reasons.push({ path: "adopt.purposes", value: this.purposes, rule: "must be a list of record purposes", fix: 'Pass e.g. RecordAdoption.route53(["spf", "dmarc"]), or no argument to adopt every planned set.' });
        return reasons;
      }
      (this.purposes ?? []).forEach((purpose: unknown, index) => {
        if (typeof purpose !== "string") {
          reasons.push({ path: `adopt.purposes[${index}]`, value: purpose, rule: "must be a record purpose", fix: `Use one of: ${[...SINGLE_PURPOSES, "text"].join(", ")}.` });
        } else if (!planned.has(purpose as RecordPurpose)) {
          notPlanned(`adopt.purposes[${index}]`, purpose);
        }
      });
      return reasons;
    }
    const ids = this.recordIds;
    if (ids === null || typeof ids !== "object" || Array.isArray(ids)) {
      reasons.push({ path: "adopt", value: ids, rule: "must be created from an object of record ids by purpose", fix: 'Pass e.g. RecordAdoption.cloudflare({ mx: "<32 hex digits>" }).' });
      return reasons;
    }
    for (const purpose of SINGLE_PURPOSES) {
      // Own properties only: a polluted Object.prototype must not import a record.
      const id = ownProperty(ids, purpose);
      if (id === undefined) continue;
      if (!planned.has(purpose)) notPlanned(`adopt.${purpose}`, purpose);
      else reasons.push(...recordIdReasons(`adopt.${purpose}`, id));
    }
    const textIds = ownProperty(ids, "text");
    if (textIds !== undefined && (textIds === null || typeof textIds !== "object" || Array.isArray(textIds))) {
      reasons.push({ path: "adopt.text", value: textIds, rule: "must be an object of record ids keyed by the extraTxt value", fix: 'Pass e.g. text: { "ms=123": "<32 hex digits>" }.' });
      return reasons;
    }
    const texts = new Set(plan.records.flatMap((record) => (record.purpose === "text" ? record.values.map((value) => value.text) : [])));
    for (const [text, id] of Object.entries(textIds ?? {})) {
      if (!texts.has(text)) {
        reasons.push({ path: `adopt.text[${JSON.stringify(text)}]`, value: text, rule: "must be one of the extraTxt values", fix: "Key each record id by the exact extraTxt value it holds." });
      } else {
        reasons.push(...recordIdReasons(`adopt.text[${JSON.stringify(text)}]`, id));
      }
    }
    return reasons;
  }

  /** Adds an `import` block to every rendered resource this adoption names. */
  public apply(rendered: readonly RenderedResource[], context: RenderContext): void {
    for (const item of rendered) {
      const importId = this.importId(item, context.zoneId);
      if (importId === undefined) continue;
      item.resource.importFrom(importId, context.provider);
      if (Token.isUnresolved(importId)) {
        // An import id built from a reference (a looked-up or token zone id) needs Terraform
        // >= 1.6, which allows expressions in `import.id` (hashicorp/terraform#33618);
        // cdktf's own check only asks for 1.5.
        item.resource.node.addValidation(
          new ValidateTerraformVersion(">=1.6", "Import blocks whose id references another resource or data source need Terraform >= 1.6. Upgrade Terraform, or give the zone id as a literal."),
        );
      }
    }
  }

  private importId(item: RenderedResource, zoneId: string): string | undefined {
    if (this.kind === "route53") {
      const adopted = this.purposes === undefined || (Array.isArray(this.purposes) && item.records.some((record) => this.purposes!.includes(record.purpose)));
      return adopted ? route53ImportId(zoneId, item.records[0].name, item.records[0].type) : undefined;
    }
    const ids = this.recordIds;
    const recordId = item.purpose === "text" ? ownProperty(ownProperty(ids, "text"), item.text ?? "") : ownProperty(ids, item.purpose);
    return typeof recordId === "string" ? cloudflareImportId(zoneId, recordId) : undefined;
  }
}

function recordIdReasons(path: string, id: unknown): ValidationReason[] {
  if (typeof id === "string" && (Token.isUnresolved(id) || CLOUDFLARE_RECORD_ID.test(id))) return [];
  const full = typeof id === "string" && /^[0-9a-f]{32}\/[0-9a-f]{32}$/.test(id);
  return [
    {
      path,
      value: id,
      rule: "a Cloudflare DNS record id is 32 lowercase hex digits",
      fix: full
        ? `Pass only the record id "${(id as string).split("/")[1]}"; the zone id is added from the zone.`
        : "Copy the record id from the Cloudflare API (GET /zones/<zone_id>/dns_records) or the record's edit page.",
    },
  ];
}
