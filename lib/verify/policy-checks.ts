/**
 * The rules no static comparison can see, checked on what live DNS answers: the SPF
 * record's lookup count through its includes, the DKIM key, the DMARC record's syntax.
 */
import { ExpectedMailDomain } from "./expected-domain";
import { DnsLookup } from "./live-dns";
import { isSpfText, txtText } from "./rdata";
import { recordKind } from "./record-checks";
import { SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT, countSpfLookups } from "./spf-lookups";
import { VerifyCheck } from "./verify-report";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { checkDkimPublicKey, NOT_A_DKIM_KEY } from "../plan/dkim-key";

/** The SPF lookup count of the one live SPF record at the domain. */
export async function spfLookupRow(dns: DnsLookup, domain: string): Promise<VerifyCheck> {
  const base = { check: "spf-lookups", label: `SPF lookups ${domain}`, name: domain, type: "TXT", expected: [`at most ${SPF_LOOKUP_LIMIT}, at most ${SPF_VOID_LOOKUP_LIMIT} void`] } as const;
  const answer = await dns.lookup(domain, "TXT");
  if (answer.status === "error") return { ...base, status: "error", found: [], hint: `Could not check: ${answer.message}.` };
  const spf = answer.status === "found" ? answer.rdata.map(txtText).filter(isSpfText) : [];
  if (spf.length !== 1) return { ...base, status: "skipped", found: [], hint: `Not counted: there ${spf.length === 0 ? "is no SPF record" : `are ${spf.length} SPF records`} (see the SPF row).` };
  const result = await countSpfLookups(domain, spf[0], (name, type) => dns.lookup(name, type));
  const count = `${result.count}${result.truncated ? "+" : ""}`;
  const found = [`${count}, ${result.voidLookups} void`];
  const breakdown = result.breakdown.length > 0 ? ` (${result.breakdown.join(", ")})` : "";
  if (result.errors.length > 0) {
    return { ...base, status: "error", found, hint: `Could not follow every include: ${result.errors.join("; ")}.` };
  }
  const problems = [...result.problems];
  if (result.voidLookups > SPF_VOID_LOOKUP_LIMIT) {
    problems.unshift(
      `${result.voidLookups} lookups return no records (${result.voidTerms.join(", ")}); SPF allows ${SPF_VOID_LOOKUP_LIMIT} such void lookups (RFC 7208 §4.6.4), so receivers return permerror. Remove the terms that name hosts without records`,
    );
  }
  if (result.count > SPF_LOOKUP_LIMIT) {
    problems.unshift(`${count} DNS lookups${breakdown}; SPF allows ${SPF_LOOKUP_LIMIT} (RFC 7208 §4.6.4), so receivers return permerror. Replace includes with the senders' ip4/ip6 networks`);
  }
  if (problems.length > 0) return { ...base, status: "mismatch", found, hint: `${problems.join(". ")}.` };
  return { ...base, status: "ok", found, ...(breakdown !== "" ? { note: breakdown.slice(2, -1) } : {}) };
}

/** The key check of each live record at each expected DKIM name (mail-connect's selector if none is expected). */
export async function dkimKeyRows(dns: DnsLookup, expected: ExpectedMailDomain): Promise<VerifyCheck[]> {
  const names = expected.rrsets.filter((s) => recordKind(expected.domain, s) === "dkim").map((s) => s.name);
  const selectors = names.length > 0 ? names : [`${MAIL_CONNECT.dkimSelector}._domainkey.${expected.domain}`];
  return Promise.all(
    selectors.map(async (name): Promise<VerifyCheck> => {
      const base = { check: "dkim-key", label: `DKIM key ${name}`, name, type: "TXT", expected: ["RSA >= 1024-bit or Ed25519"] } as const;
      const answer = await dns.lookup(name, "TXT");
      if (answer.status === "error") return { ...base, status: "error", found: [], hint: `Could not check: ${answer.message}.` };
      const texts = answer.status === "found" ? answer.rdata.map(txtText) : [];
      if (texts.length === 0) return { ...base, status: "skipped", found: [], hint: "No key record to check (see the DKIM row)." };
      const results = texts.map(checkDkimKey);
      const found = results.map((r) => (r.ok ? r.key : "unusable key"));
      const problems = results.flatMap((r) => (r.ok ? [] : [r.problem]));
      if (problems.length > 0) return { ...base, status: "mismatch", found, hint: `Receivers cannot verify signatures with it: ${problems.join("; ")}.` };
      return { ...base, status: "ok", found };
    }),
  );
}

