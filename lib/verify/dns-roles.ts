/**
 * The DNS servers of a run, as the command-line flags `verify` and `onboard` share set them
 * up (`--resolver`, `--recursive-resolver`, `--authoritative`, `--nameserver`, `--timeout`,
 * `--retries`): one query client, the recursive resolver for names outside the domain, and
 * the record servers for the domain's own names (the `--resolver`, the system resolver, or
 * with `--authoritative` each of the zone's name servers, found through the recursive
 * resolver). `RoutedDns` keeps the two roles apart per domain.
 */
import { DnsQueryClient, DnsServer } from "./dns-query";
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, DnsLookup, LiveDns, LookupResult } from "./live-dns";
import { parseResolverSpec, resolverServer, systemServers } from "./resolver-address";
import { RoutedDns } from "./routed-dns";
import { VerifyInputError } from "./verify-input-error";
import { ZoneServers, findZoneServers } from "./zone-servers";

/** Which DNS servers a run asks (the flags `verify` and `onboard` share). */
export interface DnsServerOptions {
  /**
   * The DNS server to read the domains' records from: `HOST[:PORT]` (`192.0.2.53`,
   * `127.0.0.1:5353`, `[::1]:53`, a host name). An authoritative server that does not recurse
   * is fine: names outside the domain are asked through `recursiveResolver`.
   * @default - the system resolver
   */
  readonly resolver?: string;
  /**
   * The resolver for names outside the domains (SPF includes, `_spf.mail-connect.net`,
   * CNAME targets) and, with `authoritative`, for finding the zone's name servers.
   * @default - the system resolver
   */
  readonly recursiveResolver?: string;
  /**
   * Ask each name server of the zone directly (no recursion) and require authoritative
   * answers. Cannot be combined with `resolver`.
   * @default false
   */
  readonly authoritative?: boolean;
  /**
   * With `authoritative`: addresses of name servers by name (`ns1.firma.de` → `192.0.2.1:5353`)
   * instead of looking them up.
   * @default - looked up through the recursive resolver
   */
  readonly nameServers?: Readonly<Record<string, string>>;
  /**
   * Milliseconds to wait for each try of a query.
   * @default 5000
   */
  readonly timeoutMs?: number;
  /**
   * Retries of a query after the first try.
   * @default 2
   */
  readonly retries?: number;
}

/** A lookup that answers every question with the same failure (the zone's servers could not be found). */
export function failingLookup(message: string): DnsLookup {
  const result: LookupResult = { status: "error", code: "ENOZONE", message };
  return { lookup: () => Promise.resolve(result) };
}

function system(servers: readonly DnsServer[]): string {
  return `system (${servers.map((s) => s.label).join(", ") || "no servers configured"})`;
}

function nameServerOverrides(given: Readonly<Record<string, string>> | undefined): Map<string, { host: string; port: number }> {
  const overrides = new Map<string, { host: string; port: number }>();
  for (const [name, spec] of Object.entries(given ?? {})) overrides.set(name.toLowerCase().replace(/\.$/, ""), parseResolverSpec(spec, `--nameserver ${name}`));
  return overrides;
}

