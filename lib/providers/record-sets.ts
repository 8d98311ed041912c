/**
 * Record-set providers (one resource per name and type): the planned records grouped into
 * sets, and the purpose each set is named after. SPF and the extra TXT values at the domain
 * share one set, named `spf`.
 */
import { PlannedRecord, RecordPurpose } from "../plan/record-plan";

/** Which purpose names a shared set: the first one in this order that the set holds. */
const PURPOSE_ORDER: readonly RecordPurpose[] = ["mx", "spf", "dkim", "dmarc", "autoconfig", "autodiscover", "incoming", "outgoing", "text"];

/** One set of planned records with one name and type. */
export interface PlannedRecordSet {
  /** The purpose the set is named after (also its construct id). */
  readonly purpose: RecordPurpose;
  /** Owner name: FQDN, lowercase, no trailing dot. */
  readonly name: string;
  readonly type: PlannedRecord["type"];
  /** One TTL per set: the smallest of its records (the planner gives them all the same). */
  readonly ttl: number;
  readonly records: readonly PlannedRecord[];
}

/** The plan's records grouped by name and type, in the order of first appearance. */
export function plannedRecordSets(records: readonly PlannedRecord[]): PlannedRecordSet[] {
  const groups = new Map<string, PlannedRecord[]>();
  for (const record of records) {
    const key = `${record.name} ${record.type}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()].map((group) => ({
    purpose: PURPOSE_ORDER.find((p) => group.some((r) => r.purpose === p))!,
    name: group[0].name,
    type: group[0].type,
    ttl: Math.min(...group.map((record) => record.ttl)),
    records: group,
  }));
}

/** `name` relative to `zone` (both lowercase, no trailing dot): `""` for the apex. */
export function relativeName(name: string, zone: string): string {
  return name === zone ? "" : name.slice(0, -(zone.length + 1));
}
