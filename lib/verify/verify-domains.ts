/**
 * `verifyDomains`: checks live DNS against what mail-connect needs and what was deployed,
 * for many domains, and returns a report (see `VerifyReport`). Two roles of DNS server are
 * kept apart (see `RoutedDns`): the record servers (`resolver`, or every name server of the
 * zone with `authoritative`) and the recursive resolver for every other name.
 */
import { DnsQueryClient, DnsServer } from "./dns-query";
import { ExpectedMailDomain } from "./expected-domain";
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, DnsLookup, LiveDns, LookupResult } from "./live-dns";
import { policyRows } from "./policy-checks";
import { recordRows } from "./record-checks";
import { parseResolverSpec, resolverServer, systemServers } from "./resolver-address";
import { RoutedDns } from "./routed-dns";
import { mergeServerRows } from "./server-agreement";
import { VerifyInputError } from "./verify-input-error";
import { VerifyCheck, VerifyDomainReport, VerifyReport, domainStatus, summarize } from "./verify-report";
import { findZoneServers } from "./zone-servers";

/** Options of {@link verifyDomains}. */
export interface VerifyOptions {
  /**
   * The DNS server to read the domains' records from: `HOST[:PORT]` (`192.0.2.53`,
   * `127.0.0.1:5353`, `[::1]:53`, a host name). An authoritative server that does not recurse
   * is fine: names outside the domain are asked through `recursiveResolver`.
   * @default - the system resolver
   */
  readonly resolver?: string;
  /**
   * The resolver for names outside the checked domains (SPF includes, `_spf.mail-connect.net`,
   * CNAME targets) and, with `authoritative`, for finding the zone's name servers.
   * @default - the system resolver
   */
  readonly recursiveResolver?: string;
  /**
   * Ask each name server of the zone directly (no recursion), require authoritative answers
   * and report servers that disagree. Cannot be combined with `resolver`.
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
  /**
   * Domains checked at the same time (queries in flight are capped at 16 per server role as well).
   * @default 8
   */
  readonly concurrency?: number;
  /**
   * Called after each domain is checked (for a progress indicator).
   * @default - nothing is called
   */
  readonly onProgress?: (done: number, total: number, domain: string) => void;
}

async function checksOf(dns: DnsLookup, expected: ExpectedMailDomain): Promise<VerifyCheck[]> {
  const [records, policies] = await Promise.all([recordRows(dns, expected), policyRows(dns, expected)]);
  return [...records, ...policies];
}

/** A lookup that answers every question with the same failure (the zone's servers could not be found). */
function failingLookup(message: string): DnsLookup {
  const result: LookupResult = { status: "error", code: "ENOZONE", message };
  return { lookup: () => Promise.resolve(result) };
}

function system(servers: readonly DnsServer[]): string {
  return `system (${servers.map((s) => s.label).join(", ") || "no servers configured"})`;
}

/** The row of the zone's name servers: each must have an address to be asked at. */
function nameServerRow(zone: string, servers: readonly DnsServer[], unreachable: readonly string[]): VerifyCheck {
  const asked = servers.map((s) => s.label);
  const base = { check: "name-servers", label: `NS ${zone}`, name: zone, type: "NS", expected: ["every name server has an address"], found: asked } as const;
  if (unreachable.length === 0) return { ...base, status: "ok" };
  return {
    ...base,
    status: "mismatch",
    found: [...asked, ...unreachable.map((n) => `${n} (no address)`)],
    hint: `${unreachable.join(", ")} ${unreachable.length === 1 ? "has" : "have"} no A or AAAA record: resolvers that pick ${unreachable.length === 1 ? "it" : "them"} fail and retry elsewhere. Fix the NS records of ${zone} or the name server's address.`,
  };
}

/** What a run needs besides the expectations: the two roles' servers and the shared client. */
class VerifyRun {
  private readonly serverDns = new Map<string, LiveDns>();

  constructor(
    private readonly client: DnsQueryClient,
    private readonly recursive: LiveDns,
    private readonly records: LiveDns | undefined,
    private readonly overrides: ReadonlyMap<string, { host: string; port: number }>,
  ) {}

