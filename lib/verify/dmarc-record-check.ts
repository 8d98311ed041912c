/**
 * Does the DMARC policy at `_dmarc.<domain>` parse the way receivers read it (RFC 7489 §6.3,
 * §6.6.3)? Records not starting with `v=DMARC1` are ignored by receivers; more than one
 * DMARC record means no DMARC at all; `p=` must be none, quarantine or reject.
 */
import { parseTagList, tagValue } from "./tag-list";

/** The policy, summarised (`p=quarantine`), or why receivers cannot apply it. */
export type DmarcRecordResult = { readonly ok: true; readonly policy: string } | { readonly ok: false; readonly problem: string };

const POLICIES = ["none", "quarantine", "reject"];

/** Checks the TXT texts found at `_dmarc.<domain>` (each one's character-strings joined). */
export function checkDmarcRecords(texts: readonly string[]): DmarcRecordResult {
  const records = texts.filter((t) => /^v=DMARC1\s*(;|$)/.test(t));
  if (records.length === 0) {
    const misplaced = texts.find((t) => /v\s*=\s*DMARC1/i.test(t));
    return {
      ok: false,
      problem: misplaced !== undefined
        ? `"${misplaced.slice(0, 60)}" does not start with v=DMARC1; receivers ignore a record whose first tag is not exactly v=DMARC1 (RFC 7489 §6.3)`
        : "no TXT record starting with v=DMARC1",
    };
  }
  if (records.length > 1) return { ok: false, problem: `${records.length} DMARC records: receivers apply none of them (RFC 7489 §6.6.3); keep one` };
  const parsed = parseTagList(records[0]);
  if ("error" in parsed) return { ok: false, problem: `the record is not a valid tag list: ${parsed.error}` };
  const { tags } = parsed;
  const p = tagValue(tags, "p");
  if (p === undefined) return { ok: false, problem: "no p= tag: the policy is missing" };
  const problems: string[] = [];
  for (const tag of ["p", "sp", "np"]) {
    const value = tagValue(tags, tag);
    if (value !== undefined && !POLICIES.includes(value)) problems.push(`${tag}=${value} is not none, quarantine or reject`);
  }
  for (const tag of ["adkim", "aspf"]) {
    const value = tagValue(tags, tag);
    if (value !== undefined && value !== "r" && value !== "s") problems.push(`${tag}=${value} is not r or s`);
  }
  for (const tag of ["rua", "ruf"]) {
    const value = tagValue(tags, tag);
    const bad = value?.split(",").map((u) => u.trim()).find((u) => !/^mailto:[^@\s]+@[^@\s]+$/i.test(u));
    if (bad !== undefined) problems.push(`${tag} entry "${bad}" is not a mailto: address`);
  }
  if (problems.length > 0) return { ok: false, problem: problems.join("; ") };
  const sp = tagValue(tags, "sp");
  return { ok: true, policy: `p=${p}${sp !== undefined ? ` sp=${sp}` : ""}` };
}
