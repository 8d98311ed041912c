/**
 * `verifyDomains`: checks live DNS against what mail-connect needs and what was deployed,
 * for many domains, and returns a report (see `VerifyReport`). Two roles of DNS server are
 * kept apart (see `DnsRoles`, `RoutedDns`): the record servers (`resolver`, or every name
 * server of the zone with `authoritative`) and the recursive resolver for every other name.
 */
import { DnsServer } from "./dns-query";
import { DnsRoles, DnsServerOptions, failingLookup } from "./dns-roles";
import { ExpectedMailDomain } from "./expected-domain";
import { DnsLookup } from "./live-dns";
import { policyRows } from "./policy-checks";
import { recordRows } from "./record-checks";
import { mergeServerRows } from "./server-agreement";
import { VerifyCheck, VerifyDomainReport, VerifyReport, domainStatus, summarize } from "./verify-report";

/** Options of {@link verifyDomains}: the servers to ask (see `DnsServerOptions`), how many domains at once, progress. */
export interface VerifyOptions extends DnsServerOptions {
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

/** What a run needs besides the expectations: the servers in their two roles. */
class VerifyRun {
  constructor(private readonly roles: DnsRoles) {}

  public async domain(expected: ExpectedMailDomain): Promise<VerifyDomainReport> {
    const base = { domain: expected.domain, ...(expected.source !== undefined ? { source: expected.source } : {}) };
    if (this.roles.records !== undefined) {
      const checks = await checksOf(this.roles.routed(expected.domain), expected);
      return { ...base, status: domainStatus(checks), checks };
    }
    const found = await this.roles.zoneServers(expected.domain);
    if (!found.ok) {
      const checks = await checksOf(failingLookup(found.problem), expected);
      return { ...base, status: domainStatus(checks), checks };
    }
    const perServer = await Promise.all(
      found.servers.map(async (server) => ({ server: server.label, checks: await checksOf(this.roles.serverRouted(found.zone, server), expected) })),
    );
    const checks = [nameServerRow(found.zone, found.servers, found.unreachable), ...mergeServerRows(perServer, await this.serials(found.zone, found.servers))];
    return { ...base, nameServers: { zone: found.zone, servers: found.servers.map((s) => s.label) }, status: domainStatus(checks), checks };
  }

  /** The zone's SOA serial on each server that answers for it (to name the stale one). */
  private async serials(zone: string, servers: readonly DnsServer[]): Promise<Map<string, number>> {
    const serials = new Map<string, number>();
    if (servers.length < 2) return serials;
    for (const server of servers) {
      const soa = await this.roles.server(server).lookup(zone, "SOA");
      const serial = soa.status === "found" ? Number(soa.rdata[0]?.split(" ")[1]) : NaN;
      if (Number.isInteger(serial)) serials.set(server.label, serial);
    }
    return serials;
  }
}

/**
 * Checks every domain's live records and returns the report; never throws for DNS failures
 * (they become rows with status `error` and exit code 2).
 * @throws VerifyInputError when a server address is malformed or its host name does not resolve
 */
export async function verifyDomains(expected: readonly ExpectedMailDomain[], options: VerifyOptions = {}): Promise<VerifyReport> {
  const roles = await DnsRoles.open(options);
  try {
    const run = new VerifyRun(roles);
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
    return { resolver: roles.recordsLabel ?? "the zones' name servers", recursiveResolver: roles.recursiveLabel, domains: reports, ...summarize(reports) };
  } finally {
    roles.close();
  }
}
