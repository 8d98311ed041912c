/**
 * One DNS question to one server, as Node's resolver cannot ask it: with or without the RD
 * bit, reading the AA flag and the TTLs. `dns-packet` encodes and decodes, `dns-socket`
 * matches UDP answers to queries with a timeout per try and retries; a truncated UDP answer
 * is asked again over TCP (RFC 7766 §5). Both packages are loaded on first use, so importing
 * the library does not pay for them.
 *
 * A server that does not answer is detected once: the first question to a server goes alone
 * (sent a second time from a connected socket, which sees a closed port's ICMP refusal at
 * once); only after it answers
 * do the others follow. A server that never answered, or stops answering three questions in
 * a row, is not asked again, so a dead server costs one query's timeouts, not timeouts × domains.
 */
import type * as DnsPacket from "dns-packet";
import type * as Net from "net";

/** The part of `dns-socket` 4.2 used here (the package ships no types). */
interface DnsSocket {
  /** Sends `query` and calls back with the decoded answer; returns the query's slot. */
  query(query: DnsPacket.Packet, port: number, host: string, callback: (error: Error | null, answer?: DnsPacket.DecodedPacket) => void): number;
  cancel(slot: number): void;
  destroy(): void;
  on(event: "warning" | "error", listener: (error: Error) => void): unknown;
}
type CreateDnsSocket = (options: { retries: number; timeout: number; socket: import("dgram").Socket }) => DnsSocket;

/** Where to send questions. */
export interface DnsServer {
  readonly host: string;
  readonly port: number;
  /** For messages: `127.0.0.1:5353`, `ns1.firma.de (192.0.2.1)`. */
  readonly label: string;
}

/** One record of an answer section, as `dns-packet` decodes it (declared here so the library's types need no `@types/dns-packet`). */
export interface DnsAnswerRecord {
  readonly type: string;
  readonly name: string;
  readonly ttl?: number;
  readonly data?: unknown;
}

/** The decoded answer, in the parts verify reads. */
export interface DnsAnswer {
  /** `NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`, ... */
  readonly rcode: string;
  /** The AA flag: the server answered from a zone it serves. */
  readonly authoritative: boolean;
  /** The RA flag: the server recurses for us. */
  readonly recursionAvailable: boolean;
  readonly answers: readonly DnsAnswerRecord[];
}

/** Why a question got no answer. */
export class DnsQueryError extends Error {
  constructor(
    /** `ETIMEOUT`, `ECONNREFUSED`, or another Node error code. */
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DnsQueryError";
  }
}

/** Options of {@link DnsQueryClient}. */
export interface DnsQueryClientOptions {
  /** Milliseconds to wait for each try. */
  readonly timeoutMs: number;
  /** Retries after the first try. */
  readonly retries: number;
}

/** The record types verify asks for. */
export type QueryType = "MX" | "CNAME" | "SRV" | "TXT" | "A" | "AAAA" | "NS" | "SOA";

/** After this many timeouts in a row, a server that answered before counts as dead too. */
const TIMEOUTS_IN_A_ROW = 3;
/**
 * The EDNS buffer size offered: 1232 bytes, the DNS Flag Day 2020 value that avoids IP
 * fragmentation (https://www.dnsflagday.net/2020/); longer answers come over TCP.
 */
const EDNS_UDP_SIZE = 1232;

interface ServerState {
  /** Settles when the first question got an answer or failed. */
  gate?: Promise<unknown>;
  answered: boolean;
  timeoutsInARow: number;
  dead?: DnsQueryError;
}

/** Questions to any number of servers, for one verify run; call {@link close} at the end. */
export class DnsQueryClient {
  private readonly packet: typeof DnsPacket = require("dns-packet");
  private readonly sockets = new Map<4 | 6, DnsSocket>();
  private readonly states = new Map<string, ServerState>();

  constructor(private readonly options: DnsQueryClientOptions) {}

  /** How long one question may take at most (every try), in milliseconds. */
  public get budgetMs(): number {
    return this.options.timeoutMs * (this.options.retries + 1);
  }

  /**
   * Asks `server` for `name`/`type`; `recursionDesired` sets the RD bit.
   * @throws DnsQueryError when no answer came (timeout, connection refused, server given up)
   */
  public async query(server: DnsServer, name: string, type: QueryType, recursionDesired: boolean): Promise<DnsAnswer> {
    const key = `${server.host}#${server.port}`;
    let state = this.states.get(key);
    if (state === undefined) {
      state = { answered: false, timeoutsInARow: 0 };
      this.states.set(key, state);
    }
    if (!state.answered && state.gate !== undefined) await state.gate.catch(() => undefined);
    if (state.dead !== undefined) throw state.dead;
    const first = !state.answered && state.gate === undefined;
    const asked = this.ask(server, name, type, recursionDesired, first);
    if (first) state.gate = asked;
    try {
      const answer = await asked;
      state.answered = true;
      state.timeoutsInARow = 0;
      return answer;
    } catch (error) {
      const failure = error instanceof DnsQueryError ? error : new DnsQueryError("EUNKNOWN", `${(error as Error).message} (${server.label})`);
      if (failure.code === "ECONNREFUSED" || (failure.code === "ETIMEOUT" && (!state.answered || ++state.timeoutsInARow >= TIMEOUTS_IN_A_ROW))) {
        state.dead ??= failure;
      }
      throw state.dead ?? failure;
    }
  }

  /** Closes the sockets (their timers would keep the process alive). */
  public close(): void {
    for (const socket of this.sockets.values()) socket.destroy();
    this.sockets.clear();
  }

