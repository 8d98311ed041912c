/**
 * Groups the RRsets of a synthesized stack into mail domains: every MX owner is a domain
 * (mail-connect needs an MX even for a sending-only domain), and every other RRset belongs
 * to the longest domain it lies in. RRsets outside every domain are not mail records.
 */
import { DnsRrset } from "../dns-rrset";

/** One domain and its RRsets, in input order. */
export interface GroupedDomain {
  readonly domain: string;
  readonly rrsets: readonly DnsRrset[];
}

function liesIn(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/** Groups `rrsets` by the domain they belong to; domains in order of their MX RRsets. */
export function groupRrsetsByDomain(rrsets: readonly DnsRrset[]): GroupedDomain[] {
  const domains = [...new Set(rrsets.filter((s) => s.type === "MX").map((s) => s.name))];
  const groups = new Map<string, DnsRrset[]>(domains.map((d) => [d, []]));
  for (const set of rrsets) {
    const owner = domains.filter((d) => liesIn(set.name, d)).sort((a, b) => b.length - a.length)[0];
    if (owner !== undefined) groups.get(owner)!.push(set);
  }
  return domains.map((domain) => ({ domain, rrsets: groups.get(domain)! }));
}
