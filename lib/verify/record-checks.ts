/**
 * The record rows: every expected RRset present with exactly the expected data, and every
 * forbidden record absent. Values are compared in canonical presentation form, order-insensitive
 * across records; TXT by its text, since SPF, DKIM and DMARC join a record's character-strings
 * (RFC 7208 §3.3, RFC 6376 §3.6.2.2, RFC 9989 §4.5): another split passes with a note. A TTL
 * other than the planned one (read where the answer is authoritative) and a CNAME followed are
 * notes; a CNAME loop is a mismatch.
 */
import { DnsRrset } from "../plan/dns-rrset";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { autoSetupNames, ExpectedMailDomain, ForbiddenRecord } from "./expected-domain";
import { DnsLookup, LookupResult, LookupType } from "./live-dns";
import { canonicalRdata, diffValues, isSpfText, sameValues, sortValues, txtStrings, txtText } from "./rdata";
import { VerifyCheck, VerifyCheckKind, VerifyStatus } from "./verify-report";

function row(check: VerifyCheckKind, set: Pick<DnsRrset, "name" | "type">, status: VerifyStatus, expected: readonly string[], found: readonly string[], hint?: string, note?: string): VerifyCheck {
  return { check, label: recordLabel(check, set), name: set.name, type: set.type, status, expected, found, ...(hint !== undefined ? { hint } : {}), ...(note !== undefined && note !== "" ? { note } : {}) };
}

/** The texts of TXT values (character-strings joined), sorted: what mail validators compare. */
function texts(values: readonly string[]): string[] {
  return values.map(txtText).sort();
}

/** Whether TXT values hold the same texts, however split. */
function sameTexts(expected: readonly string[], found: readonly string[]): boolean {
  return JSON.stringify(texts(expected)) === JSON.stringify(texts(found));
}

/** The note for TXT values with the same text in other character-strings, or undefined. */
function splitNote(expected: readonly string[], found: readonly string[]): string | undefined {
  if (sameValues(expected, found)) return undefined;
  const sizes = (values: readonly string[]) => values.map((v) => txtStrings(v).map((s) => Buffer.byteLength(s)).join("+")).join(", ");
  return `split ${sizes(found)} bytes (planned ${sizes(expected)}), same text; receivers join the strings`;
}

/** Notes on how a passing answer came: the CNAME chain followed, a TTL other than the planned one. */
function answerNotes(set: Pick<DnsRrset, "name" | "ttl">, result: LookupResult): string[] {
  if (result.status !== "found") return [];
  if (result.via !== undefined) return [`via CNAME ${[set.name, ...result.via].join(" → ")}`];
  // Only an authoritative answer carries the zone's TTL (a cache counts it down); TTL 1 is
  // Cloudflare's "automatic" (https://developers.cloudflare.com/dns/manage-dns-records/reference/ttl/).
  if (result.authoritative === true && result.ttl !== undefined && set.ttl > 1 && result.ttl !== set.ttl) return [`TTL ${result.ttl} s, planned ${set.ttl} s`];
  return [];
}

function notes(...parts: (string | undefined | string[])[]): string | undefined {
  const all = parts.flat().filter((p): p is string => p !== undefined && p !== "");
  return all.length > 0 ? all.join("; ") : undefined;
}

/** The hint for a name that is a CNAME loop or a CNAME to a name without the record, or undefined. */
function cnameProblem(name: string, type: string, result: LookupResult): string | undefined {
  if (result.status !== "none" || result.via === undefined) return undefined;
  const chain = [name, ...result.via].join(" → ");
  if (result.reason === "CNAME_LOOP") return `${name} is a CNAME loop (${chain}): resolvers answer SERVFAIL, so the record is missing for everyone. Replace the CNAMEs with the expected record.`;
  return `${name} is a CNAME (${chain}), and ${result.via[result.via.length - 1]} has no ${type} record (${result.reason}).`;
}

function errorRow(check: VerifyCheckKind, set: Pick<DnsRrset, "name" | "type">, expected: readonly string[], result: LookupResult & { status: "error" }): VerifyCheck {
  return row(check, set, "error", expected, [], `Could not check: ${result.message}.`);
}

/** Live values in canonical form, sorted (servers rotate the order of an RRset's records). */
function foundValues(type: string, result: LookupResult): string[] {
  return result.status === "found" ? sortValues(result.rdata.map((r) => canonicalRdata(type, r))) : [];
}

const MISSING: Partial<Record<VerifyCheckKind, string>> = {
  mx: "No MX: mail for the domain does not reach mail-connect. mail-connect needs it even for a domain that only sends (bounces, anti-spam).",
  dkim: "No DKIM key: receivers cannot verify mail-connect's signatures, and DMARC fails unless SPF aligns.",
  dmarc: "No DMARC record: receivers apply no policy to mail that fails SPF and DKIM.",
  autoconfig: "Missing: Thunderbird, Evolution and KMail cannot set up accounts automatically.",
  autodiscover: "Missing: Outlook cannot set up accounts automatically.",
};

function listed(values: readonly string[]): string {
  return values.join(", ");
}

