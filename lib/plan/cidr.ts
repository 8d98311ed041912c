/**
 * IPv4/IPv6 addresses and networks: parsing, canonical form and the host-bits-zero rule.
 * `net.isIP` validates, `net.SocketAddress` gives the canonical (RFC 5952) IPv6 text;
 * only the prefix masking is done here, on bytes.
 */
import * as net from "net";

/** A parsed address or network. */
export interface ParsedNetwork {
  readonly family: 4 | 6;
  /** The address as given, canonicalised (lowercase, compressed IPv6). */
  readonly address: string;
  /** Prefix length; 32 or 128 when a bare address was given. */
  readonly prefix: number;
  /** Whether a `/prefix` was written. */
  readonly hasPrefix: boolean;
  /** The network address (host bits cleared), canonical text. */
  readonly networkAddress: string;
  /** `networkAddress/prefix`: the canonical form of the network. */
  readonly canonical: string;
  /** Whether host bits were set (e.g. `10.0.0.1/8`). */
  readonly hostBitsSet: boolean;
}

function ipv4Bytes(address: string): number[] {
  return address.split(".").map((part) => Number(part));
}

function ipv6Bytes(address: string): number[] {
  let text = address;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    const v4 = ipv4Bytes(last);
    tail.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]);
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const [head, rest] = text.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":").filter((g) => g !== "") : []);
  const headGroups = groups(head);
  const restGroups = groups(rest);
  let words: number[];
  if (rest === undefined) {
    words = headGroups.map((g) => parseInt(g, 16));
  } else {
    const missing = 8 - headGroups.length - restGroups.length;
    words = [...headGroups, ...Array(missing).fill("0"), ...restGroups].map((g) => parseInt(g, 16));
  }
  if (tail.length === 2) words.splice(6, 2, tail[0], tail[1]);
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

function bytesToText(family: 4 | 6, bytes: number[]): string {
  if (family === 4) return bytes.join(".");
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return canonicalIpv6(words.join(":"));
}

function canonicalIpv6(address: string): string {
  return new net.SocketAddress({ address, family: "ipv6" }).address;
}

/**
 * Parses `address` or `address/prefix`. Returns undefined when it is neither a valid
 * IPv4/IPv6 address nor a network with a valid prefix.
 */
export function parseNetwork(text: string): ParsedNetwork | undefined {
  if (typeof text !== "string") return undefined;
  const slash = text.indexOf("/");
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  if (addressText.includes("%")) return undefined; // zone indexes are not addresses
  const version = net.isIP(addressText);
  if (version === 0) return undefined;
  const family = version as 4 | 6;
  const maxPrefix = family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (prefix > maxPrefix) return undefined;
  const bytes = family === 4 ? ipv4Bytes(addressText) : ipv6Bytes(addressText);
  const masked = bytes.map((byte, index) => {
    const bitsHere = Math.max(0, Math.min(8, prefix - index * 8));
    const mask = bitsHere === 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
    return byte & mask;
  });
  const address = family === 4 ? addressText : canonicalIpv6(addressText);
  const networkAddress = bytesToText(family, masked);
  return {
    family,
    address,
    prefix,
    hasPrefix: prefixText !== undefined,
    networkAddress,
    canonical: `${networkAddress}/${prefix}`,
    hostBitsSet: masked.some((byte, index) => byte !== bytes[index]),
  };
}
