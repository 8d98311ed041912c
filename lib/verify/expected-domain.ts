/**
 * What live DNS must hold for one domain: the RRsets to find, and the records that must not
 * exist. Built from planner options (`expectedFromOptions`) or from synthesized stacks
 * (`expectedFromSynth`); `verifyDomains` checks either the same way.
 */
import { DnsRrset } from "../plan/dns-rrset";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";

/** A record that must not exist, and why. */
export interface ForbiddenRecord {
  /** Owner name (lowercase, no trailing dot). */
  readonly name: string;
  /** Record type, upper case. */
  readonly type: string;
  /** Why it must not exist (a sentence; the hint adds "Remove it."). */
  readonly why: string;
  /**
   * Only values that point at this host (CNAME target, SRV target; absolute, with trailing dot)
   * are forbidden; records pointing elsewhere are someone else's and allowed.
   * @default - any value is forbidden
   */
  readonly pointsAt?: string;
}

/** The expectation for one domain. */
export interface ExpectedMailDomain {
  /** The domain (lowercase punycode, no trailing dot). */
  readonly domain: string;
  /** Every RRset that must be live, in presentation form (see `DnsRrset`). A TTL other than `ttl` is a note, read where the answer is authoritative. */
  readonly rrsets: readonly DnsRrset[];
  /**
   * Records that must not exist (auto-setup records of a TEAM domain, stale ones).
   * @default []
   */
  readonly forbidden?: readonly ForbiddenRecord[];
  /**
   * Where the expectation came from, shown in the report (`--domain`, `config[1]`, `stack x`).
   * @default - not shown
   */
  readonly source?: string;
}

/** The two auto-setup records of a domain (article: PRO only). */
export function autoSetupNames(domain: string): { readonly autoconfig: string; readonly autodiscover: string } {
  return { autoconfig: `${MAIL_CONNECT.autoconfig.label}.${domain}`, autodiscover: `${MAIL_CONNECT.autodiscover.label}.${domain}` };
}

/**
 * The auto-setup records that `rrsets` lack, as forbidden records with `why`. Only records
 * pointing at mail-connect's auto-setup hosts are forbidden: a SECGATE customer's own mail
 * server may publish its own (article: "müssen dessen DNS-Einstellung stattdessen verwendet werden").
 */
export function forbiddenAutoSetup(domain: string, rrsets: readonly DnsRrset[], why: string): ForbiddenRecord[] {
  const names = autoSetupNames(domain);
  const wanted = [
    { name: names.autoconfig, type: "CNAME", pointsAt: `${MAIL_CONNECT.autoconfig.target}.` },
    { name: names.autodiscover, type: "SRV", pointsAt: `${MAIL_CONNECT.autodiscover.target}.` },
  ];
  return wanted.filter((w) => !rrsets.some((s) => s.name === w.name && s.type === w.type)).map((w) => ({ ...w, why }));
}
