/**
 * The common hosted-mail providers, recognised by the names they have a customer publish: MX
 * hosts, SPF includes, DKIM selectors (and the CNAME targets behind them), the autodiscover
 * target. Every name matches itself and the names under it (`mail.protection.outlook.com`
 * matches `firma-de.mail.protection.outlook.com`). Sources are named per entry; where the
 * provider's own page was not at hand, the entry says what it rests on.
 */
import { isNameUnder } from "./registrable-domain";

/** One hosted-mail provider and the names that give it away. */
export interface HostedMailProvider {
  /** Its name as the plan shows it (`Microsoft 365`). */
  readonly name: string;
  /** MX hosts (or the domains they are under). */
  readonly mx: readonly string[];
  /** SPF `include:`/`redirect=` targets (or the domains they are under). */
  readonly spf: readonly string[];
  /** DKIM selectors the provider has the customer publish. */
  readonly dkimSelectors: readonly string[];
  /** Where its DKIM CNAMEs point (or the domains they are under); [] when it publishes TXT keys. */
  readonly dkimTargets: readonly string[];
  /** Where its `autodiscover.<domain>` / autoconfig records point. */
  readonly autoSetup: readonly string[];
}

/** The providers, in the order they are tried. */
export const HOSTED_MAIL_PROVIDERS: readonly HostedMailProvider[] = [
  {
    // Microsoft Learn, "Add DNS records to connect your domain" (MX `<domain-key>.mail.protection.outlook.com`,
    // CNAME autodiscover → autodiscover.outlook.com, TXT "v=spf1 include:spf.protection.outlook.com -all");
    // "Set up DKIM for Microsoft 365" (selector1/selector2 CNAMEs → selectorN-<domain>._domainkey.<tenant>.onmicrosoft.com);
    // the same names in Domain-Connect/Templates microsoft.com.o365.json and DNSControl's M365_BUILDER.
    name: "Microsoft 365",
    mx: ["mail.protection.outlook.com"],
    spf: ["spf.protection.outlook.com"],
    dkimSelectors: ["selector1", "selector2"],
    dkimTargets: ["onmicrosoft.com"],
    autoSetup: ["autodiscover.outlook.com"],
  },
  {
    // Google Workspace Admin Help "Set up MX records" (answer 140034: `smtp.google.com` since 2023, the legacy
    // ASPMX.L.GOOGLE.COM/ALT1-4 set and older aspmx2-5.googlemail.com still supported), "Set up SPF"
    // (answer 33786: include:_spf.google.com; older records used include:aspmx.googlemail.com),
    // "Set up DKIM" (default selector `google`, a TXT record).
    name: "Google Workspace",
    mx: ["smtp.google.com", "aspmx.l.google.com", "googlemail.com"],
    spf: ["_spf.google.com", "aspmx.googlemail.com"],
    dkimSelectors: ["google"],
    dkimTargets: [],
    autoSetup: [],
  },
  {
    // IONOS Help "Using an SPF record to prevent spam" (IONOS SPF, include:_spf-eu.ionos.com in the EU,
    // _spf-us.ionos.com in the US); MX mx00/mx01.ionos.<tld> (and the former 1and1.<tld> names) as the
    // IONOS control panel sets them.
    name: "IONOS",
    mx: ["ionos.de", "ionos.com", "ionos.co.uk", "ionos.es", "ionos.fr", "ionos.it", "ionos.at", "1and1.com", "1and1.de", "1and1.es", "1and1.co.uk", "kundenserver.de"],
    spf: ["ionos.com", "ionos.de", "kundenserver.de"],
    dkimSelectors: [],
    dkimTargets: [],
    autoSetup: ["ionos.de", "ionos.com"],
  },
  {
    // STRATO FAQ "Welche Einstellungen kann ich im Konfigurationsdialog MX-Record vornehmen?" (STRATO's own
    // mail servers vs. an own server); STRATO's MX host smtpin.rzone.de and its SPF include under strato.de/
    // rzone.de are matched by the operator's domains (no STRATO page listing them was at hand).
    name: "STRATO",
    mx: ["rzone.de", "strato.de"],
    spf: ["strato.de", "strato.com", "rzone.de"],
    dkimSelectors: ["strato"],
    dkimTargets: [],
    autoSetup: ["strato.de"],
  },
  {
    // Zoho Mail "Email Configuration" (MX mx/mx2/mx3.zoho.<region>; SPF include:zoho.<region> or
    // spf.zoho.<region> for .com, .eu, .in, .com.au, .com.cn; DKIM TXT with a selector the admin names,
    // `zmail` by default).
    name: "Zoho Mail",
    mx: ["zoho.com", "zoho.eu", "zoho.in", "zoho.com.au", "zoho.com.cn", "zohomail.com", "zohomail.eu"],
    spf: ["zoho.com", "zoho.eu", "zoho.in", "zoho.com.au", "zoho.com.cn", "zohomail.com", "zohomail.eu"],
    dkimSelectors: ["zmail", "zoho"],
    dkimTargets: [],
    autoSetup: [],
  },
  {
    // Fastmail Help "DNS records for custom domains" (article 360060591153: MX in1-smtp/in2-smtp.messagingengine.com,
    // include:spf.messagingengine.com, DKIM CNAMEs fm1/fm2/fm3._domainkey → fmN.<domain>.dkim.fmhosted.com).
    name: "Fastmail",
    mx: ["messagingengine.com"],
    spf: ["messagingengine.com"],
    dkimSelectors: ["fm1", "fm2", "fm3"],
    dkimTargets: ["fmhosted.com"],
    autoSetup: ["messagingengine.com", "fastmail.com"],
  },
  {
    // Proton Support "Anti-spoofing for custom domains" and "Custom domain setup" (MX mail.protonmail.ch /
    // mailsec.protonmail.ch, include:_spf.protonmail.ch, DKIM CNAMEs protonmail, protonmail2, protonmail3 →
    // protonmailN.domainkey.<id>.domains.proton.ch).
    name: "Proton Mail",
    mx: ["protonmail.ch"],
    spf: ["protonmail.ch"],
    dkimSelectors: ["protonmail", "protonmail2", "protonmail3"],
    dkimTargets: ["proton.ch"],
    autoSetup: [],
  },
  {
    // mailbox.org KB "Spam-Reputation der eigenen Domain verbessern mit SPF, DKIM und DMARC" (include:mailbox.org,
    // DKIM CNAMEs MBO0001-MBO0004._domainkey → MBO000N._domainkey.mailbox.org) and "Using e-mails with a custom
    // domain" (MX mxext1-3.mailbox.org).
    name: "mailbox.org",
    mx: ["mailbox.org"],
    spf: ["mailbox.org"],
    dkimSelectors: ["mbo0001", "mbo0002", "mbo0003", "mbo0004"],
    dkimTargets: ["mailbox.org"],
    autoSetup: ["mailbox.org"],
  },
  {
    // Hetzner web hosting mail (MX www<N>.your-server.de / mail.your-server.de, include:spf.your-server.de):
    // matched by the operator's domain your-server.de (Hetzner's docs.hetzner.com MX page shows only an own server).
    name: "Hetzner",
    mx: ["your-server.de"],
    spf: ["your-server.de"],
    dkimSelectors: [],
    dkimTargets: [],
    autoSetup: ["your-server.de"],
  },
  {
    // OVHcloud docs "How to improve email security with an SPF record" (include:mx.ovh.com) and the zones
    // OVHcloud creates (MX mx1-mx4.mail.ovh.net, redirect.ovh.net; autoconfig/autodiscover → mailconfig.ovh.net).
    name: "OVHcloud",
    mx: ["mail.ovh.net", "redirect.ovh.net"],
    spf: ["mx.ovh.com", "ovh.com"],
    dkimSelectors: [],
    dkimTargets: [],
    autoSetup: ["ovh.net"],
  },
];

