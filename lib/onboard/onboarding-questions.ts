/**
 * The questions onboarding asks of live DNS about one domain, besides the SPF records its
 * includes lead to (those are found by following the live SPF record and mail-connect's
 * include; see `readLiveMailZone`). DKIM selectors cannot be listed in DNS, so the selectors
 * of the common senders are asked by name.
 */
import { LookupType } from "../verify/live-dns";

/** One question: an owner name (lowercase ASCII, no trailing dot) and a type. */
export interface OnboardingQuestion {
  readonly name: string;
  readonly type: LookupType;
}

/**
 * DKIM selectors asked for besides mail-connect's own: those of the common hosted-mail
 * providers and bulk senders (Microsoft 365 `selector1`/`selector2`, Google Workspace
 * `google`, and others), so that the plan can name the selectors DMARC alignment depends on.
 */
export const KNOWN_DKIM_SELECTORS: readonly string[] = [
  "selector1",
  "selector2",
  "google",
  "default",
  "dkim",
  "mail",
  "k1",
  "k2",
  "k3",
  "s1",
  "s2",
  "zoho",
  "zmail",
  "protonmail",
  "protonmail2",
  "protonmail3",
  "mandrill",
  "mxvault",
  "smtpapi",
  "everlytickey1",
  "sib",
  "mailjet",
  "ionos",
  "strato",
  "key1",
  "key2",
];

/** Host names inside the domain that mail clients are often configured with (server-name records). */
export const CLIENT_HOST_LABELS: readonly string[] = ["imap", "pop", "pop3", "smtp", "mail"];

/** Every question about the domain's own names, in a fixed order. `domain`: lowercase ASCII, no trailing dot. */
export function onboardingQuestions(domain: string, dkimSelector = "mail-connect"): OnboardingQuestion[] {
  const questions: OnboardingQuestion[] = [
    { name: domain, type: "SOA" },
    { name: domain, type: "NS" },
    { name: domain, type: "MX" },
    { name: domain, type: "TXT" },
    { name: `_dmarc.${domain}`, type: "TXT" },
    { name: `_dmarc.${domain}`, type: "CNAME" },
    { name: `autoconfig.${domain}`, type: "CNAME" },
    { name: `autoconfig.${domain}`, type: "A" },
    { name: `autodiscover.${domain}`, type: "CNAME" },
    { name: `autodiscover.${domain}`, type: "A" },
    { name: `_autodiscover._tcp.${domain}`, type: "SRV" },
  ];
  for (const selector of [dkimSelector, ...KNOWN_DKIM_SELECTORS.filter((s) => s !== dkimSelector)]) {
    questions.push({ name: `${selector}._domainkey.${domain}`, type: "TXT" }, { name: `${selector}._domainkey.${domain}`, type: "CNAME" });
  }
  for (const label of CLIENT_HOST_LABELS) {
    questions.push({ name: `${label}.${domain}`, type: "CNAME" }, { name: `${label}.${domain}`, type: "A" });
  }
  return questions;
}
