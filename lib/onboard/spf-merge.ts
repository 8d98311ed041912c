/**
 * The domain's live SPF record(s), mapped onto `SpfOptions`: every sender kept, mail-connect's
 * include added by the planner, the `all` qualifier kept. What `SpfOptions` cannot express is
 * named with its fix (`refused`); what receivers ignore anyway is dropped with a note.
 *
 * The planner writes its terms in one order (`a mx ip4 ip6 include ... all`). Order does not
 * change an SPF result when every term but `all` passes, which is the only kind of term kept
 * (a term with a `-`, `~` or `?` qualifier is refused).
 */
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { SpfAllQualifier, SpfOptions } from "../mail-connect/options";
import { parseNetwork } from "../plan/cidr";
import { normaliseHostName } from "../plan/host-names";
import { isSpfText } from "../plan/txt-strings";

/** A term of the live record that the planned record keeps, and how. */
export interface KeptSpfTerm {
  /** The term as published (`include:spf.shop.example`, `redirect=_spf.old.example`). */
  readonly term: string;
  /** Where it goes in the options (`spf.include`, `spf.ip4`, `spf.a`). */
  readonly option: "include" | "ip4" | "ip6" | "a" | "mx";
  /** The value in the options (the include's domain, the network), or "" for `a`/`mx`. */
  readonly value: string;
  /** The domain it names (an include's or redirect's target), for telling whose it is. */
  readonly target?: string;
}

/** A live term the planned record cannot keep: a blocking problem with its fix. */
export interface RefusedSpfTerm {
  readonly term: string;
  readonly why: string;
  /** What to change in the live SPF record (`List the senders' addresses as ip4: / ip6: terms.`). */
  readonly fix: string;
}

/** The live SPF record(s) mapped onto the options. */
export interface SpfMerge {
  /** `spf` for `MailConnectRecordOptions` (mail-connect's include is the planner's own). */
  readonly options: SpfOptions;
  readonly kept: readonly KeptSpfTerm[];
  readonly refused: readonly RefusedSpfTerm[];
  /** Terms left out that receivers ignore or that break the record today, with why. */
  readonly dropped: readonly string[];
  /** How the record's terms were turned into options, for the change's note. */
  readonly notes: readonly string[];
  /** The live record authorises every server (`+all`). */
  readonly plusAll: boolean;
  /** The live record already includes mail-connect. */
  readonly hasMailConnect: boolean;
  /** The number of SPF records found (more than one is a permerror today). */
  readonly records: number;
}

const QUALIFIERS: Record<string, SpfAllQualifier | "pass"> = { "+": "pass", "?": "neutral", "~": "softfail", "-": "fail" };
const LENIENCY: readonly SpfAllQualifier[] = ["neutral", "softfail", "fail"];
const ADDRESS_FIX = "Ask the sender which addresses it sends from and list them as ip4: / ip6: terms, or use the include it documents.";

/** Reads the `all` qualifier of an SPF text, if it has one. */
export function spfAllOf(text: string): SpfAllQualifier | "pass" | undefined {
  for (const term of text.trim().split(/\s+/).slice(1)) {
    const match = /^([+?~-]?)all$/i.exec(term);
    if (match) return QUALIFIERS[match[1] || "+"];
  }
  return undefined;
}

/**
 * Maps the SPF texts found at `domain` (usually one; several are merged) onto `SpfOptions`.
 * `redirectAll` gives the `all` qualifier of a redirect target's record, when it was read.
 */
