/**
 * Which DNS provider a zone is at, guessed from the names of its name servers (its NS
 * records), for `onboard` without `--provider`. Each hosted provider names its servers in its
 * own way (`PROVIDER_NAME_SERVERS`); a zone whose servers match none of them is taken to be on
 * servers of its own (BIND, Knot, PowerDNS), written through dynamic updates. Pure: no I/O.
 */
import type { DnsProviderKind } from "../providers/dns-zone";
import { PROVIDER_NAME_SERVERS, SELF_HOSTED_DNS_PROVIDER } from "../providers/provider-name-servers";
import { LiveMailZone } from "./onboarding-plan";

/** The guess and why. */
export interface DnsProviderGuess {
  readonly provider: DnsProviderKind;
  /** Whether the name servers were recognised (false: the provider of zones on servers of their own). */
  readonly recognised: boolean;
  /** One sentence for the report: which name servers gave it away, or why the fallback. */
  readonly reason: string;
}

const HOSTED = PROVIDER_NAME_SERVERS.filter((p) => p.pattern !== undefined);

function listed(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
}

function either(titles: readonly string[], possessive = ""): string {
  return `${titles.slice(0, -1).map((t) => `${t}${possessive}`).join(", ")} or ${titles[titles.length - 1]}${possessive}`;
}

/**
 * Guesses the provider from name-server names (any case, a trailing dot allowed). The
 * provider most of them belong to wins; with none recognised, the self-hosted one.
 */
export function guessDnsProvider(nameServers: readonly string[]): DnsProviderGuess {
  const names = [...new Set(nameServers.map((n) => n.toLowerCase().replace(/\.$/, "")))].sort();
  const fallback = `${SELF_HOSTED_DNS_PROVIDER.title} dynamic updates (BIND, Knot, PowerDNS)`;
  if (names.length === 0) {
    return {
      provider: SELF_HOSTED_DNS_PROVIDER.kind,
      recognised: false,
      reason: `no NS records could be read, so the provider is not known; ${fallback} are assumed. Give --provider for a zone at ${either(HOSTED.map((p) => p.title))}.`,
    };
  }
  const matches = HOSTED.map((p) => ({ ...p, servers: names.filter((n) => p.pattern!.test(n)) }))
    .filter((m) => m.servers.length > 0)
    .sort((a, b) => b.servers.length - a.servers.length);
  if (matches.length === 0) {
    return {
      provider: SELF_HOSTED_DNS_PROVIDER.kind,
      recognised: false,
      reason: `the name servers (${listed(names)}) are none of ${either(HOSTED.map((p) => p.title), "'s")}, so the zone is taken to be on servers that accept ${fallback}. Give --provider if it is elsewhere.`,
    };
  }
  const best = matches[0];
  const others = names.filter((n) => !best.servers.includes(n));
  const whose =
    others.length === 0
      ? `the name servers (${listed(best.servers)}) are ${best.title}'s`
      : `${best.servers.length} of ${names.length} name servers (${listed(best.servers)}) are ${best.title}'s; ${listed(others)} ${others.length === 1 ? "is" : "are"} not (a move between providers?)`;
  return { provider: best.kind, recognised: true, reason: `${whose}.` };
}

/** The names in the NS set of the zone that holds the domain (or of the domain itself when the zone is not known), as read. */
export function zoneNameServers(live: LiveMailZone): string[] {
  const owner = live.zone ?? live.domain;
  const ns = live.answers.find((a) => a.name === owner && a.type === "NS")?.result;
  return ns?.status === "found" ? ns.rdata.map((n) => n.toLowerCase().replace(/\.$/, "")) : [];
}
