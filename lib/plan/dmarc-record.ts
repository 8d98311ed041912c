/**
 * The DMARC record at `_dmarc.<domain>` (RFC 9989, which obsoletes RFC 7489: `pct`, `rf` and
 * `ri` are gone, `np` and `t` are new). Tags are written as `tag=value;` separated by one
 * space, which gives the article's record exactly for the defaults.
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { DmarcAlignment, DmarcFailureOption, DmarcPolicy } from "../mail-connect/options";
import { isWithinDomain, normaliseHostName } from "./host-names";
import { txtLengthProblem } from "./txt-strings";
import { PlanContext, arrayOption, booleanOption, checkKnownKeys, choiceOption, objectOption } from "./plan-context";

const POLICIES: readonly DmarcPolicy[] = ["none", "quarantine", "reject"];
const FAILURE_OPTIONS: readonly DmarcFailureOption[] = ["0", "1", "d", "s"];
/**
 * RFC 5322 atext plus the dot of a dot-atom; a comma is accepted too (it is percent-encoded,
 * as DMARC requires for "," and "!" inside a URI).
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~,-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~,-]+)*$/;
/** Characters a mailto URI may carry unencoded in DMARC: unreserved and sub-delims minus `!` and `,`. */
const URI_SAFE = /[A-Za-z0-9\-._~$'()*+:@]/;

function encodeLocalPart(local: string): string {
  // DMARC separates URIs with "," and once used "!" for size limits: both must be
  // percent-encoded inside a URI, like every character a mailto URI cannot carry plainly.
  return [...local].map((ch) => (URI_SAFE.test(ch) ? ch : `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

function reportUris(ctx: PlanContext, key: "rua" | "ruf", raw: unknown, fallback: readonly string[]): string[] {
  const path = `dmarc.${key}`;
  const list = raw === undefined ? fallback : arrayOption(ctx, path, raw, `Pass a list such as ${path}: ["dmarc-reports@${ctx.exampleDomain}"].`);
  const uris: string[] = [];
  list.forEach((entry, index) => {
    const where = `${path}[${index}]`;
    const fix = `Write a mail address such as "dmarc-reports@${ctx.exampleDomain}" (with or without "mailto:").`;
    if (typeof entry !== "string") {
      ctx.fail(where, entry, "must be a mail address", fix);
      return;
    }
    let address = entry.trim();
    const joined = address.split(/[,;\s]+/).filter((part) => part.includes("@"));
    if (joined.length > 1) {
      const separate = joined.map((part) => JSON.stringify(part)).join(", ");
      ctx.fail(where, entry, `must be one address per entry: it holds ${joined.length} addresses`, `Write each as its own entry: ${path}: [${separate}].`);
      return;
    }
    const isUri = /^mailto:/i.test(address);
    if (isUri) {
      address = address.slice("mailto:".length);
      try {
        address = decodeURIComponent(address);
      } catch {
        ctx.fail(where, entry, "has a broken percent-encoding", fix);
        return;
      }
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(address) && !address.includes("@")) {
      ctx.fail(where, entry, "must be a mailto: URI; DMARC reports are sent by mail", fix);
      return;
    }
    const at = address.lastIndexOf("@");
    const local = at > 0 ? address.slice(0, at) : "";
    const host = at > 0 ? address.slice(at + 1) : "";
    const hostName = normaliseHostName(host);
    if (!LOCAL_PART.test(local) || !hostName.ok) {
      const why = !LOCAL_PART.test(local) ? "a valid local part before the @" : `a valid domain after the @ (it ${hostName.ok ? "" : hostName.rule})`;
      ctx.fail(where, entry, `must be a mail address with ${why}`, fix);
      return;
    }
    const uri = `mailto:${encodeLocalPart(local)}@${hostName.ascii}`;
    if (uris.includes(uri)) {
      ctx.fail(where, entry, `duplicates an earlier ${path} entry`, "Remove one of the two entries.");
      return;
    }
    uris.push(uri);
    if (ctx.domainKnown && !isWithinDomain(hostName.ascii, ctx.domain) && !isWithinDomain(ctx.domain, hostName.ascii)) {
      ctx.warn("dmarc-external-report", where, `Reports for ${ctx.domain} go to ${hostName.ascii}, another domain: receivers send them only if ${hostName.ascii} publishes the TXT record "${ctx.domain}._report._dmarc.${hostName.ascii}" with "v=DMARC1;" (DMARC external destination verification).`);
    }
  });
  return uris;
}

function optionalPolicy(ctx: PlanContext, path: string, value: unknown): DmarcPolicy | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (POLICIES as readonly string[]).includes(value)) return value as DmarcPolicy;
  ctx.fail(path, value, `must be one of ${POLICIES.map((p) => `"${p}"`).join(", ")}`, `Set ${path} to one of those or leave it out.`);
  return undefined;
}

/** Builds the DMARC text, or reports why it cannot (then returns undefined). */
export function buildDmarcText(ctx: PlanContext, raw: unknown): string | undefined {
  const before = ctx.reasons.count;
  const dmarc = objectOption(ctx, "dmarc", raw);
  const removedTags = ["pct", "rf", "ri"];
  checkKnownKeys(ctx, "dmarc", Object.fromEntries(Object.entries(dmarc).filter(([k]) => !removedTags.includes(k))),
    ["policy", "subdomainPolicy", "nonExistentSubdomainPolicy", "rua", "ruf", "alignment", "failureOptions", "testing"]);
  for (const removed of removedTags) {
    if (removed in dmarc) ctx.fail(`dmarc.${removed}`, dmarc[removed], `is not a DMARC tag any more: RFC 9989 removed "${removed}"`, `Remove dmarc.${removed}${removed === "pct" ? "; use dmarc.testing for a gradual roll-out" : ""}.`);
  }
  const policy = choiceOption<DmarcPolicy>(ctx, "dmarc.policy", dmarc.policy, POLICIES, MAIL_CONNECT.dmarcPolicy);
  const sp = optionalPolicy(ctx, "dmarc.subdomainPolicy", dmarc.subdomainPolicy);
  const np = optionalPolicy(ctx, "dmarc.nonExistentSubdomainPolicy", dmarc.nonExistentSubdomainPolicy);
  const alignment = objectOption(ctx, "dmarc.alignment", dmarc.alignment);
  checkKnownKeys(ctx, "dmarc.alignment", alignment, ["dkim", "spf"]);
  const adkim = choiceOption<DmarcAlignment>(ctx, "dmarc.alignment.dkim", alignment.dkim, ["relaxed", "strict"], "relaxed");
  const aspf = choiceOption<DmarcAlignment>(ctx, "dmarc.alignment.spf", alignment.spf, ["relaxed", "strict"], "relaxed");
  const testing = booleanOption(ctx, "dmarc.testing", dmarc.testing, false);
  const rua = reportUris(ctx, "rua", dmarc.rua, []);
  const ruf = reportUris(ctx, "ruf", dmarc.ruf, [`${MAIL_CONNECT.dmarcRufLocalPart}@${ctx.domain}`]);
  const fo: string[] = [];
  arrayOption(ctx, "dmarc.failureOptions", dmarc.failureOptions, 'Pass a list such as dmarc.failureOptions: ["1"].').forEach((entry, index) => {
    const where = `dmarc.failureOptions[${index}]`;
    if (typeof entry !== "string" || !(FAILURE_OPTIONS as readonly string[]).includes(entry)) {
      ctx.fail(where, entry, 'must be one of "0", "1", "d", "s"', 'Use "0" (all checks failed), "1" (any check failed), "d" (DKIM failed) or "s" (SPF failed).');
    } else if (fo.includes(entry)) {
      ctx.fail(where, entry, "duplicates an earlier dmarc.failureOptions entry", "Remove one of the two entries.");
    } else {
      fo.push(entry);
    }
  });
  if (ctx.reasons.count !== before) return undefined;

  if (policy === "none") {
    ctx.warn("dmarc-policy-none", "dmarc.policy", 'DMARC policy "none" only monitors: forged mail from this domain is delivered. The article\'s working default is "quarantine".');
  }
  if (testing) {
    ctx.warn("dmarc-testing", "dmarc.testing", "DMARC testing mode (t=y): receivers apply the next weaker policy. Remove dmarc.testing once reports look right.");
  }
  if (fo.length > 0 && ruf.length === 0) {
    ctx.warn("dmarc-fo-without-ruf", "dmarc.failureOptions", "dmarc.failureOptions has no effect without failure-report addresses (dmarc.ruf).");
  }
  const tags = [
    "v=DMARC1",
    `p=${policy}`,
    ...(sp ? [`sp=${sp}`] : []),
    ...(np ? [`np=${np}`] : []),
    ...(adkim === "strict" ? ["adkim=s"] : []),
    ...(aspf === "strict" ? ["aspf=s"] : []),
    ...(testing ? ["t=y"] : []),
    ...(rua.length > 0 ? [`rua=${rua.join(",")}`] : []),
    ...(ruf.length > 0 ? [`ruf=${ruf.join(",")}`] : []),
    ...(fo.length > 0 ? [`fo=${fo.join(":")}`] : []),
  ];
  const text = tags.map((tag) => `${tag};`).join(" ");
  const tooLong = txtLengthProblem(text);
  if (tooLong !== undefined) {
    ctx.fail("dmarc", { rua: rua.length, ruf: ruf.length }, `makes a DMARC record that ${tooLong}`, "List fewer report addresses: one mailbox per kind (rua, ruf) that forwards to the others is enough.");
    return undefined;
  }
  return text;
}