/** The syntax check of the live DMARC record. */
export async function dmarcRecordRow(dns: DnsLookup, domain: string): Promise<VerifyCheck> {
  const name = `_dmarc.${domain}`;
  const base = { check: "dmarc-record", label: `DMARC policy ${domain}`, name, type: "TXT", expected: ["v=DMARC1 first, valid p="] } as const;
  const answer = await dns.lookup(name, "TXT");
  if (answer.status === "error") return { ...base, status: "error", found: [], hint: `Could not check: ${answer.message}.` };
  const texts = answer.status === "found" ? answer.rdata.map(txtText) : [];
  if (texts.length === 0) return { ...base, status: "skipped", found: [], hint: "No record to parse (see the DMARC row)." };
  const result = checkDmarcRecords(texts);
  if (!result.ok) return { ...base, status: "mismatch", found: ["unusable"], hint: `Receivers apply no DMARC policy: ${result.problem}.` };
  return { ...base, status: "ok", found: [result.policy] };
}

/** The policy rows of one domain. */
export async function policyRows(dns: DnsLookup, expected: ExpectedMailDomain): Promise<VerifyCheck[]> {
  const [spf, dkim, dmarc] = await Promise.all([spfLookupRow(dns, expected.domain), dkimKeyRows(dns, expected), dmarcRecordRow(dns, expected.domain)]);
  return [spf, ...dkim, dmarc];
}

/**
 * Does a live DKIM key record hold a key a receiver can verify with? `v=DKIM1` first if
 * present (RFC 6376 §3.6.1), `p=` decodes with `crypto.createPublicKey`: RSA of at least
 * 1,024 bits (RFC 8301 §3.2) or an Ed25519 key as its raw 32 bytes (RFC 8463 §4.2).
 */
/** The key, described (`RSA 1024-bit`), or why receivers cannot use it. */
export type DkimKeyResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly problem: string };

/**
 * Checks the text of one DKIM key record (its character-strings joined). This is verify's one
 * key check (the DKIM key rows call it from `policy-checks.ts`, nothing else decodes keys here).
 */
export function checkDkimKey(text: string): DkimKeyResult {
  const parsed = parseTagList(text);
  if ("error" in parsed) return { ok: false, problem: `the record is not a valid tag list: ${parsed.error}` };
  const { tags } = parsed;
  const version = tagValue(tags, "v");
  if (version !== undefined && (tags[0][0] !== "v" || version !== "DKIM1")) {
    return { ok: false, problem: `v= must be the first tag and be DKIM1 (RFC 6376 §3.6.1), got "v=${version}"${tags[0][0] !== "v" ? " later in the record" : ""}` };
  }
  const keyType = tagValue(tags, "k") ?? "rsa";
  const p = tagValue(tags, "p");
  if (p === undefined) return { ok: false, problem: "no p= tag: the record holds no key" };
  const base64 = p.replace(/\s+/g, "");
  if (base64 === "") return { ok: false, problem: "p= is empty: the key is revoked (RFC 6376 §3.6.1)" };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    return { ok: false, problem: `p= is not valid base64 (${base64.length} characters${base64.length % 4 !== 0 ? ", not a multiple of 4: truncated?" : ""})` };
  }
  if (keyType !== "rsa" && keyType !== "ed25519") return { ok: false, problem: `k=${keyType} is not a DKIM key type (rsa, ed25519)` };
  // The construct's own key checks (lib/plan/dkim-key.ts), so verify and the construct refuse
  // the same keys: a private key, an Ed25519 value off the curve, a broken RSA exponent or
  // modulus, sizes outside 1,024–4,096 bits.
  const bytes = Buffer.from(base64, "base64").length;
  if (keyType === "ed25519" && bytes !== 32) return { ok: false, problem: `k=ed25519 needs the raw 32-byte key in p= (RFC 8463 §4.2), got ${bytes} bytes` };
  const checked = checkDkimPublicKey(base64);
  if (!checked.ok) {
    if (checked.secret) return { ok: false, problem: "p= holds a PRIVATE key: the secret is published in DNS for anyone to read; have the key pair rotated now" };
    if (checked.rule === NOT_A_DKIM_KEY.rule) return { ok: false, problem: `p= does not decode to a public key (${bytes} bytes of DER: truncated or damaged?)` };
    return { ok: false, problem: `p= ${checked.rule}` };
  }
  if (checked.type !== keyType) return { ok: false, problem: `p= holds ${checked.type === "rsa" ? "an RSA" : "an Ed25519"} key, but k=${keyType}` };
  return { ok: true, key: checked.type === "rsa" ? `RSA ${checked.bits}-bit` : "Ed25519" };
}

