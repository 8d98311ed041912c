/**
 * The two roles of DNS server in a verify run, kept apart: the records of the checked zone
 * are read from the record servers (`--resolver`, or each of the zone's name servers with
 * `--authoritative`); every other name (SPF includes, `_spf.mail-connect.net`, CNAME targets
 * outside the zone) is asked through the recursive resolver (the system's or
 * `--recursive-resolver`). An authoritative server that does not recurse is never asked for
 * names it cannot serve. CNAME chains are followed across the two, loops reported.
 */
import { isWithinDomain } from "../plan/host-names";
import { DnsLookup, LiveDns, LookupResult, LookupType } from "./live-dns";

/** CNAMEs followed at most (RFC 1034 §3.6.2 gives no limit; resolvers stop around 8-16). */
const MAX_CNAME_HOPS = 8;

/** Options of {@link RoutedDns}. */
export interface RoutedDnsOptions {
  /** Where the zone's own records are read. */
  readonly records: LiveDns;
  /** Where every other name is asked. */
  readonly recursive: DnsLookup;
  /** Names at or under this one are the zone's (the checked domain, or the zone found for it). */
  readonly zone: string;
  /**
   * Every answer from `records` must carry the AA flag (asking the zone's name servers directly).
   * @default false
   */
  readonly requireAuthoritative?: boolean;
}

/** A `DnsLookup` for one domain, over one record server view and the recursive resolver. */
export class RoutedDns implements DnsLookup {
  constructor(private readonly options: RoutedDnsOptions) {}

  public lookup(name: string, type: LookupType): Promise<LookupResult> {
    return this.follow(name.toLowerCase().replace(/\.$/, ""), type, [], new Set());
  }

  private inZone(name: string): boolean {
    return isWithinDomain(name, this.options.zone);
  }

  private async ask(name: string, type: LookupType): Promise<LookupResult> {
    if (!this.inZone(name)) return this.options.recursive.lookup(name, type);
    let result = await this.options.records.lookup(name, type);
    if (result.status === "error" && result.code === "ESERVFAIL" && type !== "CNAME") result = (await this.cnameLoop(name)) ?? result;
    if (this.options.requireAuthoritative && result.status === "error" && result.code === "EREFUSED") {
      return { status: "error", code: "ELAME", message: `${this.options.records.label} is a name server of ${this.options.zone} but refuses to answer for it (lame delegation): fix the NS records or the server` };
    }
    if (this.options.requireAuthoritative && result.status !== "error" && result.authoritative !== true) {
      return {
        status: "error",
        code: "ENOTAUTH",
        message: `${this.options.records.label} answered for ${name} ${type} without the authoritative flag: it does not serve the zone ${this.options.zone} (lame delegation)`,
      };
    }
    return result;
  }

  /**
   * BIND answers SERVFAIL for a CNAME loop inside its zone; asking for the CNAMEs one by one
   * tells a loop (a mismatch to fix) from a server that cannot answer. Undefined: no loop.
   */
  private async cnameLoop(name: string): Promise<LookupResult | undefined> {
    const via: string[] = [];
    const seen = new Set([name]);
    let current = name;
    while (via.length < MAX_CNAME_HOPS) {
      const cname = this.inZone(current) ? await this.options.records.lookup(current, "CNAME") : await this.options.recursive.lookup(current, "CNAME");
      if (cname.status !== "found" || cname.rdata.length === 0) return undefined;
      current = cname.rdata[0].replace(/\.$/, "");
      via.push(current);
      if (seen.has(current)) return { status: "none", reason: "CNAME_LOOP", via };
      seen.add(current);
    }
    return undefined;
  }

  private async follow(name: string, type: LookupType, before: readonly string[], seen: Set<string>): Promise<LookupResult> {
    seen.add(name);
    const result = await this.ask(name, type);
    if (result.status === "error") return result;
    const own = result.via ?? [];
    const via = [...before, ...own];
    const chain = via.length > 0 ? { via } : {};
    if (result.status === "found" || result.reason !== "NODATA" || own.length === 0) return { ...result, ...chain };
    // A chain whose end the server did not answer for (a target in another zone): ask for the end.
    const end = own[own.length - 1];
    own.slice(0, -1).forEach((v) => seen.add(v));
    if (seen.has(end)) return { status: "none", reason: "CNAME_LOOP", via };
    if (via.length >= MAX_CNAME_HOPS) return { status: "error", code: "ECNAMECHAIN", message: `${via.length} CNAMEs in a row from ${name}: not followed further` };
    return this.follow(end, type, via, seen);
  }
}
