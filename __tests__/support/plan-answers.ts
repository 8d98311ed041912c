/**
 * What the DNS must answer for a plan, and what it did answer, in one structured form
 * (the plan's own field names), so a test compares values, not presentation strings.
 */
import { promises as dns } from "dns";
import { MailConnectRecordPlan, PlannedRecordType } from "../../lib/plan/record-plan";

/** One RRset the plan publishes: its values in the plan's structured form. */
export interface ExpectedRrset {
  readonly name: string;
  readonly type: PlannedRecordType;
  readonly ttl: number;
  /** Sorted; TXT values are their character-strings (`string[]`). */
  readonly values: readonly unknown[];
}

function sorted(values: readonly unknown[]): unknown[] {
  return [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The plan's records grouped by name and type (the SPF and other TXT values at the domain share one RRset). */
export function expectedRrsets(plan: MailConnectRecordPlan): ExpectedRrset[] {
  const sets = new Map<string, { name: string; type: PlannedRecordType; ttl: number; values: unknown[] }>();
  for (const record of plan.records) {
    const key = `${record.name} ${record.type}`;
    const set = sets.get(key) ?? { name: record.name, type: record.type, ttl: record.ttl, values: [] };
    sets.set(key, set);
    for (const value of record.values) set.values.push("strings" in value ? [...value.strings] : { ...value });
  }
  return [...sets.values()].map((s) => ({ ...s, values: sorted(s.values) }));
}

/** Asks `resolver` for `name`/`type` and returns the answer in the plan's structured form, sorted. */
export async function answeredValues(resolver: dns.Resolver, name: string, type: PlannedRecordType): Promise<unknown[]> {
  switch (type) {
    case "MX":
      return sorted((await resolver.resolveMx(name)).map((mx) => ({ preference: mx.priority, exchange: mx.exchange })));
    case "CNAME":
      return sorted((await resolver.resolveCname(name)).map((target) => ({ target })));
    case "SRV":
      return sorted((await resolver.resolveSrv(name)).map((srv) => ({ priority: srv.priority, weight: srv.weight, port: srv.port, target: srv.name })));
    case "TXT":
      return sorted(await resolver.resolveTxt(name));
  }
}
