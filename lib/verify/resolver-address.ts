/**
 * `--resolver HOST[:PORT]`, `--recursive-resolver HOST[:PORT]`, `--nameserver NAME=IP[:PORT]`:
 * DNS servers given on the command line. IPv4 `192.0.2.53`, `192.0.2.53:5353`; IPv6
 * `2001:db8::53`, `[2001:db8::53]:5353`; a host name is looked up once.
 */
import type * as Dns from "dns";
import * as net from "net";
import { DnsServer } from "./dns-query";
import { VerifyInputError } from "./verify-input-error";

const DEFAULT_PORT = 53;

/** `host` or `host:port` (`[v6]:port`), the form messages show. */
export function serverAddress(host: string, port: number): string {
  if (port === DEFAULT_PORT) return host;
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

function badResolverOf(spec: string, rule: string, flag: string): VerifyInputError {
  return new VerifyInputError([`${flag}: got "${spec}"; ${rule}. Write it as 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:5353 or a host name.`]);
}

/** Splits `spec` into host and port without looking anything up. */
export function parseResolverSpec(spec: string, flag = "--resolver"): { readonly host: string; readonly port: number } {
  const badResolver = (s: string, rule: string) => badResolverOf(s, rule, flag);
  const text = spec.trim();
  let host = text;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1];
    portText = bracketed[2];
    if (!net.isIPv6(host)) throw badResolver(spec, "only an IPv6 address goes in brackets");
  } else if (net.isIPv6(text)) {
    host = text;
  } else if (text.includes(":")) {
    const at = text.lastIndexOf(":");
    host = text.slice(0, at);
    portText = text.slice(at + 1);
    if (host.includes(":")) throw badResolver(spec, "an IPv6 address with a port needs brackets");
  }
  if (host === "") throw badResolver(spec, "the host is empty");
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!/^\d+$/.test(portText ?? "53") || port < 1 || port > 65535) throw badResolver(spec, "the port must be 1-65535");
  if (net.isIP(host) === 0 && !/^[A-Za-z0-9.-]+$/.test(host)) throw badResolver(spec, "the host is neither an IP address nor a host name");
  return { host, port };
}

/**
 * The server `spec` names; a host name is resolved with the system resolver.
 * @throws VerifyInputError when `spec` is malformed or its host name does not resolve
 */
export async function resolverServer(spec: string, flag = "--resolver"): Promise<DnsServer> {
  const { host, port } = parseResolverSpec(spec, flag);
  if (net.isIP(host) !== 0) return { host, port, label: serverAddress(host, port) };
  try {
    // `dns` is loaded here, not at import: importing the package should not pay for it.
    const { address } = await (require("dns") as typeof Dns).promises.lookup(host);
    return { host: address, port, label: serverAddress(address, port) };
  } catch (error) {
    throw badResolverOf(spec, `its host name does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, flag);
  }
}

/** The system resolver's servers (`/etc/resolv.conf`), as Node reads them. */
export function systemServers(): DnsServer[] {
  const servers = (require("dns") as typeof Dns).getServers();
  return servers.map((entry) => {
    const { host, port } = parseResolverSpec(entry);
    return { host, port, label: serverAddress(host, port) };
  });
}
