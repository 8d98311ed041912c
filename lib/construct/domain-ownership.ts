/**
 * One owner per domain, app-wide. Two `MailConnectDomain`s for one domain (same stack or not,
 * same DNS provider or not) would publish a second MX, SPF, DKIM and DMARC record for it: two
 * SPF records make SPF fail (RFC 7208 §4.5), and where a resource is a whole record set one overwrites the other.
 * The one exception is a move between DNS providers, declared with `movingFrom`: the domain is
 * published at the new provider before its name servers switch.
 */
import { IConstruct } from "constructs";
import { registerAppCheck } from "./app-validation";
import { ValidationReason } from "../errors";

/** What the check needs to know about one valid `MailConnectDomain`. */
export interface DomainClaim {
  readonly construct: IConstruct;
  /** The normalised domain (lowercase punycode, no trailing dot). */
  readonly domain: string;
  /** Identifies the zone the records go into (provider kind, zone id or name, provider instance). */
  readonly zoneKey: string;
  /** The construct given as `movingFrom`, if any. */
  readonly movingFrom?: IConstruct;
}

const claimsByRoot = new WeakMap<IConstruct, DomainClaim[]>();
const claimed = new WeakSet<IConstruct>();

/** True when `construct` is, or lies inside, a `MailConnectDomain` that claimed its domain. */
export function isInsideClaimedDomain(construct: IConstruct): boolean {
  for (let node: IConstruct | undefined = construct; node !== undefined; node = node.node.scope) {
    if (claimed.has(node)) return true;
  }
  return false;
}

/** The claims of the app, for tests and `verify`. */
export function domainClaims(scope: IConstruct): readonly DomainClaim[] {
  return claimsByRoot.get(scope.node.root) ?? [];
}

const KIND = "MailConnectDomain";

function ownershipProblems(claims: readonly DomainClaim[]): Array<{ construct: IConstruct; kind: string; reason: ValidationReason }> {
  const problems: Array<{ construct: IConstruct; kind: string; reason: ValidationReason }> = [];
  const byDomain = new Map<string, DomainClaim[]>();
  for (const claim of claims) {
    const list = byDomain.get(claim.domain) ?? [];
    list.push(claim);
    byDomain.set(claim.domain, list);
  }
  for (const [domain, owners] of byDomain) {
    const first = owners[0];
    for (const later of owners.slice(1)) {
      const declared = (a: DomainClaim, b: DomainClaim) => a.movingFrom === b.construct || b.movingFrom === a.construct;
      if (owners.length === 2 && declared(first, later)) {
        if (first.zoneKey === later.zoneKey) {
          const mover = later.movingFrom === first.construct ? later : first;
          problems.push({
            construct: mover.construct,
            kind: KIND,
            reason: {
              path: "movingFrom",
              value: (mover === later ? first : later).construct.node.path,
              rule: "publishes into the same zone as this domain; a move needs the new zone at another DNS provider (or another zone)",
              fix: "Point `zone` at the zone you are moving to, or remove `movingFrom` and one of the two domains.",
            },
          });
        }
        continue;
      }
      problems.push({
        construct: later.construct,
        kind: KIND,
        reason: {
          path: "domain",
          value: domain,
          rule: `is already published by MailConnectDomain "${first.construct.node.path}"; two owners would publish a second MX, SPF, DKIM and DMARC record for it (two SPF records make SPF fail, RFC 7208 §4.5)`,
          fix:
            `Publish each domain once: remove one of the two. When moving the domain to another DNS provider, ` +
            `keep both only until the name servers switch and declare it on the new one: \`movingFrom: <the MailConnectDomain "${first.construct.node.path}">\`.`,
        },
      });
    }
  }
  return problems;
}

/** Records that `claim.construct` publishes `claim.domain`; duplicates are reported at synth. */
export function claimDomain(claim: DomainClaim): void {
  const root = claim.construct.node.root;
  const claims = claimsByRoot.get(root) ?? [];
  claimsByRoot.set(root, claims);
  claims.push(claim);
  // Registered once per app; the call also makes sure this construct's stack runs the check.
  registerAppCheck(claim.construct, "domain-ownership", () => ownershipProblems(claimsByRoot.get(root) ?? []));
  claimed.add(claim.construct);
}
