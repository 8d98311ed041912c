/**
 * The domain's live DMARC record mapped onto `DmarcOptions`: report addresses, `sp`, `np`,
 * alignment, `fo` and `t` kept; the policy never weaker than today's and the article's
 * `p=quarantine` otherwise. Tags `DmarcOptions` cannot hold (RFC 9989 removed `pct`, `rf`, `ri`)
 * are named, not kept.
 *
 * Failure reports (`ruf`): a record that has them keeps its own; a record without them gets the
 * article's `ruf=mailto:postmaster@<domain>` (mail-connect's record), and the note says so. Pass
 * `dmarc.ruf: []` in the generated options to publish none.
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { DmarcAlignment, DmarcFailureOption, DmarcOptions, DmarcPolicy } from "../mail-connect/options";

/** The live DMARC record(s) mapped onto the options. */
export interface DmarcMerge {
  readonly options: DmarcOptions;
  /** Today's policy (`none` when there is no valid record). */
  readonly currentPolicy: DmarcPolicy;
  /** Whether a DMARC record was found. */
  readonly found: boolean;
  /** The number of DMARC records found (more than one: receivers use none). */
  readonly records: number;
  /** Tags that cannot be kept, with why (`pct=50: ...`). */
  readonly notKept: readonly string[];
  /** How the record was mapped, for the change's note. */
  readonly notes: readonly string[];
}

const POLICIES: readonly DmarcPolicy[] = ["none", "quarantine", "reject"];
const FAILURE_OPTIONS: readonly string[] = ["0", "1", "d", "s"];

/** Whether a TXT text is a DMARC record (`v=DMARC1` first, RFC 9989 §4.7). */
export function isDmarcText(text: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/i.test(text.trim());
}

/** The tags of a DMARC record, names lower-cased, in order; the first of a repeated tag wins. */
export function dmarcTags(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name !== "" && !tags.has(name)) tags.set(name, part.slice(eq + 1).trim());
  }
  return tags;
}

function policyOf(value: string | undefined): DmarcPolicy | undefined {
  const lower = value?.toLowerCase();
  return (POLICIES as readonly (string | undefined)[]).includes(lower) ? (lower as DmarcPolicy) : undefined;
}

/** The strictness of a policy, for "never weaker" comparisons. */
export function policyRank(policy: DmarcPolicy): number {
  return POLICIES.indexOf(policy);
}

/** Report URIs as the options take them: `mailto:` kept, the RFC 7489 size suffix (`!10m`) cut off. */
function reportAddresses(value: string | undefined, notes: string[], tag: string): string[] {
  if (value === undefined) return [];
  const addresses: string[] = [];
  for (const raw of value.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    const bang = raw.indexOf("!");
    const uri = bang >= 0 ? raw.slice(0, bang) : raw;
    if (bang >= 0) notes.push(`${tag}: the size limit "${raw.slice(bang)}" of ${uri} is left out, RFC 9989 has none`);
    if (!addresses.includes(uri)) addresses.push(uri);
  }
  return addresses;
}

/** Maps the TXT texts found at `_dmarc.<domain>` onto `DmarcOptions`. */
export function mergeDmarc(domain: string, texts: readonly string[]): DmarcMerge {
  const records = texts.filter(isDmarcText);
  const notes: string[] = [];
  const notKept: string[] = [];
  if (records.length === 0) {
    return { options: {}, currentPolicy: "none", found: false, records: 0, notKept, notes: ["no DMARC record today: the article's record, p=quarantine with failure reports to postmaster"] };
  }
  const tags = dmarcTags(records[0]);
  const rua = reportAddresses(tags.get("rua"), notes, "rua");
  const ruf = reportAddresses(tags.get("ruf"), notes, "ruf");
  for (const other of records.slice(1)) {
    const more = dmarcTags(other);
    for (const uri of reportAddresses(more.get("rua"), notes, "rua")) if (!rua.includes(uri)) rua.push(uri);
    for (const uri of reportAddresses(more.get("ruf"), notes, "ruf")) if (!ruf.includes(uri)) ruf.push(uri);
  }
  const current = policyOf(tags.get("p")) ?? "none";
  if (policyOf(tags.get("p")) === undefined) notes.push(`p=${tags.get("p") ?? "(missing)"} is not a policy: receivers treat the record as p=none`);
  const policy: DmarcPolicy = current === "reject" ? "reject" : MAIL_CONNECT.dmarcPolicy;
  const sp = policyOf(tags.get("sp"));
  const np = policyOf(tags.get("np"));
  const adkim: DmarcAlignment | undefined = tags.get("adkim")?.toLowerCase() === "s" ? "strict" : undefined;
  const aspf: DmarcAlignment | undefined = tags.get("aspf")?.toLowerCase() === "s" ? "strict" : undefined;
  const fo = (tags.get("fo") ?? "").split(":").map((s) => s.trim().toLowerCase()).filter((s, i, all) => FAILURE_OPTIONS.includes(s) && all.indexOf(s) === i) as DmarcFailureOption[];
  const testing = tags.get("t")?.toLowerCase() === "y";
  const pct = tags.get("pct");
  if (pct !== undefined && pct.trim() !== "100") notKept.push(`pct=${pct} (RFC 9989 removed it and dmarc options have no pct: the policy applies to all mail; use dmarc.testing for a gradual roll-out)`);
  // RFC 9989 removed rf and ri; their RFC 7489 defaults (rf=afrf, ri=86400) change nothing when left out.
  const removedDefaults: Record<string, string> = { rf: "afrf", ri: "86400" };
  for (const [removed, value] of Object.entries(removedDefaults)) {
    if (tags.has(removed) && tags.get(removed)!.toLowerCase() !== value) notKept.push(`${removed}=${tags.get(removed)} (RFC 9989 removed it; receivers ignore it)`);
  }
  if (tags.has("psd")) notKept.push(`psd=${tags.get("psd")} (only for public suffix operators; dmarc options have no psd)`);
  if (ruf.length === 0) notes.push(`no ruf today: the article's ruf=mailto:${MAIL_CONNECT.dmarcRufLocalPart}@${domain} is added, dmarc.ruf: [] publishes none`);
  if (policy !== current) notes.push(`p=${current} becomes p=${policy}, stricter: the article's policy, never weaker than today's`);
  const alignment = adkim !== undefined || aspf !== undefined ? { alignment: { ...(adkim ? { dkim: adkim } : {}), ...(aspf ? { spf: aspf } : {}) } } : {};
  const options: DmarcOptions = {
    ...(policy !== MAIL_CONNECT.dmarcPolicy ? { policy } : {}),
    ...(sp ? { subdomainPolicy: sp } : {}),
    ...(np ? { nonExistentSubdomainPolicy: np } : {}),
    ...(rua.length > 0 ? { rua } : {}),
    ...(ruf.length > 0 ? { ruf } : {}),
    ...alignment,
    ...(fo.length > 0 ? { failureOptions: fo } : {}),
    ...(testing ? { testing } : {}),
  };
  return { options, currentPolicy: current, found: true, records: records.length, notKept, notes };
}
