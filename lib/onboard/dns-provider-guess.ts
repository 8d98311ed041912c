/**
 * Which DNS provider a zone is at, guessed from the names of its name servers (its NS
 * records), for `onboard` without `--provider`. Each hosted provider names its servers in its
 * own way; a zone whose servers match none of them is taken to be on servers of its own
 * (BIND, Knot, PowerDNS, a registrar's), which the library reaches through RFC 2136 dynamic
 * updates. Pure: no I/O.
 */
import type { DnsProviderKind } from "../providers/dns-zone";
import { LiveMailZone } from "./onboarding-plan";

/** The guess and why. */
export interface DnsProviderGuess {
  readonly provider: DnsProviderKind;
  /** Whether the name servers were recognised (false: the fallback, `rfc2136`). */
  readonly recognised: boolean;
  /** One sentence for the report: which name servers gave it away, or why the fallback. */
  readonly reason: string;
}

/** How each hosted provider names its name servers. */
const NAME_SERVER_PATTERNS: readonly { readonly provider: DnsProviderKind; readonly name: string; readonly pattern: RegExp; readonly example: string }[] = [
  { provider: "cloudflare", name: "Cloudflare", pattern: /\.ns\.cloudflare\.com$/, example: "ada.ns.cloudflare.com" },
  { provider: "route53", name: "Route53", pattern: /(^|\.)awsdns-\d+\.[a-z.]+$/, example: "ns-1234.awsdns-12.org" },
  { provider: "azure-dns", name: "Azure DNS", pattern: /\.azure-dns\.[a-z.]+$/, example: "ns1-01.azure-dns.com" },
  { provider: "google-cloud-dns", name: "Google Cloud DNS", pattern: /\.googledomains\.com$/, example: "ns-cloud-a1.googledomains.com" },
];

/** The provider taken when no name server is recognised. */
export const FALLBACK_DNS_PROVIDER: DnsProviderKind = "rfc2136";

function listed(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
}

/**
 * Guesses the provider from name-server names (any case, a trailing dot allowed). The
 * provider most of them belong to wins; with none recognised, `rfc2136`.
 */
export function guessDnsProvider(nameServers: readonly string[]): DnsProviderGuess {
  const names = [...new Set(nameServers.map((n) => n.toLowerCase().replace(/\.$/, "")))].sort();
  if (names.length === 0) {
    return { provider: FALLBACK_DNS_PROVIDER, recognised: false, reason: "no NS records could be read, so the provider is not known; RFC 2136 (dynamic updates) is assumed. Give --provider for a zone at Cloudflare, Route53, Azure DNS or Google Cloud DNS." };
  }
  const matches = NAME_SERVER_PATTERNS.map((p) => ({ ...p, servers: names.filter((n) => p.pattern.test(n)) }))
    .filter((m) => m.servers.length > 0)
    .sort((a, b) => b.servers.length - a.servers.length);
  if (matches.length === 0) {
    return {
      provider: FALLBACK_DNS_PROVIDER,
      recognised: false,
      reason: `the name servers (${listed(names)}) are none of Cloudflare's, Route53's, Azure DNS's or Google Cloud DNS's, so the zone is taken to be on servers that accept RFC 2136 dynamic updates (BIND, Knot, PowerDNS). Give --provider if it is elsewhere.`,
    };
  }
  const best = matches[0];
  const others = names.filter((n) => !best.pattern.test(n));
  const all = others.length === 0 ? `the name servers (${listed(best.servers)}) are ${best.name}'s` : `${best.servers.length} of ${names.length} name servers (${listed(best.servers)}) are ${best.name}'s; ${listed(others)} ${others.length === 1 ? "is" : "are"} not (a move between providers?)`;
  return { provider: best.provider, recognised: true, reason: `${all}.` };
}

/** The names in the NS set of the zone that holds the domain (or of the domain itself when the zone is not known), as read. */
export function zoneNameServers(live: LiveMailZone): string[] {
  const owner = live.zone ?? live.domain;
  const ns = live.answers.find((a) => a.name === owner && a.type === "NS")?.result;
  return ns?.status === "found" ? ns.rdata.map((n) => n.toLowerCase().replace(/\.$/, "")) : [];
}
