/**
 * Record data in presentation form (RFC 1035 §5.1), as `DnsRrset` holds it: canonical forms
 * for comparing expected and live values, TXT character-strings, and set differences.
 */
import { absoluteName, quoteCharacterString } from "../plan/dns-rrset";
import { parseQuotedStrings } from "../providers/published/character-strings";

/** Quotes a character-string; one over 255 bytes (never in DNS) is quoted without the limit. */
export function quoteForDisplay(text: string): string {
  try {
    return quoteCharacterString(text);
  } catch {
    return JSON.stringify(text);
  }
}

/** The character-strings of a TXT rdata (`"a" "b"` → `["a", "b"]`); the text itself if it is not quoted. */
export function txtStrings(rdata: string): string[] {
  const parsed = parseQuotedStrings(rdata);
  return "strings" in parsed ? parsed.strings : [rdata];
}

/** Texts already read: the checks read the same values (mail-connect's key, the SPF record) many times per run. */
const TEXTS = new Map<string, string>();
const MAX_CACHED_TEXTS = 10000;

/** The whole text of a TXT rdata, as mail validators read it (its character-strings joined). */
export function txtText(rdata: string): string {
  let text = TEXTS.get(rdata);
  if (text === undefined) {
    text = txtStrings(rdata).join("");
    if (TEXTS.size >= MAX_CACHED_TEXTS) TEXTS.clear();
    TEXTS.set(rdata, text);
  }
  return text;
}

/** A TXT value from its character-strings. */
export function txtRdata(strings: readonly string[]): string {
  return strings.map(quoteForDisplay).join(" ");
}

function host(name: string): string {
  return name === "" || name === "." ? "." : absoluteName(name.toLowerCase());
}

/**
 * The canonical form of one rdata of `type`: host names lower case and absolute, numbers
 * without leading zeros, TXT re-quoted with the one escaping `quoteCharacterString` uses.
 */
export function canonicalRdata(type: string, rdata: string): string {
  const fields = rdata.trim().split(/\s+/);
  switch (type) {
    case "MX":
      return fields.length === 2 ? `${Number(fields[0])} ${host(fields[1])}` : rdata;
    case "CNAME":
      return host(rdata.trim());
    case "SRV":
      return fields.length === 4 ? `${fields.slice(0, 3).map(Number).join(" ")} ${host(fields[3])}` : rdata;
    case "TXT":
      return txtRdata(txtStrings(rdata));
    default:
      return rdata.trim();
  }
}

/** Values of `expected` that `found` lacks, and values of `found` not in `expected` (order-insensitive). */
export function diffValues(expected: readonly string[], found: readonly string[]): { missing: string[]; extra: string[] } {
  return { missing: expected.filter((v) => !found.includes(v)), extra: found.filter((v) => !expected.includes(v)) };
}

/** Whether two value lists hold the same values (as sets: order does not matter). */
export function sameValues(expected: readonly string[], found: readonly string[]): boolean {
  const d = diffValues(expected, found);
  return d.missing.length === 0 && d.extra.length === 0 && new Set(expected).size === new Set(found).size;
}

/** Values in a stable order, numbers compared as numbers (`10 a.` before `20 b.` before `100 c.`). */
export function sortValues(values: readonly string[]): string[] {
  return [...values].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Whether a TXT text is an SPF record: the planner's rule, shared by every check. */
export { isSpfText } from "../plan/txt-strings";