  private socket(family: 4 | 6): DnsSocket {
    let socket = this.sockets.get(family);
    if (socket === undefined) {
      const dgram = require("dgram") as typeof import("dgram");
      const createDnsSocket = require("dns-socket") as CreateDnsSocket;
      socket = createDnsSocket({ retries: this.options.retries, timeout: this.options.timeoutMs, socket: dgram.createSocket(family === 6 ? "udp6" : "udp4") });
      // Unreachable hosts and ICMP errors show up as timeouts of the questions concerned.
      socket.on("warning", () => undefined);
      socket.on("error", () => undefined);
      this.sockets.set(family, socket);
    }
    return socket;
  }

  private question(name: string, type: QueryType, recursionDesired: boolean, edns = true): DnsPacket.Packet {
    return {
      type: "query",
      flags: recursionDesired ? this.packet.RECURSION_DESIRED : 0,
      questions: [{ type, name: name === "" ? "." : name }],
      ...(edns ? { additionals: [{ type: "OPT", name: ".", udpPayloadSize: EDNS_UDP_SIZE } as unknown as DnsPacket.Answer] } : {}),
    };
  }

  private timeout(server: DnsServer): DnsQueryError {
    const tries = this.options.retries + 1;
    return new DnsQueryError("ETIMEOUT", `no answer from ${server.label} within ${this.options.timeoutMs} ms (${tries} ${tries === 1 ? "try" : "tries"})`);
  }

  private refused(server: DnsServer): DnsQueryError {
    return new DnsQueryError("ECONNREFUSED", `${server.label} refused the connection (is a DNS server listening there?)`);
  }

  private async ask(server: DnsServer, name: string, type: QueryType, recursionDesired: boolean, probe: boolean, edns = true): Promise<DnsAnswer> {
    const net = require("net") as typeof Net;
    const udp = new Promise<DnsPacket.DecodedPacket>((resolve, reject) => {
      const socket = this.socket(net.isIPv6(server.host) ? 6 : 4);
      let settled = false;
      const slot = socket.query(this.question(name, type, recursionDesired, edns), server.port, server.host, (error, answer) => {
        settled = true;
        if (error !== null || answer === undefined) reject(/timed out/i.test(error?.message ?? "") ? this.timeout(server) : new DnsQueryError("EUNKNOWN", `${error?.message ?? "no answer"} (${server.label})`));
        else resolve(answer);
      });
      if (probe) {
        this.udpRefused(server, this.question(name, type, recursionDesired)).then((refused) => {
          if (refused && !settled) {
            reject(this.refused(server));
            socket.cancel(slot);
          }
        });
      }
    });
    let answer = await udp;
    const rcode = String((answer as unknown as { rcode: string }).rcode);
    // A server that does not know EDNS answers FORMERR (RFC 6891 §7): ask again without it.
    if (rcode === "FORMERR" && edns) return this.ask(server, name, type, recursionDesired, false, false);
    if (answer.flag_tc) answer = await this.overTcp(server, this.question(name, type, recursionDesired, edns));
    return { rcode: String((answer as unknown as { rcode: string }).rcode), authoritative: answer.flag_aa, recursionAvailable: answer.flag_ra, answers: (answer.answers ?? []) as readonly DnsAnswerRecord[] };
  }

  /**
   * Whether a closed port answers the question with ICMP port unreachable: only a connected
   * UDP socket sees that (as ECONNREFUSED), the shared socket of `dns-socket` never does.
   */
  private udpRefused(server: DnsServer, question: DnsPacket.Packet): Promise<boolean> {
    const dgram = require("dgram") as typeof import("dgram");
    const net = require("net") as typeof Net;
    return new Promise((resolve) => {
      const socket = dgram.createSocket(net.isIPv6(server.host) ? "udp6" : "udp4");
      const done = (refused: boolean) => {
        clearTimeout(timer);
        socket.close();
        resolve(refused);
      };
      const timer = setTimeout(() => done(false), this.options.timeoutMs);
      socket.once("error", (error: NodeJS.ErrnoException) => done(error.code === "ECONNREFUSED"));
      socket.once("message", () => done(false));
      socket.connect(server.port, server.host, () => socket.send(this.packet.encode({ ...question, id: Math.floor(Math.random() * 65535) + 1 })));
    });
  }

  /** The question over TCP: the message with its two-byte length prefix (RFC 1035 §4.2.2), by dns-packet's stream functions. */
  private overTcp(server: DnsServer, question: DnsPacket.Packet): Promise<DnsPacket.DecodedPacket> {
    const net = require("net") as typeof Net;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: server.host, port: server.port });
      let received = Buffer.alloc(0);
      const finish = (error: DnsQueryError | undefined, answer?: DnsPacket.DecodedPacket) => {
        clearTimeout(timer);
        socket.destroy();
        if (error !== undefined) reject(error);
        else resolve(answer!);
      };
      const timer = setTimeout(() => finish(this.timeout(server)), this.budgetMs);
      socket.once("connect", () => socket.write(this.packet.streamEncode({ ...question, id: Math.floor(Math.random() * 65535) + 1 })));
      socket.on("data", (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
          try {
            finish(undefined, this.packet.streamDecode(received) as DnsPacket.DecodedPacket);
          } catch (error) {
            finish(new DnsQueryError("EBADRESP", `an answer from ${server.label} over TCP that does not decode: ${(error as Error).message}`));
          }
        }
      });
      socket.once("error", (error: NodeJS.ErrnoException) => finish(error.code === "ECONNREFUSED" ? this.refused(server) : new DnsQueryError(error.code ?? "EUNKNOWN", `${error.message} (${server.label}, TCP)`)));
      socket.once("close", () => finish(new DnsQueryError("EBADRESP", `${server.label} closed the TCP connection without an answer`)));
    });
  }
}
