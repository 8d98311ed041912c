/**
 * Which mail host serves the domain today: a recognised hosted-mail provider (by its MX hosts,
 * with the SPF includes, DKIM selectors and auto-setup records that confirm it), or the MX hosts
 * themselves. And whether a name (an SPF include, a CNAME target) belongs to it.
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { HostedMailProvider, isProviderAutoSetup, isProviderDkim, isProviderSpfTarget, providerByMx } from "./hosted-mail-providers";
import { OldMailHost } from "./onboarding-plan";
import { isNameUnder, registrableDomain } from "./registrable-domain";

/** The old mail host and how to tell its names. */
export interface OldHost {
  readonly host: OldMailHost;
  /** The recognised provider, if any. */
  readonly provider?: HostedMailProvider;
  /** The old MX host names (not mail-connect's). */
  readonly mxHosts: readonly string[];
}

/** A DKIM selector found at the domain. */
export interface FoundSelector {
  readonly selector: string;
  /** Owner name: `<selector>._domainkey.<domain>`. */
  readonly name: string;
  /** The CNAME's target, when the selector is a CNAME. */
  readonly cname?: string;
  /** The key record's text (through the CNAME when there is one). */
  readonly txt: readonly string[];
}

/** The host names of MX values (`0 host.example.` → `host.example`). */
export function mxHostsOf(values: readonly string[]): string[] {
  return values.map((v) => (v.trim().split(/\s+/)[1] ?? "").toLowerCase().replace(/\.$/, "")).filter((h) => h !== "");
}

/**
 * The old mail host from the MX values, confirmed by the other records; undefined when the
 * domain has no MX or only mail-connect's.
 */
export function findOldHost(
  mxValues: readonly string[],
  spfTargets: readonly string[],
  selectors: readonly FoundSelector[],
  autoSetupTargets: readonly { readonly name: string; readonly target: string }[],
): OldHost | undefined {
  const mxHosts = mxHostsOf(mxValues).filter((h) => h !== MAIL_CONNECT.mx.exchange);
  if (mxHosts.length === 0) return undefined;
  const provider = mxHosts.map(providerByMx).find((p) => p !== undefined);
  if (provider === undefined) {
    return { host: { name: mxHosts.join(", "), recognised: false, evidence: mxValues.filter((v) => mxHostsOf([v]).some((h) => mxHosts.includes(h))).map((v) => `MX ${v}`) }, mxHosts };
  }
  const evidence = [
    ...mxValues.filter((v) => mxHostsOf([v]).some((h) => provider.mx.some((s) => isNameUnder(h, s)))).map((v) => `MX ${v}`),
    ...spfTargets.filter((t) => isProviderSpfTarget(provider, t)).map((t) => `include:${t}`),
    ...selectors.filter((s) => isProviderDkim(provider, s.selector, s.cname)).map((s) => (s.cname !== undefined ? `CNAME ${s.name} → ${s.cname}` : `DKIM ${s.name}`)),
    ...autoSetupTargets.filter((a) => isProviderAutoSetup(provider, a.target)).map((a) => `CNAME ${a.name} → ${a.target}`),
  ];
  return { host: { name: provider.name, recognised: true, evidence }, provider, mxHosts };
}

/** Whether `name` (an SPF include's target, a CNAME's target) belongs to the old host. */
export function belongsToOldHost(old: OldHost | undefined, name: string, kind: "spf" | "auto-setup" | "host"): boolean {
  if (old === undefined) return false;
  if (old.provider !== undefined) {
    if (kind === "spf" && isProviderSpfTarget(old.provider, name)) return true;
    if (kind === "auto-setup" && isProviderAutoSetup(old.provider, name)) return true;
    if (old.provider.mx.some((s) => isNameUnder(name, s))) return true;
  }
  // Unrecognised (and as a fallback): the same registrable domain as an old MX host.
  const own = new Set(old.mxHosts.map(registrableDomain));
  return own.has(registrableDomain(name));
}

/** Whether a found DKIM selector is the old host's. */
export function isOldHostSelector(old: OldHost | undefined, selector: FoundSelector): boolean {
  if (old === undefined) return false;
  if (old.provider !== undefined) return isProviderDkim(old.provider, selector.selector, selector.cname);
  return selector.cname !== undefined && belongsToOldHost(old, selector.cname, "host");
}
