/**
 * Host-name rules shared by the domain, server names, SPF includes, DKIM selectors and
 * report addresses. IDN → punycode is `url.domainToASCII` (WHATWG/UTS #46); the label
 * rules are RFC 1035 §2.3.1 / RFC 1123 §2.1 (letters, digits, hyphen; 1–63 octets; ≤253 in all).
 */
import * as net from "net";
import { domainToASCII } from "url";

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** DNS names that are not host names (SPF includes, DKIM selectors) may also use underscores (RFC 2181 §11). */
const DNS_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** The outcome of normalising a host name: the ASCII form, or why it is not one. */
export type HostNameResult = { readonly ok: true; readonly ascii: string } | { readonly ok: false; readonly rule: string };

/**
 * Normalises a host name (IDN → punycode, lower case, one trailing dot removed) and checks it.
 * `minLabels` is 2 for domains, 1 for labels relative to a domain.
 */
export function normaliseHostName(input: unknown, minLabels = 2, allowUnderscore = false): HostNameResult {
  if (typeof input !== "string" || input.trim() === "") {
    return { ok: false, rule: "must be a non-empty host name" };
  }
  if (input !== input.trim()) return { ok: false, rule: "must not have leading or trailing white space" };
  const withoutDot = input.endsWith(".") ? input.slice(0, -1) : input;
  const bare = withoutDot.startsWith("[") && withoutDot.endsWith("]") ? withoutDot.slice(1, -1) : withoutDot;
  if (net.isIP(bare) !== 0) {
    return { ok: false, rule: "must be a host name, not an IP address" };
  }
  if (withoutDot.includes("*")) return { ok: false, rule: "must not contain a wildcard (*)" };
  const ascii = domainToASCII(withoutDot).toLowerCase();
  if (ascii === "") return { ok: false, rule: "must be a valid host name (IDN conversion to punycode failed)" };
  if (ascii.length > 253) return { ok: false, rule: `must be at most 253 characters in punycode, has ${ascii.length}` };
  const labels = ascii.split(".");
  if (labels.length < minLabels) {
    return { ok: false, rule: minLabels === 2 ? "must have at least two labels (e.g. firma.de)" : "must not be empty" };
  }
  for (const label of labels) {
    if (label.length === 0) return { ok: false, rule: "must not contain an empty label (two dots in a row)" };
    if (label.length > 63) return { ok: false, rule: `labels must be 1-63 characters, "${label.slice(0, 20)}..." has ${label.length}` };
    if (!(allowUnderscore ? DNS_LABEL : LDH_LABEL).test(label)) {
      return {
        ok: false,
        rule: allowUnderscore
          ? `label "${label}" may hold only letters, digits, underscores and inner hyphens`
          : `label "${label}" may hold only letters, digits and inner hyphens (RFC 1123)`,
      };
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]) && labels.length > 1) {
    return { ok: false, rule: "the last label must not be all digits" };
  }
  return { ok: true, ascii };
}

/** Whether `name` is `domain` itself or a name below it (both normalised). */
export function isWithinDomain(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}
