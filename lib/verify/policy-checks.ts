/**
 * The rules no static comparison can see, checked on what live DNS answers: the SPF
 * record's lookup count through its includes, the DKIM key, the DMARC record's syntax.
 */
import { ExpectedMailDomain } from "./expected-domain";
import { DnsLookup } from "./live-dns";
import { isSpfText, txtText } from "./rdata";
import { recordKind } from "./record-checks";
import { SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT, countSpfLookups } from "./spf-lookups";
import { checkDkimKey } from "./dkim-key-check";
import { checkDmarcRecords } from "./dmarc-record-check";
import { VerifyCheck } from "./verify-report";
import { MAIL_CONNECT } from "../mail-connect";

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
