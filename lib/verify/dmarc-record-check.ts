/**
 * Does the DMARC policy at `_dmarc.<domain>` parse the way receivers read it? The grammar of
 * RFC 9989 (DMARCbis, obsoleting RFC 7489): `v=DMARC1` first, white space allowed around `=`
 * and `;` (§4.7 ABNF); records not starting with it are ignored; more than one DMARC record
 * means no DMARC at all (§4.10.1); unknown tags are ignored (§4.7); a record without `p=`
 * but with a valid `rua` counts as `p=none` (§4.7), one with neither is unusable. Keyword
 * values are case-insensitive (ABNF strings, RFC 5234 §2.3).
 */
import { parseTagList, tagValue } from "./tag-list";

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
