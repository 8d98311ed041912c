/**
 * Host-name rules shared by the domain, server names, SPF includes, DKIM selectors, report
 * addresses, zone names and the zone-file export. The label rules are RFC 1035 §2.3.1 /
 * RFC 1123 §2.1 (letters, digits, hyphen; 1–63 octets; ≤253 in all).
 *
 * Names are refused, never altered: `url.domainToASCII` (WHATWG/UTS #46) cuts a name at
 * `/ \ ? #`, decodes `%xx`, drops tab/CR/LF and reads all-digit names as IPv4 numbers, so
 * `firma.de/kontakt` would silently become `firma.de`. Here every ASCII character must be one
 * a DNS name holds, ASCII labels are only lower-cased, and a label with other characters must
 * come back unchanged from punycode (`bücher` ⇄ `xn--bcher-kva`); anything else is refused
 * with the name the user probably meant.
 */
import * as net from "net";
import { domainToASCII, domainToUnicode } from "url";

/** The longest DNS name in presentation form without the trailing dot (RFC 1035 §2.3.4: 255 octets on the wire). */
export const MAX_DNS_NAME_LENGTH = 253;

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** DNS names that are not host names (SPF includes, DKIM selectors) may also use underscores (RFC 2181 §11). */
const DNS_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
/** ASCII characters a DNS name may hold in this library; any other ASCII character is refused. */
const NAME_ASCII = /^[A-Za-z0-9._-]$/;
/**
 * A last label the WHATWG URL parser reads as a number (`1`, `0x1f`): such a "domain" is an
 * IPv4 address to browsers and mail software (URL Standard, "ends in a number checker").
 */
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/;

/** The outcome of normalising a host name: the ASCII form, or why it is not one. */
export type HostNameResult = { readonly ok: true; readonly ascii: string } | { readonly ok: false; readonly rule: string };

/** A character for a message: `"/"`, `"\t"`, `" "`. */
function describeCharacter(ch: string): string {
  return ch === " " ? "a space" : JSON.stringify(ch);
}

/**
 * What a user probably meant by a name that holds a URL, a mail address or an escape:
 * `https://firma.de/kontakt` → `firma.de`, `fir%6Da.de` → `firma.de`. Undefined when no
 * valid name is left.
 */
export function probableHostName(input: string, minLabels = 2, allowUnderscore = false): string | undefined {
  let text = input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^mailto:/i, "");
  if (text.includes("@")) text = text.slice(text.lastIndexOf("@") + 1);
  try {
    text = decodeURIComponent(text);
  } catch {
    // keep the text as it is
  }
  text = text.split(/[/\\?#:;,]/)[0];
  if (text === input || text === "") return undefined;
  const result = normaliseHostName(text, minLabels, allowUnderscore);
  return result.ok ? result.ascii : undefined;
}

/** One label in ASCII (IDN → punycode), or why it cannot be one without being changed. */
function labelToAscii(label: string): { ascii: string } | { rule: string } {
  if (/^[\x00-\x7f]*$/.test(label)) {
    const lower = label.toLowerCase();
    // An ASCII punycode label must decode (`xn--zz` does not).
    if (lower.startsWith("xn--") && domainToASCII(lower) !== lower) return { rule: `label "${label}" is not valid punycode` };
    return { ascii: lower };
  }
  // Converted label by label: the whole name would be read as an IPv4 number when its last
  // label is all digits (`s1.2024`), and UTS #46 maps some characters to dots (`。`).
  const ascii = domainToASCII(label).toLowerCase();
  if (ascii === "" || ascii.includes(".")) {
    return { rule: `label "${label}" is not a valid internationalised label (IDN conversion ${ascii === "" ? "fails" : `turns it into "${ascii}"`})` };
  }
  const back = domainToUnicode(ascii);
  if (back !== label.normalize("NFC").toLowerCase()) {
    return { rule: `label "${label}" would be changed by IDN conversion to "${back}" (${ascii}); write it as "${back}"` };
  }
  return { ascii };
}

/**
 * Normalises a host name (IDN → punycode, lower case, one trailing dot removed) and checks it.
 * `minLabels` is 2 for domains, 1 for labels relative to a domain. Refuses every name that
 * conversion would change beyond case and punycode.
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
  const foreign = [...withoutDot].find((ch) => ch < "\x80" && !NAME_ASCII.test(ch));
  if (foreign !== undefined) {
    const meant = probableHostName(input, minLabels, allowUnderscore);
    return {
      ok: false,
      rule: `contains ${describeCharacter(foreign)}, which no host name holds${meant === undefined ? "" : ` (did you mean "${meant}"?)`}`,
    };
  }
  const labels: string[] = [];
  for (const label of withoutDot.split(".")) {
    if (label.length === 0) {
      return { ok: false, rule: minLabels === 1 && withoutDot === "" ? "must not be empty" : "must not contain an empty label (two dots in a row)" };
    }
    const converted = labelToAscii(label);
    if ("rule" in converted) return { ok: false, rule: converted.rule };
    labels.push(converted.ascii);
  }
  const ascii = labels.join(".");
  if (ascii.length > MAX_DNS_NAME_LENGTH) {
    return { ok: false, rule: `must be at most ${MAX_DNS_NAME_LENGTH} characters in punycode, has ${ascii.length}` };
  }
  if (labels.length < minLabels) {
    return { ok: false, rule: minLabels === 2 ? "must have at least two labels (e.g. firma.de)" : "must not be empty" };
  }
  for (const label of labels) {
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
  // Only a domain's last label matters here: an all-digit label inside a name (a date-style
  // DKIM selector such as `20230601` or `s1.2024`) is a valid DNS label (RFC 2181 §11).
  if (minLabels >= 2 && NUMERIC_LABEL.test(labels[labels.length - 1])) {
    return { ok: false, rule: "the last label must not be a number (the name would read as an IPv4 address)" };
  }
  return { ok: true, ascii };
}

/** Whether `name` is `domain` itself or a name below it (both normalised). */
export function isWithinDomain(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}
