/**
 * Asking live DNS: Node's `dns.promises.Resolver` (c-ares) with a timeout and retries,
 * answers turned into presentation form, one query per name and type per run (cached), a cap
 * on queries in flight, and a fast stop once the resolver is clearly unreachable.
 */
import type * as Dns from "dns";
import { quoteForDisplay } from "./rdata";

/** The record types the checks ask for. */
export type LookupType = "MX" | "CNAME" | "SRV" | "TXT" | "A" | "AAAA";

/** The outcome of one query. */
export type LookupResult =
  /** Records in presentation form (`10 mx.mail-connect.net.`, `"v=spf1 ..."`). */
  | { readonly status: "found"; readonly rdata: readonly string[] }
  /** Nothing of that type: the name does not exist (`NXDOMAIN`) or has other types only (`NODATA`). */
  | { readonly status: "none"; readonly reason: "NXDOMAIN" | "NODATA" }
  /** No usable answer: timeout, SERVFAIL, refused, unreachable. */
  | { readonly status: "error"; readonly code: string; readonly message: string };

/** Options of {@link LiveDns}. */
export interface LiveDnsOptions {
  /**
   * Servers for `setServers` (`127.0.0.1:5353`, `[::1]:53`).
   * @default - the system resolver's servers
   */
  readonly servers?: readonly string[];
  /**
   * Milliseconds c-ares waits for the first try (it doubles the wait on each retry).
   * @default 5000
   */
  readonly timeoutMs?: number;
  /**
   * Retries after the first try.
   * @default 2
   */
  readonly retries?: number;
  /**
   * Queries in flight at once.
   * @default 16
   */
  readonly concurrency?: number;
}

/** Default timeout per try, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 5000;
/** Default retries after the first try. */
export const DEFAULT_RETRIES = 2;
/** After this many timeouts without a single answer, the resolver counts as unreachable. */
const TIMEOUTS_BEFORE_GIVING_UP = 3;

function host(name: string): string {
  return name === "" ? "." : `${name.toLowerCase().replace(/\.$/, "")}.`;
}

/** Cached, rate-limited DNS queries against one resolver, for one verify run. */
export class LiveDns {
  /** The servers asked, for messages: `127.0.0.1:5353` or `system (10.0.0.53)`. */
  public readonly label: string;
  private readonly resolver: Dns.promises.Resolver;
  private readonly cache = new Map<string, Promise<LookupResult>>();
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly tries: number;
  private active = 0;
  private answers = 0;
  private timeouts = 0;
  private fatal: LookupResult | undefined;

  constructor(options: LiveDnsOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tries = (options.retries ?? DEFAULT_RETRIES) + 1;
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    // `dns` is loaded here, not at import: importing the package should not pay for the DNS
    // client when only the construct is used (see the import figures of `npm run bench`).
    const dns = (require("dns") as typeof Dns).promises;
    this.resolver = new dns.Resolver({ timeout: this.timeoutMs, tries: this.tries });
    if (options.servers !== undefined && options.servers.length > 0) {
      this.resolver.setServers([...options.servers]);
      this.label = options.servers.join(", ");
    } else {
      this.label = `system (${this.resolver.getServers().join(", ") || "no servers configured"})`;
    }
  }

  /** The records of `type` at `name` (asked once per run; later calls share the answer). */
  public lookup(name: string, type: LookupType): Promise<LookupResult> {
    const key = `${name.toLowerCase()} ${type}`;
    let result = this.cache.get(key);
    if (result === undefined) {
      result = this.limited(() => this.query(name, type));
      this.cache.set(key, result);
    }
    return result;
  }

  private async limited(run: () => Promise<LookupResult>): Promise<LookupResult> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return this.fatal ?? (await run());
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async query(name: string, type: LookupType): Promise<LookupResult> {
    try {
      const rdata = await this.ask(name, type);
      this.answers++;
      return { status: "found", rdata };
    } catch (error) {
      const code = String((error as NodeJS.ErrnoException).code ?? "EUNKNOWN");
      if (code === "ENOTFOUND") {
        this.answers++;
        return { status: "none", reason: "NXDOMAIN" };
      }
      if (code === "ENODATA") {
        this.answers++;
        return { status: "none", reason: "NODATA" };
      }
      const failure: LookupResult = { status: "error", code, message: this.explain(code, name, type) };
      if (code === "ECONNREFUSED") this.fatal ??= failure;
      if (code === "ETIMEOUT" && ++this.timeouts >= TIMEOUTS_BEFORE_GIVING_UP && this.answers === 0) this.fatal ??= failure;
      return failure;
    }
  }

  private explain(code: string, name: string, type: string): string {
    switch (code) {
      case "ETIMEOUT":
        return `no answer from ${this.label} within ${this.timeoutMs} ms (${this.tries} ${this.tries === 1 ? "try" : "tries"})`;
      case "ECONNREFUSED":
        return `${this.label} refused the connection (is a DNS server listening there?)`;
      case "ESERVFAIL":
        return `SERVFAIL for ${name} ${type}: the server could not answer (broken delegation, DNSSEC failure, unreachable name servers?)`;
      case "EREFUSED":
        return `${this.label} refused to answer for ${name} ${type} (it is not authoritative for it and does not recurse for us)`;
      default:
        return `${code} for ${name} ${type} from ${this.label}`;
    }
  }

  private async ask(name: string, type: LookupType): Promise<string[]> {
    switch (type) {
      case "MX":
        return (await this.resolver.resolveMx(name)).map((mx) => `${mx.priority} ${host(mx.exchange)}`);
      case "CNAME":
        return (await this.resolver.resolveCname(name)).map(host);
      case "SRV":
        return (await this.resolver.resolveSrv(name)).map((s) => `${s.priority} ${s.weight} ${s.port} ${host(s.name)}`);
      case "TXT":
        return (await this.resolver.resolveTxt(name)).map((strings) => strings.map(quoteForDisplay).join(" "));
      case "A":
        return this.resolver.resolve4(name);
      case "AAAA":
        return this.resolver.resolve6(name);
    }
  }
}
