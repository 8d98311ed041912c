/**
 * Asking live DNS for verify: answers in presentation form with their TTL and AA flag, the
 * CNAME chain that led to them, one question per name and type per run (cached) and a cap on
 * questions in flight. A `LiveDns` asks one role's servers (see `RoutedDns` for the two roles).
 */
import { quoteForDisplay } from "./rdata";
import { DnsAnswer, DnsQueryClient, DnsQueryError, DnsServer, QueryType } from "./dns-query";

/** The record types the checks ask for. */
export type LookupType = QueryType;

/** The outcome of one query. */
export type LookupResult =
  /** Records in presentation form (`10 mx.mail-connect.net.`, `"v=spf1 ..."`). */
  | {
      readonly status: "found";
      readonly rdata: readonly string[];
      /** The smallest TTL of the records, in seconds. */
      readonly ttl?: number;
      /** Whether the answer came from a server that serves the zone (AA flag). */
      readonly authoritative?: boolean;
      /** The CNAME targets followed from the name asked to the name that holds the records. */
      readonly via?: readonly string[];
    }
  /**
   * Nothing of that type: the name does not exist (`NXDOMAIN`), has other types only
   * (`NODATA`), or is a CNAME chain that loops (`CNAME_LOOP`, the chain in `via`).
   */
  | { readonly status: "none"; readonly reason: "NXDOMAIN" | "NODATA" | "CNAME_LOOP"; readonly authoritative?: boolean; readonly via?: readonly string[] }
  /** No usable answer: timeout, SERVFAIL, refused, unreachable. */
  | { readonly status: "error"; readonly code: string; readonly message: string };

/** Anything that answers questions the way the checks ask them. */
export interface DnsLookup {
  lookup(name: string, type: LookupType): Promise<LookupResult>;
}

/** Default timeout per try, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 5000;
/** Default retries after the first try. */
export const DEFAULT_RETRIES = 2;

/** Options of {@link LiveDns}. */
export interface LiveDnsOptions {
  /** Servers to ask, in order (the next one when a server gives no answer). */
  readonly servers: readonly DnsServer[];
  /**
   * How messages name these servers.
   * @default - the servers' labels, comma-separated
   */
  readonly label?: string;
  /** The client that sends the questions (shared by every `LiveDns` of a run). */
  readonly client: DnsQueryClient;
  /** Set the RD bit (ask a resolver to recurse); off for authoritative servers. */
  readonly recursionDesired: boolean;
  /**
   * Ask the next server when one declines a name it neither serves nor recurses for (REFUSED,
   * or a referral without the AA and RA flags), not only when it gives no answer.
   * @default false
   */
  readonly passOnDeclined?: boolean;
  /**
   * Questions in flight at once.
   * @default 16
   */
  readonly concurrency?: number;
}

/** Whether a server declined to answer: it neither serves the name nor recurses for us. */
function declined(answer: DnsAnswer): boolean {
  return answer.rcode === "REFUSED" || (!answer.authoritative && !answer.recursionAvailable && answer.answers.length === 0);
}