export function mergeSpf(domain: string, texts: readonly string[], redirectAll: (target: string) => SpfAllQualifier | "pass" | undefined): SpfMerge {
  const spfTexts = texts.filter(isSpfText);
  const include: string[] = [];
  const ip4: string[] = [];
  const ip6: string[] = [];
  let a = false;
  let mx = false;
  const kept: KeptSpfTerm[] = [];
  const refused: RefusedSpfTerm[] = [];
  const dropped: string[] = [];
  const notes: string[] = [];
  const alls: SpfAllQualifier[] = [];
  let plusAll = false;
  let hasMailConnect = false;
  const keep = (term: KeptSpfTerm, list: string[] | undefined): void => {
    if (list !== undefined && list.includes(term.value)) return;
    list?.push(term.value);
    kept.push(term);
  };
  for (const text of spfTexts) {
    const terms = text.trim().split(/\s+/).slice(1);
    const hasAll = terms.some((t) => /^[+?~-]?all$/i.test(t));
    let afterAll = false;
    for (const term of terms) {
      if (afterAll) {
        dropped.push(`${term} (after "all": receivers never evaluate it)`);
        continue;
      }
      const modifier = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(term);
      if (modifier) {
        const name = modifier[1].toLowerCase();
        const target = modifier[2].toLowerCase().replace(/\.$/, "");
        if (name === "redirect" && hasAll) {
          dropped.push(`${term} (the record has "all", so receivers ignore redirect, RFC 7208 §6.1)`);
        } else if (name === "redirect" && target === MAIL_CONNECT.spfInclude) {
          hasMailConnect = true;
        } else if (name === "redirect") {
          const host = normaliseHostName(target, 2, true);
          if (target.includes("%") || !host.ok) {
            refused.push({ term, why: "redirects to a macro or an invalid name, which spf.include cannot hold", fix: ADDRESS_FIX });
            continue;
          }
          keep({ term, option: "include", value: host.ascii, target: host.ascii }, include);
          const targetAll = redirectAll(host.ascii);
          if (targetAll === "pass") plusAll = true;
          else alls.push(targetAll ?? "neutral");
          notes.push(`redirect=${host.ascii} becomes include:${host.ascii}: with mail-connect's include and an "all" term a redirect would be ignored, RFC 7208 §6.1; the "all" qualifier is ${targetAll === undefined ? "the article's ?all, as the redirect target was not read" : `the target's: ${targetAll === "pass" ? "+all" : targetAll}`}`);
        } else {
          dropped.push(`${term} (${name === "exp" ? "the explanation for failed checks; the planned record has none" : "a modifier receivers ignore, RFC 7208 §6"})`);
        }
        continue;
      }
      const match = /^([+?~-]?)([A-Za-z0-9]+)(.*)$/.exec(term);
      const qualifier = QUALIFIERS[match?.[1] || "+"];
      const mechanism = match?.[2].toLowerCase() ?? "";
      const rest = match?.[3] ?? "";
      if (mechanism === "all" && rest === "") {
        if (qualifier === "pass") plusAll = true;
        else alls.push(qualifier);
        afterAll = true;
        continue;
      }
      if (!["include", "a", "mx", "ip4", "ip6", "ptr", "exists"].includes(mechanism)) {
        dropped.push(`${term} (not an SPF mechanism: receivers return permerror for the record today)`);
        continue;
      }
      if (qualifier !== "pass") {
        refused.push({ term, why: `has the qualifier "${match![1]}": the planned record lists every sender as pass, before one "all" term`, fix: `Decide: list the sender as pass (remove "${match![1]}") or leave it out.` });
        continue;
      }
      const value = rest.startsWith(":") ? rest.slice(1) : "";
      if (mechanism === "include") {
        const host = normaliseHostName(value.replace(/\.$/, ""), 2, true);
        if (value.includes("%") || !host.ok) {
          refused.push({ term, why: value.includes("%") ? "uses an SPF macro, which spf.include cannot hold" : "names no valid domain", fix: ADDRESS_FIX });
        } else if (host.ascii === MAIL_CONNECT.spfInclude) {
          hasMailConnect = true;
        } else {
          keep({ term, option: "include", value: host.ascii, target: host.ascii }, include);
        }
      } else if (mechanism === "a" || mechanism === "mx") {
        const own = rest === "" || (rest.startsWith(":") && value.toLowerCase().replace(/\.$/, "") === domain);
        if (!own) {
          refused.push({ term, why: `names ${rest.startsWith("/") ? "a prefix length" : `another host (${value})`}; spf.${mechanism} can only say "${mechanism}" for the domain itself`, fix: `List that host's addresses as ip4: / ip6: terms (they are not followed when they change), or ask its operator for an include.` });
        } else if (mechanism === "a" && !a) {
          a = true;
          kept.push({ term, option: "a", value: "" });
        } else if (mechanism === "mx" && !mx) {
          mx = true;
          kept.push({ term, option: "mx", value: "" });
        }
      } else if (mechanism === "ip4" || mechanism === "ip6") {
        const parsed = rest.startsWith(":") ? parseNetwork(value) : undefined;
        const family = mechanism === "ip4" ? 4 : 6;
        if (parsed === undefined || parsed.family !== family) {
          dropped.push(`${term} (not an IPv${family} address or network: receivers return permerror for the record today)`);
        } else if (parsed.prefix === 0) {
          refused.push({ term, why: "authorises every address on the internet, like +all", fix: "List only your own senders' addresses or networks." });
        } else {
          const full = parsed.prefix === (family === 4 ? 32 : 128);
          const network = full ? parsed.address : parsed.canonical;
          if (parsed.hostBitsSet) notes.push(`${term} is written as ${mechanism}:${network}, receivers ignore the host bits`);
          keep({ term, option: mechanism, value: network }, mechanism === "ip4" ? ip4 : ip6);
        }
      } else if (mechanism === "ptr") {
        refused.push({ term, why: "the ptr mechanism is refused by the library (RFC 7208 §5.5: SHOULD NOT be used)", fix: "List the senders' addresses as ip4: / ip6: terms." });
      } else {
        refused.push({ term, why: "the exists mechanism cannot be expressed in spf options", fix: ADDRESS_FIX });
      }
    }
  }
  // Several records (a permerror today) or a redirect: the most lenient qualifier found, so that no sender that passed or was neutral starts failing.
  const all = alls.length === 0 ? undefined : LENIENCY.find((q) => alls.includes(q));
  const options: SpfOptions = {
    ...(include.length > 0 ? { include } : {}),
    ...(ip4.length > 0 ? { ip4 } : {}),
    ...(ip6.length > 0 ? { ip6 } : {}),
    ...(a ? { a } : {}),
    ...(mx ? { mx } : {}),
    ...(all !== undefined && all !== "neutral" ? { all } : {}),
  };
  return { options, kept, refused, dropped, notes, plusAll, hasMailConnect, records: spfTexts.length };
}
