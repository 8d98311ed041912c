/**
 * Expectations from the options `MailConnectDomain` takes, through the same planner, so
 * `verify --domain` / `--config` expects exactly what the construct publishes.
 */
import { planToRrsets } from "../dns-rrset";
import { MailConnectValidationError, ReasonCollector } from "../errors";
import { MailConnectProduct, MailConnectRecordOptions } from "../options";
import { planMailConnectRecords } from "../plan/plan-records";
import { ExpectedMailDomain, forbiddenAutoSetup } from "./expected-domain";
import { VerifyInputError } from "./verify-input-error";

/** Why a product must not have auto-setup records (article rule 4). */
const AUTO_SETUP_FORBIDDEN: Record<Exclude<MailConnectProduct, "pro">, string> = {
  team: "Auto-setup records must not be set for mail-connect TEAM mailboxes (they sync over other protocols).",
  secgate: "Auto-setup records pointing at mail-connect must not be set when mail-connect is only the filtering gateway (SECGATE): your own mail server's auto-setup records apply instead, if it has any.",
  mailing: "Auto-setup records are for mail-connect PRO mailboxes only; a MAILING domain has none to set up.",
};

/**
 * Characters that `url.domainToASCII` reads as the end of a host (a URL's path, query,
 * fragment, user or port), so `ok.test/evil` would silently become `ok.test`
 * (WHATWG URL "forbidden host code points", https://url.spec.whatwg.org/#forbidden-host-code-point).
 */
const URL_DELIMITERS = /[/\\?#@:%\s\u0000-\u001f\u007f]/;

/**
 * Refuses a domain that holds URL delimiters before the planner reads it.
 * TODO(lead): the planner's `normaliseHostName` (lib/plan/host-names.ts) should refuse these
 * itself, so the construct does too; then this check goes.
 */
function refuseUrlDelimiters(options: MailConnectRecordOptions): void {
  const domain: unknown = (options as { domain?: unknown }).domain;
  if (typeof domain !== "string") return;
  const bad = URL_DELIMITERS.exec(domain);
  if (bad === null) return;
  const reasons = new ReasonCollector();
  reasons.add("domain", domain, `must be a domain name: ${JSON.stringify(bad[0])} is not allowed in one (it ends the host part of a URL, so the rest would be dropped silently)`, 'Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".');
  reasons.throwIfAny(JSON.stringify(domain));
}

/**
 * The expectation for one domain's options. PRO domains without `autoSetup` may still have
 * auto-setup records (the article calls them optional); other products must not.
 * @throws MailConnectValidationError when the planner refuses the options
 */
export function expectedFromOptions(options: MailConnectRecordOptions, source?: string): ExpectedMailDomain {
  refuseUrlDelimiters(options);
  const plan = planMailConnectRecords(options);
  const rrsets = planToRrsets(plan);
  const product = (options.product ?? "pro") as MailConnectProduct;
  const forbidden = product === "pro" ? [] : forbiddenAutoSetup(plan.domain, rrsets, AUTO_SETUP_FORBIDDEN[product] ?? AUTO_SETUP_FORBIDDEN.mailing);
  return { domain: plan.domain, rrsets, forbidden, ...(source !== undefined ? { source } : {}) };
}

/** One set of options and the label the report shows for it. */
export interface LabelledOptions {
  readonly options: MailConnectRecordOptions;
  /** e.g. `--domain`, `config[2]` */
  readonly source: string;
}

/**
 * Expectations for several option sets (a config file's array), collecting every planner
 * problem of every entry into one `VerifyInputError`.
 */
export function expectedFromOptionsList(list: readonly LabelledOptions[]): ExpectedMailDomain[] {
  const problems: string[] = [];
  const result: ExpectedMailDomain[] = [];
  for (const { options, source } of list) {
    try {
      result.push(expectedFromOptions(options, source));
    } catch (error) {
      if (!(error instanceof MailConnectValidationError)) throw error;
      problems.push(...error.messages.map((m) => `${source}: ${m}`));
    }
  }
  if (problems.length > 0) throw new VerifyInputError(problems);
  return result;
}
