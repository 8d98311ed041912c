/**
 * The DNS-lookup count of a live SPF record, resolved through its includes the way a
 * receiver evaluates it (RFC 7208 §4.6.4): `include`, `a`, `mx`, `ptr`, `exists` and the
 * `redirect` modifier count 1 each (redirect only when there is no `all`, §6.1), and the
 * records that `include` and `redirect` name are fetched and counted too. More than 10
 * makes SPF fail with permerror.
 */
import { LookupResult } from "./live-dns";
import { isSpfText, txtText } from "./rdata";

/** RFC 7208 §4.6.4: at most 10 terms that cause DNS lookups. */
export const SPF_LOOKUP_LIMIT = 10;
/** Stop following includes after this many lookups (the limit is long exceeded by then). */
const FOLLOW_CAP = 30;

const MECHANISMS = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];
const COUNTED = ["include", "a", "mx", "ptr", "exists"];

/** The count and what it is made of. */
export interface SpfLookupCount {
  /** Lookups counted (at least {@link FOLLOW_CAP} when `truncated`). */
  readonly count: number;
  /** Following stopped at the cap (the record is far over the limit, or loops). */
  readonly truncated: boolean;
  /** Top-level terms that cost lookups with their total (`include:_spf.mail-connect.net 1`). */
  readonly breakdown: readonly string[];
  /** Reasons receivers return permerror (besides the count): syntax, an include without SPF. */
  readonly problems: readonly string[];
  /** Lookups that failed (timeout, SERVFAIL): the count may be incomplete. */
  readonly errors: readonly string[];
}

/** Asks for the TXT records of a name. */
export type TxtLookup = (name: string) => Promise<LookupResult>;

type Term = { readonly mechanism: string; readonly target?: string } | { readonly modifier: string; readonly target: string } | { readonly invalid: string; readonly why: string };

const UNKNOWN = "is not an SPF mechanism or modifier";

function parseTerm(term: string): Term {
  const modifier = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(term);
  if (modifier) return { modifier: modifier[1].toLowerCase(), target: modifier[2] };
  const bare = term.replace(/^[+?~-]/, "");
  const name = /^[A-Za-z0-9]+/.exec(bare)?.[0].toLowerCase() ?? "";
  if (!MECHANISMS.includes(name)) return { invalid: term, why: UNKNOWN };
  const rest = bare.slice(name.length);
  if (rest !== "" && !rest.startsWith(":") && !rest.startsWith("/")) return { invalid: term, why: UNKNOWN };
  const target = rest.startsWith(":") ? rest.slice(1).replace(/\/\d+(\/\/\d+)?$/, "") : undefined;
  if ((name === "include" || name === "exists") && (target === undefined || target === "")) return { invalid: term, why: `needs a domain (${name}:<domain>)` };
  return { mechanism: name, target };
}

class Counter {
  public count = 0;
  public truncated = false;
  public readonly problems: string[] = [];
  public readonly errors: string[] = [];

  constructor(private readonly lookupTxt: TxtLookup) {}

  /** Counts the lookups of one record's terms; returns per-term totals for the top level. */
  public async record(domain: string, text: string, path: readonly string[]): Promise<string[]> {
    const terms = text.trim().split(/\s+/).slice(1);
    const parsed = terms.map(parseTerm);
    const hasAll = parsed.some((t) => "mechanism" in t && t.mechanism === "all");
    const breakdown: string[] = [];
    for (let i = 0; i < parsed.length; i++) {
      const term = parsed[i];
      if ("invalid" in term) {
        this.problems.push(`${domain}: "${term.invalid}" ${term.why} (permerror, RFC 7208 §4.6.1)`);
        continue;
      }
      const counted = "mechanism" in term ? COUNTED.includes(term.mechanism) : term.modifier === "redirect" && !hasAll;
      if (!counted) continue;
      const before = this.count;
      this.count++;
      const follow = "mechanism" in term ? (term.mechanism === "include" ? term.target : undefined) : term.target;
      if (follow !== undefined) await this.follow(domain, follow, path);
      breakdown.push(`${terms[i]} ${this.count - before}`);
    }
    return breakdown;
  }

  private async follow(from: string, target: string, path: readonly string[]): Promise<void> {
    if (target.includes("%")) return; // a macro: expands per message, cannot be followed here
    const name = target.toLowerCase().replace(/\.$/, "");
    if (path.includes(name)) {
      this.problems.push(`${from} includes ${name}, which includes it again (a loop: receivers stop at ${SPF_LOOKUP_LIMIT} lookups with permerror)`);
      return;
    }
    if (this.count > FOLLOW_CAP) {
      this.truncated = true;
      return;
    }
    const answer = await this.lookupTxt(name);
    if (answer.status === "error") {
      this.errors.push(`${name} TXT: ${answer.message}`);
      return;
    }
    const spf = answer.status === "found" ? answer.rdata.map(txtText).filter(isSpfText) : [];
    if (spf.length !== 1) {
      this.problems.push(`${from} includes ${name}, which has ${spf.length === 0 ? "no SPF record" : `${spf.length} SPF records`} (permerror, RFC 7208 §5.2)`);
      return;
    }
    await this.record(name, spf[0], [...path, name]);
  }
}

/** Counts the DNS lookups of the SPF record `text` published at `domain`. */
export async function countSpfLookups(domain: string, text: string, lookupTxt: TxtLookup): Promise<SpfLookupCount> {
  const counter = new Counter(lookupTxt);
  const breakdown = await counter.record(domain, text, [domain.toLowerCase()]);
  return { count: counter.count, truncated: counter.truncated, breakdown, problems: counter.problems, errors: counter.errors };
}
