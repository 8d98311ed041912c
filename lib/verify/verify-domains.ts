/**
 * `verifyDomains`: checks live DNS against what mail-connect needs and what was deployed,
 * for many domains, through one resolver, and returns a report (see `VerifyReport`).
 */
import { ExpectedMailDomain } from "./expected-domain";
import { LiveDns } from "./live-dns";
import { policyRows } from "./policy-checks";
import { recordRows } from "./record-checks";
import { resolverServer } from "./resolver-address";
import { VerifyDomainReport, VerifyReport, domainStatus, summarize } from "./verify-report";

/** Options of {@link verifyDomains}. */
export interface VerifyOptions {
  /**
   * The DNS server to ask: `HOST[:PORT]` (`192.0.2.53`, `127.0.0.1:5353`, `[::1]:53`, a host name).
   * @default - the system resolver
   */
  readonly resolver?: string;
  /**
   * Milliseconds to wait for the first try of each query (c-ares doubles it on each retry).
   * @default 5000
   */
  readonly timeoutMs?: number;
  /**
   * Retries of a query after the first try.
   * @default 2
   */
  readonly retries?: number;
  /**
   * Domains checked at the same time (queries in flight are capped at 16 as well).
   * @default 8
   */
  readonly concurrency?: number;
  /**
   * Called after each domain is checked (for a progress indicator).
   * @default - nothing is called
   */
  readonly onProgress?: (done: number, total: number, domain: string) => void;
}

async function verifyOne(dns: LiveDns, expected: ExpectedMailDomain): Promise<VerifyDomainReport> {
  const [records, policies] = await Promise.all([recordRows(dns, expected), policyRows(dns, expected)]);
  const checks = [...records, ...policies];
  return { domain: expected.domain, ...(expected.source !== undefined ? { source: expected.source } : {}), status: domainStatus(checks), checks };
}

/**
 * Checks every domain's live records and returns the report; never throws for DNS failures
 * (they become rows with status `error` and exit code 2).
 * @throws VerifyInputError when `resolver` is malformed or its host name does not resolve
 */
export async function verifyDomains(expected: readonly ExpectedMailDomain[], options: VerifyOptions = {}): Promise<VerifyReport> {
  const servers = options.resolver !== undefined ? [await resolverServer(options.resolver)] : undefined;
  const dns = new LiveDns({ servers, timeoutMs: options.timeoutMs, retries: options.retries });
  const reports: VerifyDomainReport[] = new Array(expected.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < expected.length) {
      const index = next++;
      reports[index] = await verifyOne(dns, expected[index]);
      options.onProgress?.(++done, expected.length, expected[index].domain);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, expected.length)) }, worker));
  return { resolver: dns.label, domains: reports, ...summarize(reports) };
}