/** The hint for a set that differs from the expected one. */
function differenceHint(kind: VerifyCheckKind, domain: string, expected: readonly string[], found: readonly string[]): string {
  const { missing, extra } = diffValues(expected, found);
  if (kind === "mx") {
    if (missing.length === 0) {
      return `Remove ${listed(extra)}: mail-connect needs exactly one MX (${listed(expected)}); ${MAIL_CONNECT.mx.exchange} carries several redundant MX nodes itself.`;
    }
    return `The MX points to ${listed(found)}, not ${listed(expected)}: mail for ${domain} does not reach mail-connect.`;
  }
  if (kind === "dkim") return "The published key record differs from the expected one: mail-connect's signatures will not verify with it.";
  return `${missing.length > 0 ? `Missing: ${listed(missing)}. ` : ""}${extra.length > 0 ? `Not expected: ${listed(extra)}.` : ""}`.trim();
}

/** An expected CNAME; when it is missing, an A/AAAA record there gets the right hint. */
async function cnameRows(dns: DnsLookup, kind: VerifyCheckKind, set: DnsRrset, expected: string[]): Promise<VerifyCheck[]> {
  const result = await dns.lookup(set.name, "CNAME");
  if (result.status === "error") return [errorRow(kind, set, expected, result)];
  const found = foundValues("CNAME", result);
  if (sameValues(expected, found)) return [row(kind, set, "ok", expected, found, undefined, notes(answerNotes(set, result)))];
  if (found.length > 0) return [row(kind, set, "mismatch", expected, found, `The CNAME points to ${listed(found)}, not ${listed(expected)}.`)];
  const addresses: string[] = [];
  for (const type of ["A", "AAAA"] as const) {
    const a = await dns.lookup(set.name, type);
    if (a.status === "found") addresses.push(...sortValues(a.rdata).map((ip) => `${type} ${ip}`));
  }
  if (addresses.length > 0) {
    return [row(kind, set, "mismatch", expected, addresses, `An address record instead of the CNAME to ${listed(expected)}: mail-connect's IP addresses change without notice (article), so this name will break. Delete the address record and publish the CNAME.`)];
  }
  return [row(kind, set, "mismatch", expected, [], MISSING[kind] ?? "Missing: publish it (cdktf deploy) or check that the zone is served by this DNS provider.")];
}

/** The apex TXT RRset: one row for SPF (exactly one SPF record, as expected), one for other expected texts. */
async function apexTxtRows(dns: DnsLookup, domain: string, set: DnsRrset, expectedAll: string[]): Promise<VerifyCheck[]> {
  const result = await dns.lookup(set.name, "TXT");
  const expectedSpf = expectedAll.filter((v) => isSpfText(txtText(v)));
  const expectedOther = expectedAll.filter((v) => !isSpfText(txtText(v)));
  if (result.status === "error") {
    return [errorRow("spf", set, expectedSpf, result), ...(expectedOther.length > 0 ? [errorRow("txt", set, expectedOther, result)] : [])];
  }
  const found = foundValues("TXT", result);
  const foundSpf = found.filter((v) => isSpfText(txtText(v)));
  const foundOther = found.filter((v) => !isSpfText(txtText(v)));
  const rows: VerifyCheck[] = [];
  const via = result.status === "found" && result.via !== undefined ? `Found through the CNAME ${[set.name, ...result.via].join(" → ")}. ` : "";
  if (sameTexts(expectedSpf, foundSpf)) {
    rows.push(row("spf", set, "ok", expectedSpf, foundSpf, undefined, notes(splitNote(expectedSpf, foundSpf), answerNotes(set, result))));
  } else if (foundSpf.length === 0) {
    rows.push(row("spf", set, "mismatch", expectedSpf, [], cnameProblem(set.name, "TXT", result) ?? "No SPF record: receivers cannot tell mail-connect's servers are allowed to send for the domain."));
  } else if (foundSpf.length > 1) {
    rows.push(row("spf", set, "mismatch", expectedSpf, foundSpf, `${foundSpf.length} SPF records: receivers return permerror, so SPF fails (RFC 7208 §3.2). Merge them into one record.`));
  } else if (expectedSpf.length === 1) {
    const words = (v: string) => txtText(v).trim().split(/\s+/);
    const missing = words(expectedSpf[0]).filter((w) => !words(foundSpf[0]).includes(w));
    const extra = words(foundSpf[0]).filter((w) => !words(expectedSpf[0]).includes(w));
    const hint = missing.length + extra.length > 0 ? `${missing.length > 0 ? `Terms missing: ${missing.join(" ")}. ` : ""}${extra.length > 0 ? `Terms not expected: ${extra.join(" ")}.` : ""}`.trim() : "The terms are in another order.";
    rows.push(row("spf", set, "mismatch", expectedSpf, foundSpf, `${via}${hint}`));
  } else {
    rows.push(row("spf", set, "mismatch", expectedSpf, foundSpf, "An SPF record the deployment does not publish."));
  }
  if (expectedOther.length > 0) {
    const foundTexts = texts(foundOther);
    const absent = expectedOther.filter((v) => !foundTexts.includes(txtText(v)));
    const split = expectedOther.some((v) => !foundOther.includes(v)) && absent.length === 0 ? "split differently, same texts; receivers join the strings" : undefined;
    const status = absent.length === 0 ? "ok" : "mismatch";
    rows.push(row("txt", set, status, expectedOther, foundOther, absent.length === 0 ? undefined : `Missing: ${listed(absent)}. (Other TXT values at ${domain} are allowed.)`, notes(split)));
  }
  return rows;
}