/**
 * Does the DMARC policy at `_dmarc.<domain>` parse the way receivers read it? The grammar of
 * RFC 9989 (DMARCbis, obsoleting RFC 7489): `v=DMARC1` first, white space allowed around `=`
 * and `;` (§4.7 ABNF); records not starting with it are ignored; more than one DMARC record
 * means no DMARC at all (§4.10.1); unknown tags are ignored (§4.7); a record without `p=`
 * but with a valid `rua` counts as `p=none` (§4.7), one with neither is unusable. Keyword
 * values are case-insensitive (ABNF strings, RFC 5234 §2.3).
 */
/** The policy, summarised (`p=quarantine`), or why receivers cannot apply it. */
export type DmarcRecordResult = { readonly ok: true; readonly policy: string } | { readonly ok: false; readonly problem: string };

const POLICIES = ["none", "quarantine", "reject"];

/** Checks the TXT texts found at `_dmarc.<domain>` (each one's character-strings joined). */
export function checkDmarcRecords(texts: readonly string[]): DmarcRecordResult {
  const records = texts.filter((t) => /^v[ \t]*=[ \t]*DMARC1[ \t]*(;|$)/.test(t));
  if (records.length === 0) {
    const misplaced = texts.find((t) => /v\s*=\s*DMARC1/i.test(t));
    return {
      ok: false,
      problem: misplaced !== undefined
        ? `"${misplaced.slice(0, 60)}" does not start with v=DMARC1; receivers ignore a record whose first tag is not exactly v=DMARC1 (RFC 9989 §4.7)`
        : "no TXT record starting with v=DMARC1",
    };
  }
  if (records.length > 1) return { ok: false, problem: `${records.length} DMARC records: receivers apply none of them (RFC 9989 §4.10.1); keep one` };
  const parsed = parseTagList(records[0]);
  if ("error" in parsed) return { ok: false, problem: `the record is not a valid tag list: ${parsed.error}` };
  const { tags } = parsed;
  const problems: string[] = [];
  for (const tag of ["p", "sp", "np"]) {
    const value = tagValue(tags, tag);
    if (value !== undefined && !POLICIES.includes(value.toLowerCase())) problems.push(`${tag}=${value} is not none, quarantine or reject`);
  }
  for (const tag of ["adkim", "aspf"]) {
    const value = tagValue(tags, tag)?.toLowerCase();
    if (value !== undefined && value !== "r" && value !== "s") problems.push(`${tag}=${value} is not r or s`);
  }
  const validRua: string[] = [];
  for (const tag of ["rua", "ruf"]) {
    const uris = tagValue(tags, tag)?.split(",").map((u) => u.trim()) ?? [];
    // A size limit after "!" is the RFC 7489 form; RFC 9989 dropped it, receivers still skip it.
    const bad = uris.find((u) => !/^mailto:[^@\s]+@[^@\s!]+(![0-9]+[kmgt]?)?$/i.test(u));
    if (bad !== undefined) problems.push(`${tag} entry "${bad}" is not a mailto: address`);
    else if (tag === "rua") validRua.push(...uris);
  }
  if (problems.length > 0) return { ok: false, problem: problems.join("; ") };
  const p = tagValue(tags, "p")?.toLowerCase();
  if (p === undefined && validRua.length === 0) return { ok: false, problem: "no p= tag and no valid rua=: the record is unusable (RFC 9989 §4.7); add p=" };
  const sp = tagValue(tags, "sp")?.toLowerCase();
  const policy = p === undefined ? "p=none (no p=, rua given: RFC 9989 §4.7)" : `p=${p}`;
  return { ok: true, policy: `${policy}${sp !== undefined ? ` sp=${sp}` : ""}` };
}

/**
 * The `tag=value; tag=value` lists of DKIM key records (RFC 6376 §3.2), which DMARC
 * records use as well (RFC 7489 §6.3).
 */
/** The tags in order, or why the list is invalid. */
export type TagListResult = { readonly tags: ReadonlyArray<readonly [string, string]> } | { readonly error: string };

/**
 * Parses a tag list. White space around tags and values is dropped; an empty last entry
 * (a trailing `;`) is allowed; a repeated tag makes the whole list invalid (RFC 6376 §3.2).
 */
export function parseTagList(text: string): TagListResult {
  const parts = text.split(";").map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const tags: [string, string][] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq <= 0) return { error: part === "" ? "an empty tag (two semicolons in a row)" : `"${part}" is not tag=value` };
    const name = part.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return { error: `"${name}" is not a tag name` };
    if (tags.some(([n]) => n === name)) return { error: `the tag "${name}" appears twice` };
    tags.push([name, part.slice(eq + 1).trim()]);
  }
  return { tags };
}

/** The value of `name` in a parsed list, or undefined. */
export function tagValue(tags: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return tags.find(([n]) => n === name)?.[1];
}
