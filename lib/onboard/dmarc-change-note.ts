/**
 * The note of a DMARC record the plan replaces: what is kept (the policy, the report
 * addresses, the other tags), what is added or changes, which tags are not written because
 * they are DMARC's defaults, which cannot be kept, and, when nothing else differs, that only
 * the form does (the library's tag order, its spacing, the trailing `;`).
 */
import { DmarcMerge, dmarcTags, isDmarcText } from "./dmarc-merge";

/** The value a tag has when a record leaves it out (RFC 9989; `pct`, `rf` and `ri` as RFC 7489 had them). */
const DEFAULTS: Readonly<Record<string, string>> = { adkim: "r", aspf: "r", fo: "0", t: "n", pct: "100", rf: "afrf", ri: "86400" };
/** Tags the note names in their own parts (the policy, the report addresses). */
const OWN_PARTS = ["v", "p", "rua", "ruf"];

function normalisedValue(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, "");
}

/** Report URIs as compared: lower case, the size suffix (`!10m`) cut off. */
function addresses(value: string | undefined): string[] {
  return (value ?? "").split(",").map((uri) => uri.trim().replace(/!.*$/, "").toLowerCase()).filter((uri) => uri !== "");
}

/**
 * Says why the planned DMARC record replaces the live one.
 * @param current the live TXT texts at `_dmarc.<domain>`
 * @param planned the planned record's text
 * @param merge how the live record was mapped onto the options (`mergeDmarc`)
 */
export function dmarcChangeNote(current: readonly string[], planned: string, merge: DmarcMerge): string {
  const records = current.filter(isDmarcText);
  const others = current.filter((text) => !isDmarcText(text));
  const parts: string[] = [];
  if (records.length > 0) {
    const now = dmarcTags(records[0]);
    const after = dmarcTags(planned);
    const policy = now.get("p")?.toLowerCase();
    if (policy !== undefined && policy === after.get("p")) parts.push(`the same policy, p=${policy}`);

    const kept: string[] = [];
    const added: string[] = [];
    for (const tag of ["rua", "ruf"]) {
      const before = addresses(now.get(tag));
      const written = (after.get(tag) ?? "").split(",").filter((uri) => uri !== "");
      kept.push(...written.filter((uri) => before.includes(uri.toLowerCase())).map((uri) => `${tag}=${uri}`));
      // A record without ruf gets the article's: the merge's note says so.
      if (tag === "rua" || now.has("ruf")) added.push(...written.filter((uri) => !before.includes(uri.toLowerCase())).map((uri) => `${tag}=${uri}`));
    }
    if (kept.length > 0) parts.push(`report addresses kept: ${kept.join(", ")}`);

    const same: string[] = [];
    const changed: string[] = [];
    const defaults: string[] = [];
    const notKept: string[] = [];
    const ignored: string[] = [];
    const notKeptTags = merge.notKept.map((entry) => entry.slice(0, entry.indexOf("=")));
    for (const [tag, value] of now) {
      if (OWN_PARTS.includes(tag)) continue;
      const written = after.get(tag);
      if (written !== undefined && normalisedValue(written) === normalisedValue(value)) same.push(`${tag}=${written}`);
      else if (written !== undefined) changed.push(`${tag}=${value} becomes ${tag}=${written}`);
      else if (notKeptTags.includes(tag)) notKept.push(`${tag}=${value}`);
      else if (DEFAULTS[tag] === normalisedValue(value)) defaults.push(`${tag}=${value}`);
      else ignored.push(`${tag}=${value}`);
    }
    for (const [tag, value] of after) if (!OWN_PARTS.includes(tag) && !now.has(tag)) added.push(`${tag}=${value}`);
    if (same.length > 0) parts.push(`kept: ${same.join(", ")}`);
    if (added.length > 0) parts.push(`added: ${added.join(", ")}`);
    if (changed.length > 0) parts.push(changed.join(", "));
    if (defaults.length > 0) parts.push(`not written, DMARC's default${defaults.length > 1 ? "s" : ""}: ${defaults.join(", ")}`);
    if (notKept.length > 0) parts.push(`cannot be kept, see the risks: ${notKept.join(", ")}`);
    if (ignored.length > 0) parts.push(`left out, receivers ignore ${ignored.length > 1 ? "them" : "it"}: ${ignored.join(", ")}`);
    if (merge.records > 1) parts.push(`${merge.records - 1} more DMARC record${merge.records > 2 ? "s" : ""} merged into one`);
    const differs = added.length + changed.length + defaults.length + notKept.length + ignored.length + merge.notes.length + others.length > 0 || merge.records > 1;
    if (!differs) parts.push("only the form differs: the library's tag order and spacing");
  }
  parts.push(...merge.notes);
  if (others.length > 0) parts.push(`removed, not DMARC records: ${others.map((text) => `"${text}"`).join(", ")}`);
  return parts.join("; ");
}
