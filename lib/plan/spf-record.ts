/**
 * The SPF record (RFC 7208): mail-connect's include plus the customer's other senders,
 * in one record, as the article demands ("ebenfalls in den SPF Eintrag aufzuführen").
 */
import { parseNetwork } from "./cidr";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { SpfAllQualifier } from "../mail-connect/options";
import { normaliseHostName } from "./host-names";
import { PlanContext, arrayOption, booleanOption, checkKnownKeys, choiceOption, objectOption } from "./plan-context";

/** RFC 7208 §4.6.4: at most 10 mechanisms/modifiers that cause DNS lookups. */
export const SPF_MAX_DNS_LOOKUPS = 10;
/** RFC 7208 §3.4: keep the SPF answer within 512 bytes of UDP; 450 bytes leaves room for the rest. */
export const SPF_MAX_RECORD_BYTES = 450;

const QUALIFIER: Record<SpfAllQualifier, string> = { neutral: "?all", softfail: "~all", fail: "-all" };
const MECHANISM_PREFIX = /^(include|a|mx|ip4|ip6|ptr|exists|redirect|exp|all)\s*[:=/]/i;

function addresses(ctx: PlanContext, family: 4 | 6, raw: unknown): string[] {
  const key = family === 4 ? "ip4" : "ip6";
  const list = arrayOption(ctx, `spf.${key}`, raw, `Pass a list such as spf.${key}: ["${family === 4 ? "203.0.113.5" : "2001:db8::/48"}"].`);
  const seen = new Map<string, number>();
  const terms: string[] = [];
  list.forEach((entry, index) => {
    const path = `spf.${key}[${index}]`;
    const parsed = typeof entry === "string" ? parseNetwork(entry) : undefined;
    if (parsed === undefined || parsed.family !== family) {
      const other = parsed !== undefined ? ` (that is an IPv${parsed.family} value: put it in spf.ip${parsed.family})` : "";
      ctx.fail(path, entry, `must be an IPv${family} address or network in CIDR notation${other}`,
        family === 4 ? "Write it like 203.0.113.5 or 203.0.113.0/24." : "Write it like 2001:db8::1 or 2001:db8::/48.");
      return;
    }
    if (parsed.hostBitsSet) {
      ctx.fail(path, entry, `has host bits set after the /${parsed.prefix} prefix`, `Write the network as ${parsed.canonical}.`);
      return;
    }
    if (parsed.prefix === 0) {
      ctx.fail(path, entry, "would authorise every address on the internet", "List only your own senders' addresses or networks.");
      return;
    }
    const full = family === 4 ? 32 : 128;
    const term = parsed.prefix === full ? `${key}:${parsed.address}` : `${key}:${parsed.canonical}`;
    const earlier = seen.get(term);
    if (earlier !== undefined) {
      ctx.fail(path, entry, `duplicates spf.${key}[${earlier}]`, "Remove one of the two entries.");
      return;
    }
    seen.set(term, index);
    terms.push(term);
  });
  return terms;
}

function includes(ctx: PlanContext, raw: unknown): string[] {
  const list = arrayOption(ctx, "spf.include", raw, 'Pass a list such as spf.include: ["spf.shop-provider.example"].');
  const seen = new Map<string, number>();
  const terms: string[] = [];
  list.forEach((entry, index) => {
    const path = `spf.include[${index}]`;
    if (typeof entry === "string" && MECHANISM_PREFIX.test(entry.trim())) {
      ctx.fail(path, entry, "must be a domain name, not an SPF term", `Give the domain only (e.g. "${entry.replace(MECHANISM_PREFIX, "").trim() || "spf.example.com"}"); the library writes "include:".`);
      return;
    }
    if (typeof entry === "string" && entry.includes("%")) {
      ctx.fail(path, entry, "must not use SPF macros", "Give a plain domain name.");
      return;
    }
    const name = normaliseHostName(entry, 2, true);
    if (!name.ok) {
      ctx.fail(path, entry, `must be a valid domain name: it ${name.rule}`, "Give the sender's SPF domain, e.g. \"spf.shop-provider.example\".");
      return;
    }
    if (name.ascii === MAIL_CONNECT.spfInclude) {
      ctx.fail(path, entry, `is mail-connect's own include, which the record always has`, "Remove it from spf.include.");
      return;
    }
    const earlier = seen.get(name.ascii);
    if (earlier !== undefined) {
      ctx.fail(path, entry, `duplicates spf.include[${earlier}]`, "Remove one of the two entries.");
      return;
    }
    seen.set(name.ascii, index);
    terms.push(`include:${name.ascii}`);
  });
  return terms;
}

/** Builds the SPF text, or reports why it cannot. Returns undefined when any SPF option was bad. */
export function buildSpfText(ctx: PlanContext, raw: unknown): string | undefined {
  const before = ctx.reasons.count;
  const spf = objectOption(ctx, "spf", raw);
  if ("ptr" in spf) {
    ctx.fail("spf.ptr", spf.ptr, "is not supported: RFC 7208 §5.5 says the ptr mechanism SHOULD NOT be used (slow, unreliable, ignored by many receivers)", "List the sending servers in spf.ip4 / spf.ip6 instead.");
  }
  checkKnownKeys(ctx, "spf", Object.fromEntries(Object.entries(spf).filter(([k]) => k !== "ptr")), ["include", "ip4", "ip6", "a", "mx", "all"]);
  const ip4 = addresses(ctx, 4, spf.ip4);
  const ip6 = addresses(ctx, 6, spf.ip6);
  const a = booleanOption(ctx, "spf.a", spf.a, false);
  const mx = booleanOption(ctx, "spf.mx", spf.mx, false);
  const others = includes(ctx, spf.include);
  const all = choiceOption<SpfAllQualifier>(ctx, "spf.all", spf.all, ["neutral", "softfail", "fail"], "neutral");

  const lookups = 1 + others.length + (a ? 1 : 0) + (mx ? 1 : 0);
  if (lookups > SPF_MAX_DNS_LOOKUPS) {
    ctx.fail("spf", { include: spf.include, a, mx }, `needs ${lookups} DNS lookups (mail-connect's include counts as 1; each include, a and mx 1 more), RFC 7208 allows at most ${SPF_MAX_DNS_LOOKUPS}`,
      "Replace includes with the senders' ip4/ip6 networks, or drop a and mx.");
  }
  const terms = ["v=spf1", ...(a ? ["a"] : []), ...(mx ? ["mx"] : []), ...ip4, ...ip6, `include:${MAIL_CONNECT.spfInclude}`, ...others, QUALIFIER[all]];
  const text = terms.join(" ");
  if (Buffer.byteLength(text) >= SPF_MAX_RECORD_BYTES) {
    ctx.fail("spf", `${text.slice(0, 60)}...`, `makes a record of ${Buffer.byteLength(text)} bytes; it must stay under ${SPF_MAX_RECORD_BYTES} bytes so the answer fits in one UDP packet (RFC 7208 §3.4)`,
      "Merge addresses into wider networks or move senders behind one include.");
  }
  if (all === "neutral") {
    ctx.warn("spf-neutral-all", "spf.all", "SPF ends in ?all (neutral, the article's default): receivers treat mail from other servers as unverified, not as failed. Once every sender is listed, set spf.all to \"softfail\" (~all) or \"fail\" (-all).");
  }
  return ctx.reasons.count === before ? text : undefined;
}
