/**
 * Reading a `LiveMailZone`: one answer per (name, type), values in presentation form (TXT as
 * its text), and which questions could not be read. A question that is not in the zone was
 * not asked, and counts as unreadable: the planner never guesses that a record is absent.
 */
import { LookupResult, LookupType } from "../verify/live-dns";
import { txtText } from "../verify/rdata";
import { LiveMailZone } from "./onboarding-plan";
import { onboardingQuestions } from "./onboarding-questions";

function key(name: string, type: LookupType): string {
  return `${name.toLowerCase().replace(/\.$/, "")} ${type}`;
}

/** The answers of a `LiveMailZone`, looked up by name and type. */
export class LiveAnswers {
  private readonly answers = new Map<string, LookupResult>();

  /** @param live the zone as read; its first answer per name and type counts */
  constructor(public readonly live: LiveMailZone) {
    for (const answer of live.answers) {
      const k = key(answer.name, answer.type);
      if (!this.answers.has(k)) this.answers.set(k, answer.result);
    }
  }

  /** The answer to a question, or undefined when it was not asked. */
  public result(name: string, type: LookupType): LookupResult | undefined {
    return this.answers.get(key(name, type));
  }

  /** Whether the question was asked and answered (records or none). */
  public readable(name: string, type: LookupType): boolean {
    const result = this.result(name, type);
    return result !== undefined && result.status !== "error";
  }

  /** Why a question could not be read (`not asked`, the resolver's message), or undefined when it was. */
  public unreadableReason(name: string, type: LookupType): string | undefined {
    const result = this.result(name, type);
    if (result === undefined) return "not asked";
    return result.status === "error" ? result.message : undefined;
  }

  /**
   * The values found, in presentation form (`10 mx.example.`, TXT as its text without quotes);
   * [] when there are none or the question was not read. With `direct`, values reached through
   * a CNAME at the name are left out (they belong to the CNAME's target).
   */
  public values(name: string, type: LookupType, direct = false): string[] {
    const result = this.result(name, type);
    if (result?.status !== "found") return [];
    if (direct && (result.via?.length ?? 0) > 0) return [];
    return type === "TXT" ? result.rdata.map(txtText) : [...result.rdata];
  }

  /** The CNAME chain the answer followed (`[]` when the name holds the records itself). */
  public via(name: string, type: LookupType): readonly string[] {
    const result = this.result(name, type);
    return result !== undefined && result.status !== "error" ? (result.via ?? []) : [];
  }

  /**
   * Whether the name does not exist: an answer about it itself (not through a CNAME) was
   * NXDOMAIN and none found records or NODATA. An empty name with records below it answers
   * NODATA, so it counts as existing.
   */
  public missing(name: string): boolean {
    const owner = name.toLowerCase().replace(/\.$/, "");
    const results = this.live.answers.filter((a) => a.name.toLowerCase().replace(/\.$/, "") === owner).map((a) => a.result);
    const direct = (r: LookupResult): boolean => r.status !== "error" && (r.via?.length ?? 0) === 0;
    if (results.some((r) => direct(r) && (r.status === "found" || (r.status === "none" && r.reason !== "NXDOMAIN")))) return false;
    return results.some((r) => direct(r) && r.status === "none" && r.reason === "NXDOMAIN");
  }

  /** The TTL of the records found, in seconds. */
  public ttl(name: string, type: LookupType): number | undefined {
    const result = this.result(name, type);
    return result?.status === "found" ? result.ttl : undefined;
  }

  /** The answer as an SPF evaluator needs it: an `error` result for a question nobody asked. */
  public lookup(name: string, type: LookupType): LookupResult {
    return this.result(name, type) ?? { status: "error", code: "ENOTASKED", message: `${name} ${type} was not read` };
  }
}

/** The questions whose answers the plan cannot do without: the apex MX and TXT, and the DMARC TXT. */
export function essentialQuestions(domain: string): { readonly name: string; readonly type: LookupType }[] {
  return [
    { name: domain, type: "MX" },
    { name: domain, type: "TXT" },
    { name: `_dmarc.${domain}`, type: "TXT" },
  ];
}

/**
 * The questions about the domain's own names (`onboardingQuestions`) that could not be read,
 * as `name TYPE: why` (`firma.de MX: timeout`). With `essential`, only the apex MX/TXT and the
 * DMARC TXT: when one of those is unreadable the plan is blocked (the command line exits 2).
 */
export function unreadableQuestions(live: LiveMailZone, which: "all" | "essential" = "all"): string[] {
  const answers = new LiveAnswers(live);
  const questions = which === "essential" ? essentialQuestions(live.domain) : onboardingQuestions(live.domain);
  return questions.flatMap(({ name, type }) => {
    const why = answers.unreadableReason(name, type);
    return why === undefined ? [] : [`${name} ${type}: ${why}`];
  });
}
