/**
 * A provider-neutral resource-record set in DNS presentation format (RFC 1035 §5.1), the
 * common input of the zone-file writer. A plan becomes RRsets here; a later reader of a
 * provider's Terraform JSON can produce the same form and reuse the writer unchanged.
 */
import { ReasonCollector, quoteValue } from "../errors";
import { MAX_CHARACTER_STRING_BYTES } from "./txt-strings";
import { MailConnectRecordPlan, PlannedRecord } from "./record-plan";

/** One RRset: every record of one owner name and type. */
export interface DnsRrset {
  /** Owner name: FQDN, lowercase ASCII (punycode), without trailing dot. */
  readonly name: string;
  /** Record type in upper case (`MX`, `TXT`, ...). */
  readonly type: string;
  /** TTL in seconds; one TTL per RRset (RFC 2181 §5.2). */
  readonly ttl: number;
  /**
   * One entry per record, in presentation format: host names absolute with a trailing dot
   * (`10 mx.mail-connect.net.`), TXT as quoted character-strings (`"v=spf1 ..." "..."`).
   */
  readonly rdata: readonly string[];
}

/** A host name as an absolute name: `mx.mail-connect.net` → `mx.mail-connect.net.`. */
export function absoluteName(name: string): string {
  return name.endsWith(".") ? name : `${name}.`;
}

/**
 * One character-string in presentation format (RFC 1035 §5.1): in double quotes, with `"`
 * and `\` escaped by a backslash and every byte outside printable ASCII written as `\DDD`.
 * Throws when the string holds more than 255 bytes; split it first.
 */
export function quoteCharacterString(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > MAX_CHARACTER_STRING_BYTES) {
    throw new RangeError(`a TXT character-string holds at most ${MAX_CHARACTER_STRING_BYTES} bytes, got ${bytes.length}`);
  }
  let out = '"';
  for (const byte of bytes) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${byte.toString().padStart(3, "0")}`;
  }
  return `${out}"`;
}

/** The presentation-format rdata of each value of one planned record. */
function recordRdata(record: PlannedRecord): string[] {
  switch (record.type) {
    case "MX":
      return record.values.map((v) => `${v.preference} ${absoluteName(v.exchange)}`);
    case "CNAME":
      return record.values.map((v) => absoluteName(v.target));
    case "SRV":
      return record.values.map((v) => `${v.priority} ${v.weight} ${v.port} ${absoluteName(v.target)}`);
    case "TXT":
      return record.values.map((v) => (v.strings.length === 0 ? ['""'] : v.strings.map(quoteCharacterString)).join(" "));
    default:
      throw new RangeError(`the record type ${quoteValue((record as { type?: unknown }).type)} is not one the plan uses (MX, CNAME, SRV, TXT)`);
  }
}

/**
 * The plan's records as RRsets, in the plan's order. Records that share a name and type
 * (the SPF record and other TXT values at the domain) become one RRset.
 * @throws MailConnectValidationError when records of one RRset have different TTLs or a
 *   TXT character-string is longer than 255 bytes.
 */
export function planToRrsets(plan: MailConnectRecordPlan): DnsRrset[] {
  const reasons = new ReasonCollector();
  if (plan === null || typeof plan !== "object" || !Array.isArray(plan.records)) {
    reasons.add("plan", plan, "must be a record plan", "Pass the result of planMailConnectRecords(...).");
    reasons.throwIfAny("the zone records");
  }
  const sets = new Map<string, { name: string; type: string; ttl: number; rdata: string[] }>();
  plan.records.forEach((record, index) => {
    if (record === null || typeof record !== "object" || typeof record.name !== "string" || typeof record.ttl !== "number") {
      reasons.add(`records[${index}]`, record, "must be a planned record with a name, type, ttl and values", "Pass the records of planMailConnectRecords(...).");
      return;
    }
    let rdata: string[];
    try {
      rdata = recordRdata(record);
    } catch (error) {
      // A value that is not what the plan makes (a hand-built plan) is reported, not thrown on.
      reasons.add(`records[${index}].values`, record.name, error instanceof Error ? error.message : String(error), "Split TXT text with splitCharacterStrings.");
      return;
    }
    const key = `${record.name} ${record.type}`;
    const existing = sets.get(key);
    if (existing === undefined) {
      sets.set(key, { name: record.name, type: record.type, ttl: record.ttl, rdata });
      return;
    }
    if (existing.ttl !== record.ttl) {
      reasons.add(
        `records[${index}].ttl`,
        record.ttl,
        `must equal the TTL of the other ${record.type} records at "${record.name}" (${existing.ttl}); one RRset has one TTL (RFC 2181 §5.2)`,
        "Give every record at one name and type the same TTL.",
      );
      return;
    }
    existing.rdata.push(...rdata);
  });
  reasons.throwIfAny(`the zone records of ${quoteValue(plan.domain)}`);
  return [...sets.values()];
}
