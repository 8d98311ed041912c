/**
 * The provider round-trip through the adapters: synthesized Terraform JSON into the RRsets
 * each provider then serves, in the presentation form of `planToRrsets`, merged by provider,
 * zone, name and type. Each adapter reads its own resources (`readResource`, written from the
 * provider's source independently of its renderer); the collision rules follow its
 * `recordModel`. Throws `UnpublishableRecordError` listing every resource that would publish
 * something else than it says, be refused, drift, or collide.
 */
import { DnsRrset } from "../plan/dns-rrset";
import { isSpfText } from "../plan/txt-strings";
import { parseQuotedStrings } from "./published/character-strings";
import { UnpublishableRecordError } from "./published/unpublishable-error";
import { DnsProviderAdapter, ProviderRrset } from "./dns-provider-adapter";
import { DNS_PROVIDER_ADAPTERS } from "./provider-registry";

/** One published RRset and the Terraform addresses of the resources behind it. */
export interface PublishedRrset extends DnsRrset {
  /** The adapter's `kind` (`cloudflare`, `route53`, `rfc2136`, `azure-dns`, `google-cloud-dns`). */
  readonly provider: string;
  /** The zone as the adapter identifies it: attributes as synthesized (a literal or `${data...}` reference). */
  readonly zoneId: string;
  /** Terraform addresses, e.g. `dns_txt_record_set.firma_spf_1A2B3C4D`. */
  readonly sources: readonly string[];
}

/** The parts of synthesized Terraform JSON read here. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>> | undefined>;
}

/** Options of {@link publishedRrsetsFromTerraform}. */
export interface PublishedRrsetOptions {
  /**
   * Skip record types other than MX, CNAME, SRV and TXT (and alias records) instead of
   * failing on them. Set it when reading a whole user stack with unrelated records.
   * @default false
   */
  readonly skipUnknown?: boolean;
  /**
   * Called with the problems of each resource that cannot be read on its own (a value that
   * is a token, a drifting form, ...); the resource is then left out instead of failing the
   * whole call. Problems between readable resources (two SPF records, clashing sets) still throw.
   * @default - such problems throw `UnpublishableRecordError` with all others
   */
  readonly onUnreadable?: (problem: string) => void;
}

interface Draft {
  provider: string;
  zoneId: string;
  qualifier: string;
  name: string;
  type: string;
  ttl: number;
  rdata: string[];
  sources: string[];
}

/** A value for a message (`JSON.stringify` gives undefined for some values). */
function shown(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The text of one TXT rdata in presentation form (character-strings joined). */
function textOf(rdata: string): string {
  const parsed = parseQuotedStrings(rdata);
  return "strings" in parsed ? parsed.strings.join("") : rdata;
}

/** The RRsets the synthesized resources of `adapters` publish. */
export function providerRrsetsFromTerraform(json: TerraformJson, adapters: readonly DnsProviderAdapter<never, unknown>[], options: PublishedRrsetOptions = {}): ProviderRrset[] {
  const onUnreadable = options !== null && typeof options === "object" && typeof options.onUnreadable === "function" ? options.onUnreadable : undefined;
  const skipUnknown = options !== null && typeof options === "object" && options.skipUnknown === true;
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new UnpublishableRecordError([`the document is ${shown(json)}, not a synthesized Terraform JSON object`]);
  }
  const resources = json.resource;
  if (resources !== undefined && (resources === null || typeof resources !== "object")) {
    throw new UnpublishableRecordError([`the document's "resource" is ${shown(resources)}, not an object of resource types`]);
  }
  const problems: string[] = [];
  const unreadable = (own: readonly string[]) => (onUnreadable !== undefined ? own.forEach(onUnreadable) : problems.push(...own));
  const sets = new Map<string, Draft>();
  for (const adapter of adapters) {
    for (const resourceType of adapter.resourceTypes) {
      const ofType = Object.hasOwn(resources ?? {}, resourceType) ? resources![resourceType] : undefined;
      if (ofType !== undefined && (ofType === null || typeof ofType !== "object")) {
        problems.push(`resource.${resourceType} is ${shown(ofType)}, not an object of resources`);
        continue;
      }
      for (const [id, attributes] of Object.entries(ofType ?? {})) {
        const address = `${resourceType}.${id}`;
        if (attributes === null || typeof attributes !== "object" || Array.isArray(attributes)) {
          unreadable([`${address}: is ${shown(attributes)}, not a resource object`]);
          continue;
        }
        const result = adapter.readResource(resourceType, attributes, { skipUnknown });
        if ("skipped" in result) continue;
        if ("problems" in result) {
          unreadable(result.problems.map((problem) => `${address}: ${problem}`));
          continue;
        }
        const { zone, name, type, ttl, rdata } = result.rrset;
        const qualifier = result.rrset.qualifier ?? "";
        const key = JSON.stringify([adapter.kind, zone, qualifier, name, type]);
        const existing = sets.get(key);
        if (existing === undefined) {
          sets.set(key, { provider: adapter.kind, zoneId: zone, qualifier, name, type, ttl, rdata: [...rdata], sources: [address] });
        } else if (adapter.recordModel === "rrset") {
          // One resource is the whole set: a second one for the same name and type fails to
          // create, flips the set back and forth, or overwrites it (see each adapter).
          problems.push(`${address}: a second ${adapter.title} resource for ${name} ${type} (also ${existing.sources.join(", ")}); one resource must hold the whole set`);
        } else if (rdata.some((value) => existing.rdata.includes(value))) {
          problems.push(`${address}: an identical ${type} record at ${name} already comes from ${existing.sources.join(", ")} (a ${adapter.title} API error)`);
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
  for (const cname of result.filter((set) => set.type === "CNAME")) {
    const beside = result.filter((set) => set !== cname && set.provider === cname.provider && set.name === cname.name && set.zoneId === cname.zoneId);
    if (beside.length > 0) problems.push(`${cname.sources[0]}: a CNAME at ${cname.name} beside ${beside.map((set) => set.type).join(", ")} records (RFC 1034 §3.6.2 forbids it)`);
    if (cname.rdata.length > 1) problems.push(`${cname.sources.join(", ")}: more than one CNAME at ${cname.name}`);
  }
  for (const set of result.filter((candidate) => candidate.type === "TXT")) {
    const spf = set.rdata.filter((rdata) => isSpfText(textOf(rdata)));
    if (spf.length > 1) problems.push(`${set.sources.join(", ")}: ${spf.length} SPF records at ${set.name}; SPF fails with permerror when there is more than one (RFC 7208 §3.2)`);
  }
  if (problems.length > 0) throw new UnpublishableRecordError(problems);
  return result.map(({ provider, zoneId, name, type, ttl, rdata, sources }) => ({ provider, zoneId, name, type, ttl, rdata, sources }));
}

/**
 * The RRsets the synthesized records of every supported provider publish, merged by
 * provider, zone, name and type (`providerRrsetsFromTerraform` over all adapters).
 */
export function publishedRrsetsFromTerraform(json: TerraformJson, options: PublishedRrsetOptions = {}): PublishedRrset[] {
  return providerRrsetsFromTerraform(json, DNS_PROVIDER_ADAPTERS, options);
}
