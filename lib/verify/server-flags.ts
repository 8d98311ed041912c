/**
 * The command-line flags that choose the DNS servers, shared by `verify` and `onboard`:
 * `--resolver`, `--recursive-resolver`, `--authoritative`, `--nameserver NAME=IP[:PORT]`,
 * `--timeout`, `--retries`: their `util.parseArgs` definitions and how they are read into
 * `DnsServerOptions` (see `DnsRoles`).
 */
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS } from "./live-dns";
import type { DnsServerOptions } from "./dns-roles";

/** The `util.parseArgs` definitions of the server flags. */
export const SERVER_FLAG_OPTIONS = {
  resolver: { type: "string" },
  "recursive-resolver": { type: "string" },
  authoritative: { type: "boolean" },
  nameserver: { type: "string", multiple: true },
  timeout: { type: "string" },
  retries: { type: "string" },
} as const;

/** The server flags as `util.parseArgs` returns them. */
export interface ServerFlagValues {
  readonly resolver?: string;
  readonly "recursive-resolver"?: string;
  readonly authoritative?: boolean;
  readonly nameserver?: readonly string[];
  readonly timeout?: string;
  readonly retries?: string;
}

/** The server flags, read (the fields of `DnsServerOptions` that were given, timeout and retries always). */
export interface ServerFlags {
  /**
   * `--resolver HOST[:PORT]`.
   * @default - the system resolver
   */
  readonly resolver?: string;
  /**
   * `--recursive-resolver HOST[:PORT]`.
   * @default - the system resolver
   */
  readonly recursiveResolver?: string;
  /**
   * `--authoritative`.
   * @default - not given
   */
  readonly authoritative?: true;
  /**
   * `--nameserver NAME=IP[:PORT]`, by name (lower case, no trailing dot).
   * @default - none given
   */
  readonly nameServers?: Readonly<Record<string, string>>;
  /** `--timeout MS`, or the default (5000). */
  readonly timeoutMs: number;
  /** `--retries N`, or the default (2). */
  readonly retries: number;
}

/** A whole number flag from `min` to `max`; a problem (and `fallback`) otherwise. */
export function integerFlag(flag: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`--${flag}: got "${raw}"; it must be a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

/** Reads the server flags; every problem is added to `problems` (one line each, naming the flag). */
export function readServerFlags(v: ServerFlagValues, problems: string[]): ServerFlags {
  if (v.authoritative && v.resolver !== undefined) problems.push("--authoritative and --resolver cannot be combined: --authoritative asks the zone's own name servers; give one of them.");
  if (v.nameserver !== undefined && !v.authoritative) problems.push("--nameserver needs --authoritative (it gives a name server's address).");
  const nameServers: Record<string, string> = {};
  for (const entry of v.nameserver ?? []) {
    const match = /^([A-Za-z0-9._-]+)=(\S+)$/.exec(entry);
    if (match === null) problems.push(`--nameserver: got "${entry}"; write it as NAME=IP[:PORT], e.g. ns1.firma.de=192.0.2.1 or ns1.firma.de=127.0.0.1:5353.`);
    else nameServers[match[1].toLowerCase().replace(/\.$/, "")] = match[2];
  }
  const timeoutMs = integerFlag("timeout", v.timeout, DEFAULT_TIMEOUT_MS, 1, 600000, problems);
  const retries = integerFlag("retries", v.retries, DEFAULT_RETRIES, 0, 10, problems);
  return {
    ...(v.resolver !== undefined ? { resolver: v.resolver } : {}),
    ...(v["recursive-resolver"] !== undefined ? { recursiveResolver: v["recursive-resolver"] } : {}),
    ...(v.authoritative ? { authoritative: true as const } : {}),
    ...(Object.keys(nameServers).length > 0 ? { nameServers } : {}),
    timeoutMs,
    retries,
  };
}

/** The server options of `DnsServerOptions` out of a command's parsed flags (nothing else of the command). */
export function serverOptionsOf(flags: ServerFlags): DnsServerOptions {
  const { resolver, recursiveResolver, authoritative, nameServers, timeoutMs, retries } = flags;
  return { resolver, recursiveResolver, authoritative, nameServers, timeoutMs, retries };
}
