/**
 * `planOnboarding`: from a domain's live records (`LiveMailZone`) to the `MailConnectDomain`
 * options that keep what must stay, with every change and risk of the switch. Pure and
 * synchronous: no I/O, no cdktf. The sections (MX, SPF, DMARC, DKIM, auto-setup, server names,
 * other TXT) live in `onboarding-sections.ts`; this file puts them together.
 */
import { domainToUnicode } from "url";
import { MailConnectRecordOptions } from "../mail-connect/options";
import { PlannedRecord, RecordPurpose } from "../plan/record-plan";
import { isSpfText } from "../plan/txt-strings";
import { LiveAnswers, unreadableQuestions } from "./live-answers";
import { findOldHost } from "./old-mail-host";
import { OnboardingBuilder, listText } from "./onboarding-builder";
import { validOptions } from "./onboarding-options";
import { LiveMailZone, OnboardingOptions, OnboardingPlan } from "./onboarding-plan";
import { OnboardingContext } from "./onboarding-context";
import { autoSetupSection, dkimSection, dmarcSection, findSelectors, blockedStep, coreSteps, mxSection, reportRemoved, serverNameChanges, serverNamesSection } from "./onboarding-sections";
import { spfSection, textSection } from "./onboarding-spf-section";
import { mergeDmarc } from "./dmarc-merge";
import { mergeSpf, spfAllOf } from "./spf-merge";

/**
 * Plans the move of a domain to mail-connect from its live records. Pure: no I/O.
 * @param live what was read from DNS (`readLiveMailZone`, or written by hand in tests)
 * @param options the product the domain is booked with
 * @throws MailConnectValidationError when the domain itself is not a valid mail domain
 */
export function planOnboarding(live: LiveMailZone, options: OnboardingOptions = {}): OnboardingPlan {
  const domain = live.domain.toLowerCase().replace(/\.$/, "");
  const product = options.product ?? "pro";
  const answers = new LiveAnswers({ ...live, domain });
  const b = new OnboardingBuilder();

  const zone = (live.zone ?? domain).toLowerCase().replace(/\.$/, "");
  if (answers.missing(domain)) domainNotFound(b, domain, live.zone === undefined ? undefined : zone);
  const essential = unreadableQuestions({ ...live, domain }, "essential");
  const unreadable = unreadableQuestions({ ...live, domain });
  if (essential.length > 0) {
    b.risk("dns-unreadable", "blocking", `The records the plan depends on could not be read: ${listText(essential)}. The plan treats them as absent, which may be wrong.`, "Before the switch, check the resolver or the zone's name servers (--resolver, --authoritative), then run onboard again: the plan is made from these records.");
  } else if (unreadable.length > 0) {
    b.risk("dns-partly-unreadable", "warning", `Some records could not be read: ${listText(unreadable.slice(0, 8))}${unreadable.length > 8 ? ` and ${unreadable.length - 8} more` : ""}. The plan treats them as absent.`, "Run onboard again when the name servers answer, or check those names by hand.");
  }

  const apexTxt = answers.values(domain, "TXT");
  const spf = mergeSpf(domain, apexTxt, (target) => {
    const texts = answers.values(target, "TXT").filter(isSpfText);
    return texts.length === 1 ? spfAllOf(texts[0]) : undefined;
  });
  const dmarc = mergeDmarc(domain, answers.values(`_dmarc.${domain}`, "TXT"));
  const selectors = findSelectors(answers, domain);
  const autoSetupTargets = [`autoconfig.${domain}`, `autodiscover.${domain}`].flatMap((name) => answers.values(name, "CNAME").map((t) => ({ name, target: t.replace(/\.$/, "") })));
  const mxValues = answers.values(domain, "MX");
  const old = findOldHost(mxValues, spf.kept.flatMap((t) => (t.target ? [t.target] : [])), selectors, autoSetupTargets);

  const ctx: OnboardingContext = { domain, product, answers, b, old, spf, dmarc, selectors };
  coreSteps(ctx);
  const serverNames = serverNamesSection(ctx);
  const extraTxt = apexTxt.filter((t) => !isSpfText(t)).filter((t, i, all) => all.indexOf(t) === i);
  const wanted: MailConnectRecordOptions = {
    domain,
    product,
    ...(Object.keys(spf.options).length > 0 ? { spf: spf.options } : {}),
    ...(Object.keys(dmarc.options).length > 0 ? { dmarc: dmarc.options } : {}),
    ...(extraTxt.length > 0 ? { extraTxt } : {}),
    ...(serverNames !== undefined ? { serverNames } : {}),
  };
  const valid = validOptions(wanted);
  reportRemoved(ctx, valid.removed);
  const records = valid.plan.records;

  mxSection(ctx, records);
  autoSetupSection(ctx, records);
  const spfPlan = spfSection(ctx, records, valid.removed);
  textSection(ctx, records, extraTxt);
  dkimSection(ctx, records);
  dmarcSection(ctx, records);
  serverNameChanges(ctx, records);
  blockedStep(ctx);

  const adopt = adoptedPurposes(answers, records);
  const unicode = domainToUnicode(domain);
  return {
    domain,
    ...(unicode !== domain && unicode !== "" ? { unicodeDomain: unicode } : {}),
    zone,
    product,
    status: b.blocked ? "blocked" : "ready",
    options: valid.options,
    adopt,
    changes: b.changes(),
    spf: spfPlan,
    ...(old !== undefined ? { oldMailHost: old.host } : {}),
    risks: b.risks(),
    steps: b.steps(),
    unreadable,
  };
}

/**
 * The domain does not exist (NXDOMAIN): a misspelt name, or a new (sub)domain the plan creates.
 * A warning, first among them: a new mailing subdomain is legitimate.
 */
function domainNotFound(b: OnboardingBuilder, domain: string, zone: string | undefined): void {
  if (zone !== undefined && zone !== domain) {
    b.risk("domain-not-found", "warning", `${domain} does not exist in DNS yet (NXDOMAIN): the zone ${zone} has no records at that name or below it. The plan creates it.`, "Check the spelling of the domain. If it is a new (sub)domain for mail, creating it is fine: go ahead with the plan.");
  } else {
    b.risk("domain-not-found", "warning", `${domain} does not exist in DNS (NXDOMAIN), and no zone above it was found: the domain may not be registered, or its zone not be set up at a DNS provider.`, "Check the spelling of the domain. If it is new, register it and set up its zone at your DNS provider before the switch, then run onboard again.");
  }
}

/**
 * The purposes whose record sets exist now, in the planner's order: those sets are imported,
 * not created. `text` and `spf` share the apex TXT set; a name that holds a CNAME where the plan
 * writes another type is a conflict (see the risks), not an adoption.
 */
function adoptedPurposes(answers: LiveAnswers, records: readonly PlannedRecord[]): RecordPurpose[] {
  const adopt: RecordPurpose[] = [];
  for (const record of records) {
    if (!adopt.includes(record.purpose) && answers.values(record.name, record.type, true).length > 0) adopt.push(record.purpose);
  }
  return adopt;
}
