/**
 * Adopting records that already exist in the zone, without deleting them first: the
 * resources get Terraform `import` blocks (cdktf `importFrom`; this library's minimum is
 * Terraform >= 1.6). The import ids come from the zone's adapter (`importId`): computed from
 * zone, name and type for record-set providers (`RecordAdoption.recordSets`,
 * `RecordAdoption.route53`), or from the record ids the user gives where only the provider's
 * API knows them (`RecordAdoption.cloudflare`).
 */
import { Token } from "cdktf";
import { ValidationReason } from "../errors";
import { ownProperty } from "../plan/own-options";
import { MailConnectRecordPlan, RecordPurpose } from "../plan/record-plan";
import { PlannedProviderResource } from "./dns-provider-adapter";
import { PublishRecordsOptions } from "./publish-records";
import { DNS_PROVIDER_ADAPTERS } from "./provider-registry";

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

  /**
   * Any provider whose import ids are computed from zone, name and type (Route53, RFC 2136,
   * Azure DNS, Google Cloud DNS): import the existing record sets of the given purposes (all
   * planned sets when omitted). `text` and `spf` share the apex TXT set.
   */
  public static recordSets(purposes?: readonly RecordPurpose[]): RecordAdoption {
    return new RecordAdoption(undefined, purposes, undefined);
  }

  /** Cloudflare: import the existing records with these ids (`<zone_id>/<record_id>` is built for you). */
  public static cloudflare(recordIds: CloudflareRecordIds): RecordAdoption {
    return new RecordAdoption("cloudflare", undefined, recordIds, true);
  }

  private constructor(
    /** The provider this adoption is for (an adapter's `kind`); undefined for any provider with computed import ids. */
    public readonly kind: string | undefined,
    /** Computed ids: the purposes whose sets are imported; undefined means all. */
    public readonly purposes: readonly RecordPurpose[] | undefined,
    /** Cloudflare: the record ids by purpose. */
    public readonly recordIds: CloudflareRecordIds | undefined,
    /** Whether the import ids come from the user's record ids rather than being computed. */
    private readonly byRecordId = false,
  ) {}

  /** Problems with this adoption for a zone of `zoneKind` (an adapter's `kind`) and the given plan (paths under `adopt`). */
  public reasons(zoneKind: string, plan: MailConnectRecordPlan): ValidationReason[] {
    const reasons: ValidationReason[] = [];
    const adapter = DNS_PROVIDER_ADAPTERS.find((candidate) => candidate.kind === zoneKind);
    const computed = !this.byRecordId;
    if (adapter !== undefined && (this.kind !== undefined ? zoneKind !== this.kind : adapter.importIds !== "computed")) {
      reasons.push({
        path: "adopt",
        value: `RecordAdoption.${this.kind ?? "recordSets"}()`,
        rule: `must match the zone's provider (${zoneKind})`,
        fix: adapter.importIds === "computed" ? `Use RecordAdoption.recordSets(...) for a ${adapter.factory}() zone.` : `Use RecordAdoption.${zoneKind}(...) for a ${adapter.factory}() zone.`,
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
    if (computed) {
      if (this.purposes !== undefined && !Array.isArray(this.purposes)) {
        reasons.push({ path: "adopt.purposes", value: this.purposes, rule: "must be a list of record purposes", fix: `Pass e.g. RecordAdoption.${this.kind ?? "recordSets"}(["spf", "dmarc"]), or no argument to adopt every planned set.` });
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

  /** What `publishRecords` needs: the adopted purposes, or the user's record ids. */
  public publishOptions(): Pick<PublishRecordsOptions, "adopt" | "recordIdOf"> {
    if (!this.byRecordId) return { adopt: this.purposes ?? "all" };
    const ids = this.recordIds;
    return {
      recordIdOf: (planned: PlannedProviderResource) => {
        const recordId = planned.purpose === "text" ? ownProperty(ownProperty(ids, "text"), planned.text ?? "") : ownProperty(ids, planned.purpose);
        return typeof recordId === "string" ? recordId : undefined;
      },
    };
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