  public async domain(expected: ExpectedMailDomain): Promise<VerifyDomainReport> {
    const base = { domain: expected.domain, ...(expected.source !== undefined ? { source: expected.source } : {}) };
    if (this.records !== undefined) {
      const checks = await checksOf(new RoutedDns({ records: this.records, recursive: this.recursive, zone: expected.domain }), expected);
      return { ...base, status: domainStatus(checks), checks };
    }
    const found = await findZoneServers(this.recursive, expected.domain, this.overrides);
    if (!found.ok) {
      const checks = await checksOf(failingLookup(found.problem), expected);
      return { ...base, status: domainStatus(checks), checks };
    }
    const perServer = await Promise.all(
      found.servers.map(async (server) => {
        const dns = new RoutedDns({ records: this.dnsOf(server), recursive: this.recursive, zone: found.zone, requireAuthoritative: true });
        return { server: server.label, checks: await checksOf(dns, expected) };
      }),
    );
    const checks = [nameServerRow(found.zone, found.servers, found.unreachable), ...mergeServerRows(perServer, await this.serials(found.zone, found.servers))];
    return { ...base, nameServers: { zone: found.zone, servers: found.servers.map((s) => s.label) }, status: domainStatus(checks), checks };
  }

  /** The zone's SOA serial on each server that answers for it (to name the stale one). */
  private async serials(zone: string, servers: readonly DnsServer[]): Promise<Map<string, number>> {
    const serials = new Map<string, number>();
    if (servers.length < 2) return serials;
    for (const server of servers) {
      const soa = await this.dnsOf(server).lookup(zone, "SOA");
      const serial = soa.status === "found" ? Number(soa.rdata[0]?.split(" ")[1]) : NaN;
      if (Number.isInteger(serial)) serials.set(server.label, serial);
    }
    return serials;
  }

  private dnsOf(server: DnsServer): LiveDns {
    const key = `${server.label}`;
    let dns = this.serverDns.get(key);
    if (dns === undefined) {
      dns = new LiveDns({ servers: [server], client: this.client, recursionDesired: false });
      this.serverDns.set(key, dns);
    }
    return dns;
  }
}

function nameServerOverrides(given: Readonly<Record<string, string>> | undefined): Map<string, { host: string; port: number }> {
  const overrides = new Map<string, { host: string; port: number }>();
  for (const [name, spec] of Object.entries(given ?? {})) overrides.set(name.toLowerCase().replace(/\.$/, ""), parseResolverSpec(spec, `--nameserver ${name}`));
  return overrides;
}

/**
 * Checks every domain's live records and returns the report; never throws for DNS failures
 * (they become rows with status `error` and exit code 2).
 * @throws VerifyInputError when a server address is malformed or its host name does not resolve
 */
export async function verifyDomains(expected: readonly ExpectedMailDomain[], options: VerifyOptions = {}): Promise<VerifyReport> {
  if (options.authoritative && options.resolver !== undefined) {
    throw new VerifyInputError(["--authoritative and --resolver cannot be combined: --authoritative asks the zone's own name servers; give one of them."]);
  }
  const overrides = nameServerOverrides(options.nameServers);
  const recursiveServers = options.recursiveResolver !== undefined ? [await resolverServer(options.recursiveResolver, "--recursive-resolver")] : systemServers();
  const recordServers = options.resolver !== undefined ? [await resolverServer(options.resolver)] : undefined;
  const client = new DnsQueryClient({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retries: options.retries ?? DEFAULT_RETRIES });
  try {
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
    const run = new VerifyRun(client, recursive, records, overrides);
    const reports: VerifyDomainReport[] = new Array(expected.length);
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < expected.length) {
        const index = next++;
        reports[index] = await run.domain(expected[index]);
        options.onProgress?.(++done, expected.length, expected[index].domain);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, expected.length)) }, worker));
    const recursiveLabel = options.recursiveResolver !== undefined || fallback ? recursive.label : system(recursiveServers);
    const resolver = options.authoritative ? "the zones' name servers" : recordServers !== undefined ? recordServers.map((s) => s.label).join(", ") : system(recursiveServers);
    return { resolver, recursiveResolver: recursiveLabel, domains: reports, ...summarize(reports) };
  } finally {
    client.close();
  }
}
