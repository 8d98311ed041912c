/**
 * Asking the test named, and only it: a Node resolver pointed at 127.0.0.1:PORT, and `dig`
 * for what Node does not report (TTLs, rdata in presentation format).
 */
import { spawnSync } from "child_process";
import { promises as dns } from "dns";
import { findBindProgram } from "./bind-binaries";

/** Where the server listens. */
export interface DnsEndpoint {
  readonly host: string;
  readonly port: number;
}

/** One resource record in presentation format, as dig or named-checkzone print it. */
export interface PresentationRecord {
  /** Owner name, lowercase, without trailing dot. */
  readonly name: string;
  readonly ttl: number;
  readonly type: string;
  readonly rdata: string;
}

/**
 * A `dns.promises.Resolver` that asks only `server`. Node (c-ares) takes `ip:port` in
 * `setServers` and retries over TCP on the same address when a UDP answer is truncated.
 */
export function bindResolver(server: DnsEndpoint): dns.Resolver {
  const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([`${server.host}:${server.port}`]);
  return resolver;
}

/** The error code a DNS query ends with (`ENOTFOUND` = NXDOMAIN, `ENODATA` = NODATA), or `"answered"`. */
export async function dnsOutcome(query: Promise<unknown>): Promise<string> {
  try {
    await query;
    return "answered";
  } catch (error) {
    return String((error as NodeJS.ErrnoException).code);
  }
}

/** Parses `name ttl IN type rdata` lines (dig +noall +answer, named-checkzone -D). */
export function parsePresentationLines(text: string): PresentationRecord[] {
  return text
    .split("\n")
    .map((line) => /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*\S)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1].replace(/\.$/, "").toLowerCase(), ttl: Number(m[2]), type: m[3], rdata: m[4] }));
}

/** One question for dig. */
export interface DnsQuestion {
  readonly name: string;
  readonly type: string;
}

/**
 * The answer sections for several questions from `server`, asked with one dig run (no
 * recursion; over TCP if `tcp`). The records of all answers come back in one list.
 */
export function digAnswers(server: DnsEndpoint, questions: readonly DnsQuestion[], tcp = false): PresentationRecord[] {
  const dig = findBindProgram("dig");
  const options = [tcp ? "+tcp" : "+notcp", "+norecurse", "+noall", "+answer", "+time=2", "+tries=1", "-p", String(server.port), `@${server.host}`];
  const run = spawnSync(dig, [...options, ...questions.flatMap((q) => [q.name, q.type])], { encoding: "utf8", timeout: 20000 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`dig failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
  return parsePresentationLines(run.stdout);
}

/** The answer section for one question (see {@link digAnswers}). */
export function digAnswer(server: DnsEndpoint, name: string, type: string, tcp = false): PresentationRecord[] {
  return digAnswers(server, [{ name, type }], tcp);
}
