/**
 * How each DNS provider names its name servers, so that a zone's provider can be guessed from
 * its NS records (`onboard` without `--provider`), and the provider a zone on servers of its
 * own is written through. Plain data: nothing of the adapters or their bindings is loaded, so
 * the command line can import it.
 */
import type { DnsProviderKind } from "./dns-zone";

/** One provider's name servers. */
export interface ProviderNameServers {
  /** The adapter's `kind` (what `--provider` takes). */
  readonly kind: DnsProviderKind;
  /** The adapter's `title`, for messages. */
  readonly title: string;
  /**
   * Matches the host names of the provider's name servers (lower case, no trailing dot).
   * @default - none: the zone is on servers of the customer's own
   */
  readonly pattern?: RegExp;
  /** One of its name servers' names, for help texts. */
  readonly example: string;
}

/** Every provider, in the registry's order. */
export const PROVIDER_NAME_SERVERS: readonly ProviderNameServers[] = [
  // developers.cloudflare.com/dns/nameservers/: <name>.ns.cloudflare.com
  { kind: "cloudflare", title: "Cloudflare", pattern: /\.ns\.cloudflare\.com$/, example: "ada.ns.cloudflare.com" },
  // docs.aws.amazon.com/Route53/latest/DeveloperGuide/SOA-NSrecords.html: ns-<n>.awsdns-<nn>.com/.net/.org/.co.uk
  { kind: "route53", title: "Route53", pattern: /(^|\.)awsdns-\d+\.[a-z.]+$/, example: "ns-1234.awsdns-12.org" },
  { kind: "rfc2136", title: "RFC 2136", example: "ns1.firma.de" },
  // learn.microsoft.com/azure/dns/dns-delegate-domain-azure-dns: ns1-<nn>.azure-dns.com/.net/.org/.info
  { kind: "azure-dns", title: "Azure DNS", pattern: /\.azure-dns\.[a-z.]+$/, example: "ns1-01.azure-dns.com" },
  // cloud.google.com/dns/docs/update-name-servers: ns-cloud-<x><n>.googledomains.com
  { kind: "google-cloud-dns", title: "Google Cloud DNS", pattern: /\.googledomains\.com$/, example: "ns-cloud-a1.googledomains.com" },
];

/** The provider of a zone on servers of its own (BIND, Knot, PowerDNS), written through dynamic updates. */
export const SELF_HOSTED_DNS_PROVIDER: ProviderNameServers = PROVIDER_NAME_SERVERS.find((p) => p.pattern === undefined)!;
