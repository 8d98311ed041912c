/**
 * Expectations from the options `MailConnectDomain` takes, through the same planner, so
 * `verify --domain` / `--config` expects exactly what the construct publishes.
 */
import { planToRrsets } from "../plan/dns-rrset";
import { MailConnectValidationError } from "../errors";
import { MailConnectProduct, MailConnectRecordOptions } from "../mail-connect/options";
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
 * The expectation for one domain's options. PRO domains without `autoSetup` may still have
 * auto-setup records (the article calls them optional); other products must not.
 * @throws MailConnectValidationError when the planner refuses the options (the planner also
 *   refuses names that IDN conversion would cut, such as `ok.test/evil`)
 */
export function expectedFromOptions(options: MailConnectRecordOptions, source?: string): ExpectedMailDomain {
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
