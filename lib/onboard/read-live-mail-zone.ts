/**
 * `readLiveMailZone`: the I/O half of onboarding. Asks live DNS every question of
 * `onboardingQuestions` about a domain, finds the zone that holds it, and follows its SPF
 * records (and mail-connect's include) through every include, the way `countSpfLookups`
 * evaluates them, recording each question and answer. The servers are chosen as `verify`
 * chooses them (`DnsRoles`): the domain's names from the record servers (`resolver`, the
 * system resolver, or the zone's own name servers with `authoritative`), every other name
 * from the recursive resolver. Answers are cached per run, so nothing is asked twice.
 */
import { MailConnectValidationError } from "../errors";
import { MAIL_CONNECT } from "../mail-connect/mail-connect";
import { isWithinDomain, normaliseHostName } from "../plan/host-names";
import { DnsRoles, DnsServerOptions, failingLookup } from "../verify/dns-roles";
import { DnsLookup, LookupResult, LookupType } from "../verify/live-dns";
import { isSpfText, txtText } from "../verify/rdata";
import { countSpfLookups } from "../verify/spf-lookups";
import { LiveAnswer, LiveMailZone } from "./onboarding-plan";
import { onboardingQuestions } from "./onboarding-questions";

/** Options of {@link readLiveMailZone}: the servers to ask (as `verify`'s), and progress. */
export interface ReadLiveMailZoneOptions extends DnsServerOptions {
  /**
   * Called after each of the domain's own questions is answered (for a progress indicator).
   * @default - nothing is called
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The SPF record mail-connect's article gives; its include is followed too, so the plan can count what adding it costs. */
export const MAIL_CONNECT_SPF_TEXT = `v=spf1 include:${MAIL_CONNECT.spfInclude} ?all`;

/**
 * Every question and answer, each (name, type) once, in the order first asked. Records are
 * sorted: a DNS record set has no order and servers rotate it, and the plan made from the
 * answers should not change with the rotation.
 */
class AnswerLog {
  private readonly answers = new Map<string, LiveAnswer>();

  public record(name: string, type: LookupType, result: LookupResult): void {
    const key = `${name} ${type}`;
    if (this.answers.has(key)) return;
    this.answers.set(key, { name, type, result: result.status === "found" ? { ...result, rdata: [...result.rdata].sort() } : result });
  }

  public get(name: string, type: LookupType): LookupResult | undefined {
    return this.answers.get(`${name} ${type}`)?.result;
  }

  public list(): LiveAnswer[] {
    return [...this.answers.values()];
  }
}

/** Where the domain's names are read and the zone that holds it. */
interface DomainView {
  readonly dns: DnsLookup;
  readonly zone?: string;
  readonly source: string;
}

function lower(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * With a record server (`resolver` or the system resolver): the zone is the owner of the first
 * SOA found at the domain or above it (not the top-level domain), asked of the record servers.
 */
async function recordServerView(roles: DnsRoles, domain: string, log: AnswerLog): Promise<DomainView> {
  const records = roles.records!;
  const labels = domain.split(".");
  let zone: string | undefined;
  for (let i = 0; i < labels.length - 1 && zone === undefined; i++) {
    const name = labels.slice(i).join(".");
    const soa = await records.lookup(name, "SOA");
    log.record(name, "SOA", soa);
    if (soa.status === "error") break;
    if (soa.status === "found" && soa.via === undefined) zone = name;
  }
  return { dns: roles.routed(zone ?? domain), ...(zone !== undefined ? { zone } : {}), source: roles.recordsLabel! };
}

/** With `authoritative`: the zone and its name servers through the recursive resolver; the domain's names from them. */
async function authoritativeView(roles: DnsRoles, domain: string): Promise<DomainView> {
  const found = await roles.zoneServers(domain);
  if (!found.ok) {
    // The domain's names cannot be asked; other names (mail-connect's include) still can.
    const failing = failingLookup(found.problem);
    return { dns: { lookup: (name, type) => (isWithinDomain(name, domain) ? failing : roles.recursive).lookup(name, type) }, source: "the zone's name servers (not found)" };
  }
  return { dns: roles.serversRouted(found.zone, found.servers), zone: found.zone, source: `the zone's name servers: ${found.servers.map((s) => s.label).join(", ")}` };
}

/**
 * The domain in the form every answer names it: lowercase ASCII (IDN → punycode), no trailing dot.
 * @throws MailConnectValidationError when it is not a domain name
 */
export function normaliseMailDomain(domain: string): string {
  const result = normaliseHostName(domain, 2);
  if (!result.ok) {
    throw new MailConnectValidationError("onboarding", [{ path: "domain", value: domain, rule: result.rule, fix: "Give the mail domain itself, e.g. firma.de, news.my-company.com or müller.de." }]);
  }
  return result.ascii;
}

/**
 * Reads a domain's live mail records for onboarding. Never throws for DNS failures: a question
 * that could not be answered is recorded with status `error`.
 * @param domain the mail domain (Unicode or punycode, any case, a trailing dot allowed)
 * @throws MailConnectValidationError when `domain` is not a domain name
 * @throws VerifyInputError when the server options are malformed or contradict each other
 */
export async function readLiveMailZone(domain: string, options: ReadLiveMailZoneOptions = {}): Promise<LiveMailZone> {
  const ascii = normaliseMailDomain(domain);
  const roles = await DnsRoles.open(options);
  try {
    const log = new AnswerLog();
    const view = roles.records !== undefined ? await recordServerView(roles, ascii, log) : await authoritativeView(roles, ascii);
    const questions = onboardingQuestions(ascii, MAIL_CONNECT.dkimSelector);
    // The zone's NS set names its DNS provider; it lies above a subdomain.
    if (view.zone !== undefined && view.zone !== ascii) questions.push({ name: view.zone, type: "NS" }, { name: view.zone, type: "SOA" });
    let done = 0;
    const results = await Promise.all(
      questions.map(async (q) => {
        const result = await view.dns.lookup(q.name, q.type);
        options.onProgress?.(++done, questions.length);
        return result;
      }),
    );
    questions.forEach((q, i) => log.record(q.name, q.type, results[i]));

    // Every SPF record at the domain, and mail-connect's, through their includes: a lookup
    // function that records what evaluating them asks.
    const spfLookup = async (name: string, type: "TXT" | "A" | "MX"): Promise<LookupResult> => {
      const asked = lower(name);
      const result = log.get(asked, type) ?? (await view.dns.lookup(asked, type));
      log.record(asked, type, result);
      return result;
    };
    const apexTxt = log.get(ascii, "TXT");
    const spfTexts = apexTxt?.status === "found" ? apexTxt.rdata.map(txtText).filter(isSpfText) : [];
    for (const text of [...spfTexts, MAIL_CONNECT_SPF_TEXT]) await countSpfLookups(ascii, text, spfLookup);

    return { domain: ascii, ...(view.zone !== undefined ? { zone: view.zone } : {}), source: view.source, answers: log.list() };
  } finally {
    roles.close();
  }
}
