/**
 * The provider-neutral record plan: what must be published, in structured form.
 * No provider strings live here (no quotes, no trailing dots, no chunk joins): the
 * renderers make those. This module has no cdktf import.
 */

/** The role a record plays; also the construct id it gets (see `MailConnectDomain`). */
export type RecordPurpose =
  | "mx"
  | "autoconfig"
  | "autodiscover"
  | "spf"
  | "dkim"
  | "dmarc"
  | "incoming"
  | "outgoing"
  | "text";

/** The DNS record types the plan uses. */
export type PlannedRecordType = "MX" | "CNAME" | "SRV" | "TXT";

/** One MX resource record (RFC 1035 field names). */
export interface MxValue {
  readonly preference: number;
  /** Host name, lowercase, without trailing dot. */
  readonly exchange: string;
}

/** One CNAME resource record. */
export interface CnameValue {
  /** Host name, lowercase, without trailing dot. */
  readonly target: string;
}

/** One SRV resource record (RFC 2782 field names). */
export interface SrvValue {
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  /** Host name, lowercase, without trailing dot. */
  readonly target: string;
}

/** One TXT resource record. */
export interface TxtValue {
  /** The whole text, as a mail validator reads it (the character-strings concatenated). */
  readonly text: string;
  /** `text` split into RFC 1035 character-strings of at most 255 bytes each, from the start. */
  readonly strings: readonly string[];
}

/** A planned record value; which one depends on the record type. */
export type RecordValue = MxValue | CnameValue | SrvValue | TxtValue;

interface PlannedRecordBase<P extends RecordPurpose, T extends PlannedRecordType, V> {
  readonly purpose: P;
  /** Owner name: FQDN, lowercase ASCII (punycode), no trailing dot. */
  readonly name: string;
  readonly type: T;
  /** TTL in seconds. */
  readonly ttl: number;
  /** One entry per resource record of this RRset. */
  readonly values: readonly V[];
}

export type MxRecord = PlannedRecordBase<"mx", "MX", MxValue>;
export type CnameRecord = PlannedRecordBase<"autoconfig" | "incoming" | "outgoing", "CNAME", CnameValue>;
export type SrvRecord = PlannedRecordBase<"autodiscover", "SRV", SrvValue>;
export type TxtRecord = PlannedRecordBase<"spf" | "dkim" | "dmarc" | "text", "TXT", TxtValue>;

/** One planned record: one name, one type, one purpose. */
export type PlannedRecord = MxRecord | CnameRecord | SrvRecord | TxtRecord;

/** Advice about the options that is not an error (becomes a cdktf warning annotation). */
export interface PlanWarning {
  /** A stable code for the advice, e.g. `spf-neutral-all` (lets callers filter advice they acted on). */
  readonly code: string;
  /** The option the advice is about, e.g. `spf.all`. */
  readonly path: string;
  readonly message: string;
}

/** What the planner returns for one domain. */
export interface MailConnectRecordPlan {
  /** The domain, lowercase ASCII (punycode), no trailing dot. */
  readonly domain: string;
  readonly records: readonly PlannedRecord[];
  readonly warnings: readonly PlanWarning[];
}
