/**
 * `--resolver HOST[:PORT]`: one DNS server to ask instead of the system resolver. IPv4
 * `192.0.2.53`, `192.0.2.53:5353`; IPv6 `2001:db8::53`, `[2001:db8::53]:5353`; a host name
 * is looked up once. Returns the form `dns.Resolver#setServers` takes.
 */
import type * as Dns from "dns";
import * as net from "net";
import { VerifyInputError } from "./verify-input-error";

const DEFAULT_PORT = 53;

function server(host: string, port: number): string {
  if (port === DEFAULT_PORT) return host;
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

function badResolver(spec: string, rule: string): VerifyInputError {
  return new VerifyInputError([`--resolver: got "${spec}"; ${rule}. Write it as 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:5353 or a host name.`]);
}

/** Splits `spec` into host and port without looking anything up. */
export function parseResolverSpec(spec: string): { readonly host: string; readonly port: number } {
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
 * The `setServers` entry for `spec`; a host name is resolved with the system resolver.
 * @throws VerifyInputError when `spec` is malformed or its host name does not resolve
 */
export async function resolverServer(spec: string): Promise<string> {
  const { host, port } = parseResolverSpec(spec);
  if (net.isIP(host) !== 0) return server(host, port);
  try {
    const { address } = await (require("dns") as typeof Dns).promises.lookup(host); // loaded lazily, see live-dns.ts
    return server(address, port);
  } catch (error) {
    throw badResolver(spec, `its host name does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