/** The rows for one expected RRset. */
export async function expectedRrsetRows(dns: DnsLookup, domain: string, set: DnsRrset): Promise<VerifyCheck[]> {
  const kind = recordKind(domain, set);
  const expected = set.rdata.map((r) => canonicalRdata(set.type, r));
  if (kind === "spf") return apexTxtRows(dns, domain, set, expected);
  if (set.type === "CNAME") return cnameRows(dns, kind, set, expected);
  const result = await dns.lookup(set.name, set.type as LookupType);
  if (result.status === "error") return [errorRow(kind, set, expected, result)];
  const found = foundValues(set.type, result);
  const isTxt = set.type === "TXT";
  if (isTxt ? sameTexts(expected, found) : sameValues(expected, found)) {
    return [row(kind, set, "ok", expected, found, undefined, notes(isTxt ? splitNote(expected, found) : undefined, answerNotes(set, result)))];
  }
  const missing = MISSING[kind] ?? "Missing: publish it (cdktf deploy) or check that the zone is served by this DNS provider.";
  if (found.length === 0) return [row(kind, set, "mismatch", expected, [], [cnameProblem(set.name, set.type, result), missing].filter((h) => h !== undefined).join(" "))];
  const via = result.status === "found" && result.via !== undefined ? `Found through the CNAME ${[set.name, ...result.via].join(" → ")}. ` : "";
  return [row(kind, set, "mismatch", expected, found, `${via}${differenceHint(kind, domain, expected, found)}`)];
}

/** The row for a record that must not exist. */
export async function forbiddenRecordRow(dns: DnsLookup, domain: string, record: ForbiddenRecord): Promise<VerifyCheck> {
  const kind = recordKind(domain, record);
  const result = await dns.lookup(record.name, record.type as LookupType);
  if (result.status === "error") return errorRow(kind, record, [], result);
  const found = foundValues(record.type, result);
  const target = (value: string) => value.trim().split(/\s+/).pop()?.toLowerCase();
  const offending = record.pointsAt === undefined ? found : found.filter((value) => target(value) === record.pointsAt);
  if (offending.length === 0) return row(kind, record, "ok", [], found);
  return row(kind, record, "mismatch", [], found, `${record.why} Remove it.`);
}

/** The order record rows are shown in, whatever order the expectation lists its RRsets in. */
const KIND_ORDER: readonly VerifyCheckKind[] = ["mx", "autoconfig", "autodiscover", "spf", "txt", "dkim", "dmarc", "server-name", "record"];

/** Every record row of one domain (expected and forbidden), MX first, in the order of {@link KIND_ORDER}. */
export async function recordRows(dns: DnsLookup, expected: ExpectedMailDomain): Promise<VerifyCheck[]> {
  const rows = await Promise.all([
    ...expected.rrsets.map((set) => expectedRrsetRows(dns, expected.domain, set)),
    ...(expected.forbidden ?? []).map(async (record) => [await forbiddenRecordRow(dns, expected.domain, record)]),
  ]);
  const rank = (row: VerifyCheck) => KIND_ORDER.indexOf(row.check);
  return rows.flat().sort((a, b) => rank(a) - rank(b));
}

/**
 * What an expected RRset is for, read from its name and type relative to the domain (a
 * synthesized stack has no purposes, only records), and how the report names it.
 */
/** The check kind of an expected RRset at `domain` (apex TXT is split into spf/txt later). */
export function recordKind(domain: string, set: Pick<DnsRrset, "name" | "type">): VerifyCheckKind {
  const auto = autoSetupNames(domain);
  if (set.name === domain && set.type === "MX") return "mx";
  if (set.name === domain && set.type === "TXT") return "spf";
  if (set.name === auto.autoconfig && set.type === "CNAME") return "autoconfig";
  if (set.name === auto.autodiscover && set.type === "SRV") return "autodiscover";
  if (set.type === "TXT" && set.name.endsWith(`._domainkey.${domain}`)) return "dkim";
  if (set.type === "TXT" && set.name === `_dmarc.${domain}`) return "dmarc";
  if (set.type === "CNAME") return "server-name";
  return "record";
}

/** The label of a record row: `MX firma.de`, `TXT firma.de (SPF)`. */
export function recordLabel(kind: VerifyCheckKind, set: Pick<DnsRrset, "name" | "type">): string {
  const qualifier: Partial<Record<VerifyCheckKind, string>> = { spf: " (SPF)", txt: " (other text)", dkim: " (DKIM)", dmarc: " (DMARC)" };
  return `${set.type} ${set.name}${qualifier[kind] ?? ""}`;
}
