/**
 * The provider round-trip through the adapters: synthesized Terraform JSON into the RRsets
 * each provider then serves, in the presentation form of `planToRrsets`, merged by provider,
 * zone, name and type. Each adapter reads its own resources (`readResource`); the collision
 * rules follow its `recordModel`. Throws `UnpublishableRecordError` listing every resource
 * that would publish something else than it says, be refused, drift, or collide.
 */
import { parseQuotedStrings } from "../published/character-strings";
import { PublishedRrsetOptions, TerraformJson } from "../published/published-rrsets";
import { UnpublishableRecordError } from "../published/unpublishable-error";
import { isSpfText } from "../plan/txt-strings";
import { DnsProviderAdapter, ProviderRrset } from "./dns-provider-adapter";

interface Draft {
  provider: string;
  recordModel: "rrset" | "record";
  zoneId: string;
  name: string;
  type: string;
  ttl: number;
  rdata: string[];
  sources: string[];
}

/** The RRsets the synthesized resources of `adapters` publish. */
export function providerRrsetsFromTerraform(json: TerraformJson, adapters: readonly DnsProviderAdapter<never, unknown>[], options: PublishedRrsetOptions = {}): ProviderRrset[] {
  const problems: string[] = [];
  const sets = new Map<string, Draft>();
  for (const adapter of adapters) {
    for (const resourceType of adapter.resourceTypes) {
      for (const [id, attributes] of Object.entries(json.resource?.[resourceType] ?? {})) {
        const address = `${resourceType}.${id}`;
        const result = adapter.readResource(resourceType, attributes, { skipUnknown: options.skipUnknown ?? false });
        if ("skipped" in result) continue;
        if ("problems" in result) {
          const own = result.problems.map((problem) => `${address}: ${problem}`);
          if (options.onUnreadable !== undefined) own.forEach(options.onUnreadable);
          else problems.push(...own);
          continue;
        }
        const { zone, name, type, ttl, rdata } = result.rrset;
        const key = JSON.stringify([adapter.kind, zone, name, type]);
        const existing = sets.get(key);
        if (existing === undefined) {
          sets.set(key, { provider: adapter.kind, recordModel: adapter.recordModel, zoneId: zone, name, type, ttl, rdata: [...rdata], sources: [address] });
        } else if (adapter.recordModel === "rrset") {
          // One resource is the whole set: a second one for the same name and type fails to
          // create, flips the set back and forth, or overwrites it (see each adapter).
          problems.push(`${address}: a second ${adapter.kind} resource for ${name} ${type} (also ${existing.sources.join(", ")}); one resource must hold the whole set`);
        } else if (rdata.some((value) => existing.rdata.includes(value))) {
          problems.push(`${address}: an identical ${type} record at ${name} already comes from ${existing.sources.join(", ")}`);
        } else if (existing.ttl !== ttl) {
          problems.push(`${address}: TTL ${ttl} differs from ${existing.ttl} of the other ${type} records at ${name}; one RRset has one TTL (RFC 2181 §5.2)`);
        } else {
          existing.rdata.push(...rdata);
          existing.sources.push(address);
        }
      }
    }
  }
  const result = [...sets.values()];
  for (const set of result) {
    if (set.type === "CNAME" && set.rdata.length > 1) problems.push(`${set.sources.join(", ")}: more than one CNAME at ${set.name}`);
    if (set.type !== "TXT") continue;
    const spf = set.rdata.filter((rdata) => {
      const parsed = parseQuotedStrings(rdata);
      return isSpfText("strings" in parsed ? parsed.strings.join("") : rdata);
    });
    if (spf.length > 1) problems.push(`${set.sources.join(", ")}: ${spf.length} SPF records at ${set.name}; SPF fails with permerror when there is more than one (RFC 7208 §3.2)`);
  }
  if (problems.length > 0) throw new UnpublishableRecordError(problems);
  return result.map(({ provider, zoneId, name, type, ttl, rdata, sources }) => ({ provider, zoneId, name, type, ttl, rdata, sources }));
}
