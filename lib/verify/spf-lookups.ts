/**
 * The DNS-lookup count of a live SPF record, resolved through its includes the way a
 * receiver evaluates it (RFC 7208 §4.6.4): `include`, `a`, `mx`, `ptr`, `exists` and the
 * `redirect` modifier count 1 each (redirect only when there is no `all`, §6.1), and the
 * records that `include` and `redirect` name are fetched and counted too. More than 10
 * makes SPF fail with permerror, and so do more than two "void lookups" (§4.6.4: an `a`,
 * `mx`, `exists` or `include` whose query returns no records or NXDOMAIN). `ip4`/`ip6`
 * values must be addresses with an optional prefix length (§5.6).
 */
import * as net from "net";
import { LookupResult } from "./live-dns";
import { isSpfText, txtText } from "./rdata";

/** RFC 7208 §4.6.4: at most 10 terms that cause DNS lookups. */
export const SPF_LOOKUP_LIMIT = 10;
/** RFC 7208 §4.6.4: at most 2 lookups that return no records ("void lookups"). */
export const SPF_VOID_LOOKUP_LIMIT = 2;
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
  /** Lookups that returned no records or NXDOMAIN (RFC 7208 §4.6.4), over every record followed. */
  readonly voidLookups: number;
  /** The terms behind {@link voidLookups} (`example.com: a:gone.example.com`). */
  readonly voidTerms: readonly string[];
  /** Top-level terms that cost lookups with their total (`include:_spf.mail-connect.net 1`). */
  readonly breakdown: readonly string[];
  /** Reasons receivers return permerror (besides the count): syntax, an include without SPF. */
  readonly problems: readonly string[];
  /** Lookups that failed (timeout, SERVFAIL): the count may be incomplete. */
  readonly errors: readonly string[];
}

/** Asks for the records of a name that SPF evaluation asks for. */
export type SpfLookup = (name: string, type: "TXT" | "A" | "MX") => Promise<LookupResult>;
/** @deprecated use {@link SpfLookup} (it is asked for A and MX records too). */
export type TxtLookup = SpfLookup;

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
  if (name === "ip4" || name === "ip6") {
    const why = ipProblem(name, rest);
    if (why !== undefined) return { invalid: term, why };
  }
  return { mechanism: name, target };
}

/** Why an `ip4`/`ip6` value is not an address with an optional prefix length (RFC 7208 §5.6), or undefined. */
function ipProblem(mechanism: "ip4" | "ip6", rest: string): string | undefined {
  const match = /^:([^/]*)(?:\/(\d{1,3}))?$/.exec(rest);
  const max = mechanism === "ip4" ? 32 : 128;
  const valid = match !== null && (mechanism === "ip4" ? net.isIPv4(match[1]) : net.isIPv6(match[1])) && (match[2] === undefined || Number(match[2]) <= max);
  return valid ? undefined : `is not an ${mechanism === "ip4" ? "IPv4" : "IPv6"} address with an optional /0-${max} prefix (permerror, RFC 7208 §5.6)`;
}

/** One DNS question the counter needs answered before it can go on. */
export interface SpfLookupRequest {
  /** Lowercase, no trailing dot. */
  readonly name: string;
  readonly type: "TXT" | "A" | "MX";
}

/**
 * The counting, written once as generators: each `yield` hands a question to the driver and
 * gets its answer back, so the same logic runs against live DNS (`countSpfLookups`, async) and
 * against answers already read (`countSpfLookupsFrom`, sync).
 */
type Steps<T> = Generator<SpfLookupRequest, T, LookupResult>;

class Counter {
  public count = 0;
  public readonly voids: string[] = [];
  public truncated = false;
  public readonly problems: string[] = [];
  public readonly errors: string[] = [];