/** The servers of one run in their two roles, with one query client; `close()` when done. */
export class DnsRoles {
  /**
   * Reads the options, resolves server host names and opens the query client.
   * @throws VerifyInputError when the options contradict each other, a server address is malformed or its host name does not resolve
   */
  public static async open(options: DnsServerOptions = {}): Promise<DnsRoles> {
    if (options.authoritative && options.resolver !== undefined) {
      throw new VerifyInputError(["--authoritative and --resolver cannot be combined: --authoritative asks the zone's own name servers; give one of them."]);
    }
    const overrides = nameServerOverrides(options.nameServers);
    const recursiveServers = options.recursiveResolver !== undefined ? [await resolverServer(options.recursiveResolver, "--recursive-resolver")] : systemServers();
    const recordServers = options.resolver !== undefined ? [await resolverServer(options.resolver)] : undefined;
    const client = new DnsQueryClient({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retries: options.retries ?? DEFAULT_RETRIES });
    // Without --recursive-resolver, other names go to the --resolver first when one is given:
    // a resolver answers them, an authoritative server that serves them too (a test set-up, a
    // provider that hosts both) does, and one that declines passes them on to the system resolver.
    const fallback = options.recursiveResolver === undefined && recordServers !== undefined;
    const recursive = new LiveDns({
      servers: fallback ? [...recordServers, ...recursiveServers] : recursiveServers,
      client,
      recursionDesired: true,
      passOnDeclined: fallback,
      ...(fallback ? { label: `${recordServers.map((s) => s.label).join(", ")} where it answers, else ${system(recursiveServers)}` } : {}),
    });
    const records = options.authoritative ? undefined : recordServers !== undefined ? new LiveDns({ servers: recordServers, client, recursionDesired: true }) : recursive;
    const recursiveLabel = options.recursiveResolver !== undefined || fallback ? recursive.label : system(recursiveServers);
    const recordsLabel = options.authoritative ? undefined : recordServers !== undefined ? recordServers.map((s) => s.label).join(", ") : system(recursiveServers);
    return new DnsRoles(client, recursive, records, overrides, recursiveLabel, recordsLabel);
  }

  private readonly serverDns = new Map<string, LiveDns>();

  private constructor(
    /** The client every question of the run goes through. */
    public readonly client: DnsQueryClient,
    /** The recursive role: names outside the domain, and the zone's NS set with `authoritative`. */
    public readonly recursive: LiveDns,
    /** The record servers, or undefined with `authoritative` (then the zone's name servers are asked). */
    public readonly records: LiveDns | undefined,
    private readonly overrides: ReadonlyMap<string, { host: string; port: number }>,
    /** Where other names are asked, for reports: `127.0.0.1:5353`, `system (192.0.2.53)`. */
    public readonly recursiveLabel: string,
    /** Where the domains' records are read, for reports; undefined with `authoritative`. */
    public readonly recordsLabel: string | undefined,
  ) {}

  /** The lookup for a domain's names read from the record servers (not with `authoritative`). */
  public routed(zone: string): RoutedDns {
    if (this.records === undefined) throw new Error("DnsRoles.routed: with authoritative, ask the zone's servers (serverRouted)");
    return new RoutedDns({ records: this.records, recursive: this.recursive, zone });
  }

  /** With `authoritative`: the zone that holds `domain` and its name servers, found through the recursive resolver (`--nameserver` addresses first). */
  public zoneServers(domain: string): Promise<ZoneServers> {
    return findZoneServers(this.recursive, domain, this.overrides);
  }

  /** One name server, asked without recursion (one `LiveDns` per server and run, so its answers are cached). */
  public server(server: DnsServer): LiveDns {
    let dns = this.serverDns.get(server.label);
    if (dns === undefined) {
      dns = new LiveDns({ servers: [server], client: this.client, recursionDesired: false });
      this.serverDns.set(server.label, dns);
    }
    return dns;
  }

  /** The lookup for a zone's names read from one of its name servers: answers must carry the AA flag. */
  public serverRouted(zone: string, server: DnsServer): RoutedDns {
    return new RoutedDns({ records: this.server(server), recursive: this.recursive, zone, requireAuthoritative: true });
  }

  /**
   * The lookup for a zone's names read from its name servers, the first that answers (a
   * server that gives no answer passes the question on): answers must carry the AA flag.
   */
  public serversRouted(zone: string, servers: readonly DnsServer[]): RoutedDns {
    const records = servers.length === 1 ? this.server(servers[0]) : new LiveDns({ servers, client: this.client, recursionDesired: false });
    return new RoutedDns({ records, recursive: this.recursive, zone, requireAuthoritative: true });
  }

  /** Closes the query client. */
  public close(): void {
    this.client.close();
  }
}
