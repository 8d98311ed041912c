/**
 * mailauth's SPF check of a planned record, over the fixture's answers: the domain's TXT set is
 * the plan's (SPF and extraTxt), every other name is answered from the fixture. The DNS-served
 * checks (BIND, the provider round-trip) are the end-to-end tests'.
 */
import { spf } from "mailauth/lib/spf";
import { OnboardingPlan, LiveMailZone } from "../../../lib/onboard/onboarding-plan";
import { txtStrings } from "../../../lib/verify/rdata";
import { MAIL_CONNECT_HOSTS } from "../../support/mail-connect-zone";

/** mailauth's SPF result for mail from `sender` at `ip`, with the planned records published. */
export async function plannedSpfResult(live: LiveMailZone, plan: OnboardingPlan, ip: string, sender = `shop@${plan.domain}`): Promise<string> {
  const resolver = async (name: string, type: string): Promise<string[][] | string[]> => {
    const lower = name.toLowerCase().replace(/\.$/, "");
    if (lower === plan.domain && type === "TXT") return [[plan.spf.text], ...(plan.options.extraTxt ?? []).map((t) => [t])];
    if (lower === plan.domain && type === "MX") return [{ exchange: "mx.mail-connect.net", priority: 10 }] as never;
    if (MAIL_CONNECT_HOSTS[lower] !== undefined && type === "A") return [MAIL_CONNECT_HOSTS[lower]];
    const answer = live.answers.find((a) => a.name === lower && a.type === type);
    if (answer?.result.status === "found") return type === "TXT" ? answer.result.rdata.map(txtStrings) : answer.result.rdata.map((r) => r.replace(/\.$/, ""));
    throw Object.assign(new Error(`no ${type} for ${name}`), { code: answer?.result.status === "error" ? "ETIMEOUT" : "ENOTFOUND" });
  };
  const result = await spf({ ip, sender, helo: "mail.sender.example", mta: "mx.test-receiver.invalid", resolver: resolver as never });
  return result.status.result;
}
