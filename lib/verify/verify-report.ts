/**
 * What `verifyDomains` returns: one row per check, grouped per domain, and the exit code the
 * command line gives for it. The shape is public (the `--json` output is built from it).
 */

/**
 * The outcome of one check:
 * - `ok`: live DNS is as expected;
 * - `mismatch`: live DNS differs (a missing, wrong or forbidden record, a broken policy);
 * - `error`: the check could not be made (timeout, SERVFAIL, resolver unreachable);
 * - `skipped`: nothing to check (e.g. no single SPF record to count lookups in; its own row reports why).
 */
export type VerifyStatus = "ok" | "mismatch" | "error" | "skipped";

/** What a row checks. Stable codes for pipelines. */
export type VerifyCheckKind =
  /** The MX RRset at the domain. */
  | "mx"
  /** The SPF record among the TXT records at the domain (exactly one, with the expected text). */
  | "spf"
  /** Other expected TXT values at the domain (site verifications); each must be present. */
  | "txt"
  /** The DKIM key record at `<selector>._domainkey.<domain>`. */
  | "dkim"
  /** The DMARC record at `_dmarc.<domain>`. */
  | "dmarc"
  /** The auto-setup CNAME `autoconfig.<domain>` (expected, or must not exist). */
  | "autoconfig"
  /** The auto-setup SRV `_autodiscover._tcp.<domain>` (expected, or must not exist). */
  | "autodiscover"
  /** A mail client server name: a CNAME to mail-connect's server names. */
  | "server-name"
  /** Any other expected RRset (read from a synthesized stack). */
  | "record"
  /** The SPF record's DNS-lookup count, resolved through its includes (RFC 7208 §4.6.4). */
  | "spf-lookups"
  /** The DKIM record's public key decodes and is strong enough. */
  | "dkim-key"
  /** The DMARC record parses (v=DMARC1 first, a valid p=). */
  | "dmarc-record"
  /** With `--authoritative`: every name server of the zone has an address to ask (since JSON schema 2). */
  | "name-servers";

/** One row of the report. */
export interface VerifyCheck {
  readonly check: VerifyCheckKind;
  /** What the row is about, for people: `MX firma.de`, `TXT firma.de (SPF)`, `SPF lookups firma.de`. */
  readonly label: string;
  /** The owner name asked about (lowercase, no trailing dot). */
  readonly name: string;
  /** The record type asked about (`MX`, `TXT`, ...). */
  readonly type: string;
  readonly status: VerifyStatus;
  /** Expected values in presentation form (`10 mx.mail-connect.net.`, `"v=spf1 ..."`); `[]` = must not exist. */
  readonly expected: readonly string[];
  /** What live DNS answered, in the same form; `[]` = nothing (NXDOMAIN or no data). */
  readonly found: readonly string[];
  /** What is wrong and what to do; undefined when there is nothing to say. */
  readonly hint?: string;
  /**
   * Something worth knowing about a passing check: the same text split into other
   * character-strings, a TTL other than the planned one, a CNAME followed.
   * @default - no note
   */
  readonly note?: string;
  /**
   * With `--authoritative`, when the zone's name servers answered differently: each server's view.
   * @default - the servers agree (or only one was asked)
   */
  readonly servers?: readonly VerifyServerView[];
}

/** What one name server serves for a check (see {@link VerifyCheck.servers}). */
export interface VerifyServerView {
  /** `ns1.firma.de (192.0.2.1)`. */
  readonly server: string;
  readonly status: VerifyStatus;
  readonly found: readonly string[];
  readonly hint?: string;
  readonly note?: string;
}

/** The overall outcome of one domain: the worst status of its checks (`skipped` counts as ok). */
export type VerifyDomainStatus = "ok" | "mismatch" | "error";

/** The checks of one domain. */
export interface VerifyDomainReport {
  /** The domain (lowercase punycode, no trailing dot). */
  readonly domain: string;
  /** Where the expectation came from, e.g. `--domain`, `config[1]`, `stack beispieldomain-eu`. */
  readonly source?: string;
  /**
   * With `--authoritative`: the zone found for the domain and the name servers asked.
   * @default - not asked directly
   */
  readonly nameServers?: { readonly zone: string; readonly servers: readonly string[] };
  readonly status: VerifyDomainStatus;
  readonly checks: readonly VerifyCheck[];
}

/** Exit codes of `cdktf-mail-connect verify`. */
export const VERIFY_EXIT = {
  /** Every check passed. */
  ok: 0,
  /** At least one mismatch, and every check could be made. */
  mismatch: 1,
  /** Some check could not be made (bad arguments, unreachable resolver, timeouts, SERVFAIL). */
  error: 2,
} as const;

/** The exit code for a report. */
export type VerifyExitCode = (typeof VERIFY_EXIT)[keyof typeof VERIFY_EXIT];

/** Counts over a report. */
export interface VerifySummary {
  readonly domains: number;
  /** Domains whose checks all passed. */
  readonly ok: number;
  /** Domains with at least one mismatch and no error. */
  readonly mismatch: number;
  /** Domains with at least one check that could not be made. */
  readonly error: number;
  /** Rows with status mismatch, over all domains. */
  readonly failedChecks: number;
  /** Rows with status error, over all domains. */
  readonly errorChecks: number;
}

/** The result of {@link verifyDomains}. */
export interface VerifyReport {
  /** Where the domains' records were read: `127.0.0.1:5353`, `system (<servers>)` or `authoritative name servers`. */
  readonly resolver: string;
  /** Where other names (SPF includes, mail-connect's hosts) were asked: `system (<servers>)` or the `--recursive-resolver`. */
  readonly recursiveResolver: string;
  readonly domains: readonly VerifyDomainReport[];
  readonly summary: VerifySummary;
  /** 0 all good, 1 mismatches found, 2 something could not be checked (this wins over 1). */
  readonly exitCode: VerifyExitCode;
}

/** The worst status of some checks. */
export function domainStatus(checks: readonly VerifyCheck[]): VerifyDomainStatus {
  if (checks.some((c) => c.status === "error")) return "error";
  if (checks.some((c) => c.status === "mismatch")) return "mismatch";
  return "ok";
}

/** Summary and exit code of a list of domain reports. */
export function summarize(domains: readonly VerifyDomainReport[]): { summary: VerifySummary; exitCode: VerifyExitCode } {
  const rows = domains.flatMap((d) => d.checks);
  const summary: VerifySummary = {
    domains: domains.length,
    ok: domains.filter((d) => d.status === "ok").length,
    mismatch: domains.filter((d) => d.status === "mismatch").length,
    error: domains.filter((d) => d.status === "error").length,
    failedChecks: rows.filter((r) => r.status === "mismatch").length,
    errorChecks: rows.filter((r) => r.status === "error").length,
  };
  const exitCode = summary.errorChecks > 0 ? VERIFY_EXIT.error : summary.failedChecks > 0 ? VERIFY_EXIT.mismatch : VERIFY_EXIT.ok;
  return { summary, exitCode };
}