/** The provider whose MX hosts include `host`, if any. */
export function providerByMx(host: string): HostedMailProvider | undefined {
  return HOSTED_MAIL_PROVIDERS.find((p) => p.mx.some((suffix) => isNameUnder(host, suffix)));
}

/** Whether an SPF `include:`/`redirect=` target belongs to `provider`. */
export function isProviderSpfTarget(provider: HostedMailProvider, target: string): boolean {
  return provider.spf.some((suffix) => isNameUnder(target, suffix));
}

/**
 * Whether a DKIM selector belongs to `provider`: by the CNAME's target when the provider
 * publishes CNAMEs (the selector name alone, `selector1`, is used by other senders too), else by
 * the selector name.
 */
export function isProviderDkim(provider: HostedMailProvider, selector: string, cnameTarget: string | undefined): boolean {
  if (cnameTarget !== undefined && provider.dkimTargets.length > 0) return provider.dkimTargets.some((suffix) => isNameUnder(cnameTarget, suffix));
  return provider.dkimTargets.length === 0 && provider.dkimSelectors.includes(selector.toLowerCase());
}

/** Whether an auto-setup record's target (autodiscover/autoconfig CNAME) belongs to `provider`. */
export function isProviderAutoSetup(provider: HostedMailProvider, target: string): boolean {
  return provider.autoSetup.some((suffix) => isNameUnder(target, suffix));
}