function lower(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

function host(name: string): string {
  return name === "" || name === "." ? "." : `${lower(name)}.`;
}

function txtStringsOf(data: unknown): string[] {
  const list = Array.isArray(data) ? data : [data];
  return list.map((s) => (Buffer.isBuffer(s) ? s.toString("utf8") : String(s)));
}

/** One answer record's data in presentation form. */
function presentation(type: LookupType, data: unknown): string {
  switch (type) {
    case "MX": {
      const mx = data as { preference: number; exchange: string };
      return `${mx.preference} ${host(mx.exchange)}`;
    }
    case "SRV": {
      const srv = data as { priority: number; weight: number; port: number; target: string };
      return `${srv.priority} ${srv.weight} ${srv.port} ${host(srv.target)}`;
    }
    case "TXT":
      return txtStringsOf(data).map(quoteForDisplay).join(" ");
    case "CNAME":
    case "NS":
      return host(String(data));
    case "SOA": {
      const soa = data as { mname: string; serial: number };
      return `${host(soa.mname)} ${soa.serial}`;
    }
    default:
      return String(data);
  }
}

/** Reads an answer: the records of `type` at the end of the CNAME chain that starts at `name`. */
export function readAnswer(name: string, type: LookupType, answer: DnsAnswer, serverLabel: string): LookupResult {
  if (answer.rcode !== "NOERROR" && answer.rcode !== "NXDOMAIN") {
    if (answer.rcode === "REFUSED") {
      return { status: "error", code: "EREFUSED", message: `${serverLabel} refused to answer for ${name} ${type} (it is not authoritative for it and does not recurse for us)` };
    }
    if (answer.rcode === "SERVFAIL") {
      return { status: "error", code: "ESERVFAIL", message: `SERVFAIL for ${name} ${type} from ${serverLabel}: the server could not answer (broken delegation, DNSSEC failure, unreachable name servers?)` };
    }
    return { status: "error", code: `E${answer.rcode}`, message: `${answer.rcode} for ${name} ${type} from ${serverLabel}` };
  }
  let owner = lower(name);
  const via: string[] = [];
  if (type !== "CNAME") {
    const seen = new Set([owner]);
    for (;;) {
      const cname = answer.answers.find((a) => a.type === "CNAME" && lower(a.name) === owner);
      if (cname === undefined) break;
      owner = lower(String(cname.data));
      via.push(owner);
      if (seen.has(owner)) return { status: "none", reason: "CNAME_LOOP", authoritative: answer.authoritative, via };
      seen.add(owner);
    }
  }
  const records = answer.answers.filter((a) => a.type === type && lower(a.name) === owner);
  const chain = via.length > 0 ? { via } : {};
  if (records.length === 0) return { status: "none", reason: answer.rcode === "NXDOMAIN" ? "NXDOMAIN" : "NODATA", authoritative: answer.authoritative, ...chain };
  const ttls = records.map((r) => r.ttl).filter((t): t is number => t !== undefined);
  return {
    status: "found",
    rdata: records.map((r) => presentation(type, r.data)),
    ...(ttls.length > 0 ? { ttl: Math.min(...ttls) } : {}),
    authoritative: answer.authoritative,
    ...chain,
  };
}

/** Cached, rate-limited questions to one role's servers, for one verify run. */
export class LiveDns implements DnsLookup {
  /** The servers asked, for messages: `127.0.0.1:5353`, `ns1.firma.de (192.0.2.1)`. */
  public readonly label: string;
  private readonly cache = new Map<string, Promise<LookupResult>>();
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private active = 0;

  constructor(private readonly options: LiveDnsOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.label = options.label ?? options.servers.map((s) => s.label).join(", ");
  }

  /** The records of `type` at `name` (asked once per run; later calls share the answer). */
  public lookup(name: string, type: LookupType): Promise<LookupResult> {
    const key = `${lower(name)} ${type}`;
    let result = this.cache.get(key);
    if (result === undefined) {
      result = this.limited(() => this.query(lower(name), type));
      this.cache.set(key, result);
    }
    return result;
  }

  private async limited(run: () => Promise<LookupResult>): Promise<LookupResult> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await run();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async query(name: string, type: LookupType): Promise<LookupResult> {
    let failure: LookupResult = { status: "error", code: "ENOSERVER", message: "no DNS server to ask" };
    for (const [index, server] of this.options.servers.entries()) {
      try {
        const answer = await this.options.client.query(server, name, type, this.options.recursionDesired);
        const last = index === this.options.servers.length - 1;
        if (this.options.passOnDeclined === true && !last && declined(answer)) continue;
        return readAnswer(name, type, answer, server.label);
      } catch (error) {
        if (!(error instanceof DnsQueryError)) throw error;
        failure = { status: "error", code: error.code, message: error.message };
      }
    }
    return failure;
  }
}
