/**
 * `LiveMailZone` fixtures written by hand: the answers a reader would record for a domain.
 * Every question of `onboardingQuestions` that a fixture does not answer is answered "none", as
 * a reader of a real zone would find it: NODATA at a name that holds other records and at the
 * domain itself (it exists, unless `missing`), NXDOMAIN elsewhere; `unasked` takes a question out.
 */
import { splitCharacterStrings } from "../../../lib/plan/txt-strings";
import { LiveAnswer, LiveMailZone } from "../../../lib/onboard/onboarding-plan";
import { onboardingQuestions } from "../../../lib/onboard/onboarding-questions";
import { LookupResult, LookupType } from "../../../lib/verify/live-dns";
import { txtRdata } from "../../../lib/verify/rdata";
import { MAIL_CONNECT_SPF } from "../../support/mail-connect-zone";

/** Builds one domain's live answers. Names: `@` is the domain, `label` is under it, `name.` (trailing dot) is absolute. */
export class LiveZoneBuilder {
  private readonly answers = new Map<string, LiveAnswer>();
  private readonly skipped = new Set<string>();
  private exists = true;

  constructor(public readonly domain: string) {}

  /** The owner name of `label` (see the class doc). */
  public name(label: string): string {
    if (label === "@") return this.domain;
    if (label.endsWith(".")) return label.slice(0, -1).toLowerCase();
    return `${label}.${this.domain}`;
  }

  /** Records found at `label`, in presentation form. */
  public records(label: string, type: LookupType, rdata: readonly string[], extra: { ttl?: number; via?: readonly string[] } = {}): this {
    return this.set(label, type, { status: "found", rdata, ttl: extra.ttl ?? 3600, authoritative: true, ...(extra.via ? { via: extra.via } : {}) });
  }

  /** TXT records at `label`, one per text (long texts split into character-strings). */
  public txt(label: string, ...texts: string[]): this {
    return this.records(label, "TXT", texts.map((t) => txtRdata(splitCharacterStrings(t))));
  }

  /** MX records at the domain, `0 host.` style, with a TTL. */
  public mx(values: readonly string[], ttl = 3600): this {
    return this.records("@", "MX", values, { ttl });
  }

  /** A CNAME at `label`; with `txt`, the TXT records found through it (as a resolver follows it). */
  public cname(label: string, target: string, txt?: readonly string[]): this {
    const absolute = target.endsWith(".") ? target : `${target}.`;
    this.records(label, "CNAME", [absolute]);
    if (txt !== undefined) this.records(label, "TXT", txt.map((t) => txtRdata(splitCharacterStrings(t))), { via: [absolute.slice(0, -1)] });
    return this;
  }

  /** A question that failed (timeout, SERVFAIL). */
  public error(label: string, type: LookupType, message = "timeout"): this {
    return this.set(label, type, { status: "error", code: "ETIMEOUT", message });
  }

  /** A question the reader did not ask. */
  public unasked(label: string, type: LookupType): this {
    this.answers.delete(`${this.name(label)} ${type}`);
    this.skipped.add(`${this.name(label)} ${type}`);
    return this;
  }

  /** The domain does not exist: its unanswered questions are NXDOMAIN too (a misspelt name, a subdomain not created yet). */
  public missing(): this {
    this.exists = false;
    return this;
  }

  /** The SPF record of mail-connect's include, as the reader follows it. */
  public mailConnectInclude(): this {
    return this.txt("_spf.mail-connect.net.", MAIL_CONNECT_SPF);
  }

  /** The fixture, every unanswered own question answered NODATA or NXDOMAIN (see the class doc). */
  public build(zone?: string): LiveMailZone {
    const held = new Set([...this.answers.values()].filter((a) => a.result.status === "found" && (a.result.via?.length ?? 0) === 0).map((a) => a.name));
    if (this.exists) held.add(this.domain);
    for (const q of onboardingQuestions(this.domain)) {
      const k = `${q.name} ${q.type}`;
      const reason = held.has(q.name) ? "NODATA" : "NXDOMAIN";
      if (!this.answers.has(k) && !this.skipped.has(k)) this.answers.set(k, { name: q.name, type: q.type, result: { status: "none", reason, authoritative: true } });
    }
    return { domain: this.domain, ...(zone ? { zone } : {}), source: "a fixture", answers: [...this.answers.values()] };
  }

  private set(label: string, type: LookupType, result: LookupResult): this {
    const name = this.name(label);
    this.answers.set(`${name} ${type}`, { name, type, result });
    return this;
  }
}
