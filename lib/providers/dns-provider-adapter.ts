/**
 * The one interface every DNS provider implements. Everything one provider means — how its
 * zone is given and looked up, how planned records become its resources (the only place its
 * strings are made), its import ids, what it then serves, and which of its resources collide —
 * sits behind this interface in `lib/providers/<provider>/`. The construct, adoption, the stack
 * checks and `verify --synth` talk to it and never ask which provider it is.
 *
 * Modelled on octoDNS's provider base class (`SUPPORTS`, `populate`, `_apply`) and DNSControl's
 * `providers/<name>/` folders (see ../../STYLE.md "Provider adapters").
 */
import type { TerraformProvider, TerraformResource } from "cdktf";
import type { Construct, IConstruct } from "constructs";
import type { DnsRrset } from "../plan/dns-rrset";
import type { ValidationReason } from "../errors";
import type { PlannedRecord, PlanWarning, RecordPurpose } from "../plan/record-plan";

/** The options every zone factory takes besides its provider's own. */
export interface DnsZoneCommonOptions {
  /**
   * The provider instance (e.g. an aliased one for a second account or server) that every
   * record resource, lookup data source and import block uses.
   * @default - the stack's default provider of that type
   */
  readonly provider?: TerraformProvider;
}

/** One resource an adapter plans, before it is created. */
export interface PlannedProviderResource {
  /** The construct id (public API: it decides the Terraform address). */
  readonly id: string;
  /** The Terraform resource type, e.g. `dns_txt_record_set`. */
  readonly resourceType: string;
  /** The purpose the resource is named after (a shared apex TXT set is `spf`). */
  readonly purpose: RecordPurpose;
  /** The planned records this resource publishes (all records of one name and type). */
  readonly records: readonly PlannedRecord[];
  /** The config for the binding class's constructor (camelCase, as the binding takes it). */
  readonly config: Readonly<Record<string, unknown>>;
  /** One resource per value (`recordModel: "record"`): the one TXT text it publishes. */
  readonly text?: string;
}

/** Publishing switches the construct passes through; an adapter without one refuses it in `settingsReasons`. */
export interface PublishSettings {
  /**
   * Replace an existing record set of the same name and type on create (Route53's
   * `allow_overwrite`).
   * @default false
   */
  readonly allowOverwrite?: boolean;
}

/** One resource an adapter created. */
export interface CreatedProviderResource extends PlannedProviderResource {
  readonly resource: TerraformResource;
}

/**
 * The import id of one record resource: computed from the zone, name and type, or a
 * reason why only the provider's API knows it (then the user must pass it).
 */
export type ProviderImportId = { readonly id: string } | { readonly missing: ValidationReason };

/** One RRset as a provider publishes it from one resource (emulation, see `readResource`). */
export interface ReadRrset extends DnsRrset {
  /** What identifies the zone (literal attributes as synthesized), so sets of two zones never merge. */
  readonly zone: string;
  /** What else keeps two sets of one name and type apart (Route53's `set_identifier`). @default "" */
  readonly qualifier?: string;
}

/** What `readResource` makes of one synthesized resource. */
export type ReadResourceResult =
  | { readonly rrset: ReadRrset }
  /** The resource would publish something else than it says, be refused, or drift on every plan. */
  | { readonly problems: readonly string[] }
  /** Not a record type this library reads (with `skipUnknown`). */
  | { readonly skipped: string };

/** One RRset a provider publishes, with the Terraform addresses of the resources behind it. */
export interface ProviderRrset extends DnsRrset {
  /** The adapter's `kind`, e.g. `rfc2136`. */
  readonly provider: string;
  /** The zone, as the adapter identifies it. */
  readonly zoneId: string;
  /** Terraform addresses, e.g. `dns_txt_record_set.firma_spf_1A2B3C4D`. */
  readonly sources: readonly string[];
}

/**
 * One DNS provider. `Zone` is the provider's zone options (what its `DnsZone` factory
 * takes); `Target` is where the records go once the zone is resolved in a stack (literal
 * names, or tokens from a lookup data source).
 */
export interface DnsProviderAdapter<Zone extends DnsZoneCommonOptions = DnsZoneCommonOptions, Target = unknown> {
  /** Stable name, e.g. `rfc2136`; also the provider in `ProviderRrset`. */
  readonly kind: string;
  /** The provider's name in messages, e.g. `RFC 2136`. */
  readonly title: string;
  /** The factory users call, e.g. `DnsZone.rfc2136`; named in messages. */
  readonly factory: string;
  /** The binding package (npm) its resources come from, e.g. `@cdktf/provider-dns`. */
  readonly bindingPackage: string;
  /** The Terraform resource types it writes and reads. */
  readonly resourceTypes: readonly string[];
  /**
   * How its resources map to DNS: `rrset` — one resource is the whole set of one name and
   * type, so two resources for one name and type collide (Route53 and the three new ones);
   * `record` — one resource per value, only identical values collide (Cloudflare).
   */
  readonly recordModel: "rrset" | "record";
  /**
   * What a second resource for one record set does, for the stack checks' message (only for
   * `recordModel: "rrset"`), e.g. `one would overwrite the other or the apply fails`.
   */
  readonly duplicateSetEffect: string;
  /**
   * Where import ids come from: `computed` from zone, name and type (`RecordAdoption.recordSets`),
   * or `given` — only the provider's API knows them and the user passes them.
   */
  readonly importIds: "computed" | "given";

  /** Problems with the zone options (paths under `zone`); never throws. */
  zoneReasons(zone: Zone): ValidationReason[];
  /** Problems with the publishing switches (paths are the construct's prop names). */
  settingsReasons(settings: PublishSettings): ValidationReason[];
  /** Problems with publishing `domain` (normalised) in this zone, e.g. a domain outside a literal zone name. */
  domainReasons(zone: Zone, domain: string): ValidationReason[];
  /** What identifies the zone in `scope`'s app (equal keys = the same zone). */
  zoneKey(scope: IConstruct, zone: Zone): string;
  /**
   * Where the records go in `scope`'s stack (zone names or ids, the provider instance);
   * creates the lookup data source (once per stack) when the zone needs one.
   */
  zoneTarget(scope: IConstruct, zone: Zone): Target;

  /** The resources for `records` (pure: nothing is created). All provider strings are made here. */
  renderRecords(records: readonly PlannedRecord[], target: Target, settings: PublishSettings): PlannedProviderResource[];
  /** Creates one planned resource under `scope`, loading the binding on first use (a missing binding names the package to install). */
  createResource(scope: Construct, planned: PlannedProviderResource): TerraformResource;
  /**
   * The import id of an existing record set for one planned resource; `recordId` is the
   * provider's own id of the record when the user gave one (`importIds: "given"`).
   */
  importId(planned: PlannedProviderResource, target: Target, recordId?: string): ProviderImportId;
  /** Warnings about the provider's known pitfalls, for these options. */
  warnings(zone: Zone, context: { readonly adopted: readonly RecordPurpose[]; readonly adopting: boolean; readonly settings: PublishSettings }): PlanWarning[];

  /**
   * What the provider serves for one synthesized resource (Terraform JSON attributes,
   * snake_case), in presentation form, or why it would not serve what it says.
   */
  readResource(resourceType: string, attributes: Readonly<Record<string, unknown>>, options: { readonly skipUnknown: boolean }): ReadResourceResult;
}