  /** Counts the lookups of one record's terms; returns per-term totals for the top level. */
  public *record(domain: string, text: string, path: readonly string[]): Steps<string[]> {
    const terms = text.trim().split(/\s+/).slice(1);
    const parsed = terms.map(parseTerm);
    const hasAll = parsed.some((t) => "mechanism" in t && t.mechanism === "all");
    const breakdown: string[] = [];
    for (let i = 0; i < parsed.length; i++) {
      const term = parsed[i];
      if ("invalid" in term) {
        this.problems.push(`${domain}: "${term.invalid}" ${term.why}${term.why.includes("permerror") ? "" : " (permerror, RFC 7208 §4.6.1)"}`);
        continue;
      }
      const counted = "mechanism" in term ? COUNTED.includes(term.mechanism) : term.modifier === "redirect" && !hasAll;
      if (!counted) continue;
      const before = this.count;
      this.count++;
      const follow = "mechanism" in term ? (term.mechanism === "include" ? term.target : undefined) : term.target;
      if (follow !== undefined) yield* this.follow(domain, follow, path, terms[i]);
      else if ("mechanism" in term && term.mechanism !== "ptr") yield* this.probe(domain, term.mechanism, term.target ?? domain, terms[i]);
      breakdown.push(`${terms[i]} ${this.count - before}`);
    }
    return breakdown;
  }

  /** The query an `a`, `mx` or `exists` term makes (A for an IPv4 sender, as mail-connect's are), counted when void. */
  private *probe(domain: string, mechanism: string, target: string, term: string): Steps<void> {
    if (target.includes("%") || this.count > FOLLOW_CAP) return; // a macro expands per message
    const answer = yield { name: target.toLowerCase().replace(/\.$/, ""), type: mechanism === "mx" ? "MX" : "A" };
    if (answer.status === "error") this.errors.push(`${target} ${mechanism === "mx" ? "MX" : "A"}: ${answer.message}`);
    else if (answer.status === "none") this.voids.push(`${domain}: ${term}`);
  }

  private *follow(from: string, target: string, path: readonly string[], term: string): Steps<void> {
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
    const answer = yield { name, type: "TXT" };
    if (answer.status === "error") {
      this.errors.push(`${name} TXT: ${answer.message}`);
      return;
    }
    if (answer.status === "none") this.voids.push(`${from}: ${term}`);
    const spf = answer.status === "found" ? answer.rdata.map(txtText).filter(isSpfText) : [];
    if (spf.length !== 1) {
      this.problems.push(`${from} includes ${name}, which has ${spf.length === 0 ? "no SPF record" : `${spf.length} SPF records`} (permerror, RFC 7208 §5.2)`);
      return;
    }
    yield* this.record(name, spf[0], [...path, name]);
  }
}

/** The whole count as steps: the questions it asks, then the result. */
function* countSteps(domain: string, text: string): Steps<SpfLookupCount> {
  const counter = new Counter();
  const breakdown = yield* counter.record(domain, text, [domain.toLowerCase()]);
  return { count: counter.count, truncated: counter.truncated, voidLookups: counter.voids.length, voidTerms: counter.voids, breakdown, problems: counter.problems, errors: counter.errors };
}

/** Counts the DNS lookups of the SPF record `text` published at `domain`. */
export async function countSpfLookups(domain: string, text: string, lookup: SpfLookup): Promise<SpfLookupCount> {
  const steps = countSteps(domain, text);
  let step = steps.next();
  while (step.done !== true) step = steps.next(await lookup(step.value.name, step.value.type));
  return step.value;
}

/** Answers a question from records already read (no I/O); an `error` result for a question nobody asked. */
export type SpfLookupSync = (name: string, type: "TXT" | "A" | "MX") => LookupResult;

/**
 * Counts the DNS lookups of the SPF record `text` published at `domain` from answers already
 * read: the same count as {@link countSpfLookups}, synchronously.
 */
export function countSpfLookupsFrom(domain: string, text: string, lookup: SpfLookupSync): SpfLookupCount {
  const steps = countSteps(domain, text);
  let step = steps.next();
  while (step.done !== true) step = steps.next(lookup(step.value.name, step.value.type));
  return step.value;
}
