/**
 * A plan written by hand as the planner would make it for the Microsoft 365 scenario, for the
 * tests of the report, the JSON document and the exit codes (they take any plan; the
 * planner's own tests make real ones).
 */
import { LiveMailZone, OnboardingPlan } from "../../../lib/onboard/onboarding-plan";

/** The live zone the plan is made from: only what the outputs read (domain, zone, source, the NS set). */
export function sampleLive(overrides: Partial<LiveMailZone> = {}): LiveMailZone {
  return {
    domain: "kanzlei-weber.de",
    zone: "kanzlei-weber.de",
    source: "127.0.0.1:5353",
    answers: [
      { name: "kanzlei-weber.de", type: "SOA", result: { status: "found", rdata: ["ns-101.awsdns-12.com. 1"] } },
      { name: "kanzlei-weber.de", type: "NS", result: { status: "found", rdata: ["ns-101.awsdns-12.com.", "ns-702.awsdns-23.net."] } },
      { name: "kanzlei-weber.de", type: "MX", result: { status: "found", rdata: ["0 kanzlei-weber-de.mail.protection.outlook.com."] } },
      { name: "kanzlei-weber.de", type: "TXT", result: { status: "found", rdata: ['"MS=ms48151623"', '"v=spf1 include:spf.protection.outlook.com -all"'] } },
      { name: "_dmarc.kanzlei-weber.de", type: "TXT", result: { status: "found", rdata: ['"v=DMARC1; p=none; rua=mailto:dmarc@kanzlei-weber.de"'] } },
    ],
    ...overrides,
  };
}

const SPF_AFTER = "v=spf1 include:spf.protection.outlook.com include:_spf.mail-connect.net -all";

/** The plan for the Microsoft 365 scenario, PRO; `blocked` adds a blocking risk. */
export function samplePlan(options: { blocked?: boolean; hostileTxt?: string } = {}): OnboardingPlan {
  const extraTxt = ["MS=ms48151623", ...(options.hostileTxt !== undefined ? [options.hostileTxt] : [])];
  return {
    domain: "kanzlei-weber.de",
    zone: "kanzlei-weber.de",
    product: "pro",
    status: options.blocked ? "blocked" : "ready",
    options: {
      domain: "kanzlei-weber.de",
      spf: { include: ["spf.protection.outlook.com"], all: "fail" },
      dmarc: { policy: "quarantine", rua: ["mailto:dmarc@kanzlei-weber.de"] },
      extraTxt,
    },
    adopt: ["mx", "spf", "dmarc"],
    changes: [
      { purpose: "mx", name: "kanzlei-weber.de", type: "MX", current: ["0 kanzlei-weber-de.mail.protection.outlook.com."], planned: ["10 mx.mail-connect.net."], action: "replace", note: "old host: Microsoft 365" },
      { purpose: "spf", name: "kanzlei-weber.de", type: "TXT", current: ["v=spf1 include:spf.protection.outlook.com -all", ...extraTxt], planned: [SPF_AFTER, ...extraTxt], action: "replace", note: "kept: Microsoft 365's include (remove it once the mailboxes have moved) and the site verification" },
      { purpose: "dkim", name: "mail-connect._domainkey.kanzlei-weber.de", type: "TXT", current: [], planned: ["v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB"], action: "add" },
      { purpose: "dmarc", name: "_dmarc.kanzlei-weber.de", type: "TXT", current: ["v=DMARC1; p=none; rua=mailto:dmarc@kanzlei-weber.de"], planned: ["v=DMARC1; p=quarantine; rua=mailto:dmarc@kanzlei-weber.de; ruf=mailto:postmaster@kanzlei-weber.de;"], action: "replace", note: "report address kept; p=none becomes the article's p=quarantine" },
      { purpose: "autoconfig", name: "autoconfig.kanzlei-weber.de", type: "CNAME", current: [], planned: ["autoconfig.mail-connect.net."], action: "add" },
      { purpose: "autodiscover", name: "_autodiscover._tcp.kanzlei-weber.de", type: "SRV", current: [], planned: ["1 100 443 autodiscover.mail-connect.net."], action: "add" },
      { purpose: "other", name: "autodiscover.kanzlei-weber.de", type: "CNAME", current: ["autodiscover.outlook.com."], planned: [], action: "remove-by-hand", note: "Outlook asks autodiscover.<domain> before the SRV record: it would still find Microsoft 365" },
      { purpose: "other", name: "selector1._domainkey.kanzlei-weber.de", type: "CNAME", current: ["selector1-kanzlei-weber-de._domainkey.kanzleiweber.onmicrosoft.com."], planned: [], action: "keep" },
    ],
    spf: { text: SPF_AFTER, lookups: 2, limit: 10, breakdown: ["include:spf.protection.outlook.com 1", "include:_spf.mail-connect.net 1"], unread: [] },
    oldMailHost: { name: "Microsoft 365", recognised: true, evidence: ["MX 0 kanzlei-weber-de.mail.protection.outlook.com.", "include:spf.protection.outlook.com"] },
    risks: [
      ...(options.blocked
        ? [{ id: "auto-setup-conflict", severity: "blocking" as const, message: "autoconfig.kanzlei-weber.de points at the old host, and TEAM mailboxes must not have auto-setup records.", action: "Delete autoconfig.kanzlei-weber.de before the switch." }]
        : []),
      {
        id: "mx-switch",
        severity: "warning",
        message: "The MX switch reroutes all incoming mail from the moment of apply: mail to kanzlei-weber.de goes to mail-connect instead of Microsoft 365, and resolvers keep the old MX for its TTL (86400 s).",
        action: "Lower the MX TTL to 300 a day ahead (step 1); create the mailboxes at mail-connect before the switch.",
      },
      { id: "dkim-alignment", severity: "info", message: "DMARC passes today through Microsoft 365's DKIM selectors selector1 and selector2.", action: "Keep them until Microsoft 365 no longer sends as kanzlei-weber.de." },
    ],
    steps: [
      { when: "1 day before", what: "Lower the TTL of the MX record of kanzlei-weber.de to 300 seconds." },
      { when: "the switch", what: "Deploy the MailConnectDomain below (cdktf deploy); then run cdktf-mail-connect verify --domain kanzlei-weber.de --authoritative." },
      { when: "after 30 days", what: "Remove include:spf.protection.outlook.com from the SPF record once Microsoft 365 sends no more mail as kanzlei-weber.de." },
    ],
  };
}

/** A TypeScript app as the generator writes one (any text: the outputs print it as given). */
export const SAMPLE_TYPESCRIPT = `import { App, TerraformStack } from "cdktf";
import { DnsZone, MailConnectDomain } from "cdktf-mail-connect";

const app = new App();
const stack = new TerraformStack(app, "mail");
new MailConnectDomain(stack, "kanzlei-weber-de", {
  domain: "kanzlei-weber.de",
  zone: DnsZone.route53({ zoneId: "Z0123456789ABCDEFGHIJ" /* TODO: the hosted zone's id */ }),
  spf: { include: ["spf.protection.outlook.com"], all: "fail" },
  adopt: ["mx", "spf", "dmarc"],
});
app.synth();
`;
