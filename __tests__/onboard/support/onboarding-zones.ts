/**
 * Realistic zones of domains that another mail host serves today, written for the onboarding
 * tests, and the zones of the senders they name (stand-ins with test addresses: the real
 * providers' networks change, and nothing here leaves the loopback interface). Each scenario
 * names the senders that pass SPF today and must still pass after the switch, and the TXT
 * values that must stay.
 */
import { domainToASCII } from "url";
import { DnsRrset } from "../../../lib/plan/dns-rrset";
import { MailConnectProduct } from "../../../lib/mail-connect/options";
import type { DnsProviderKind } from "../../../lib/providers/dns-zone";
import { mailConnectRrsets } from "../../support/mail-connect-zone";

/** A sender that sends as the domain and passes SPF today: from `ip`, envelope sender `from`. */
export interface ScenarioSender {
  readonly label: string;
  readonly ip: string;
  readonly from: string;
}

/** One domain moving to mail-connect. */
export interface OnboardingScenario {
  /** What the scenario is about (test names). */
  readonly title: string;
  /** The mail domain and its zone's origin: lowercase ASCII (punycode). */
  readonly domain: string;
  readonly product: MailConnectProduct;
  /** The provider the end-to-end run generates TypeScript for. */
  readonly provider: DnsProviderKind;
  /** The customer's zone today. */
  readonly rrsets: readonly DnsRrset[];
  /** Senders that pass SPF today and must pass after the switch. */
  readonly senders: readonly ScenarioSender[];
  /** Apex TXT values that must still be served after the switch (site verifications). */
  readonly keptTxt: readonly string[];
  /** Whether the plan has a blocking risk (exit code 1). */
  readonly blocked: boolean;
}

function rrset(name: string, type: string, rdata: readonly string[], ttl = 3600): DnsRrset {
  return { name, type, ttl, rdata };
}

const txt = (text: string) => `"${text}"`;

/** A stand-in DKIM key (a 1,024-bit RSA SubjectPublicKeyInfo); only its presence matters here. */
const OTHER_DKIM_KEY =
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB";

/** Test addresses of the stand-in senders (documentation and benchmark ranges). */
export const SENDER_IPS = {
  microsoft365: "40.107.22.10",
  googleWorkspace: "209.85.220.41",
  ionos: "212.227.15.3",
  shopMailer: "198.51.100.25",
  newsletter: "203.0.113.77",
  ownServer: "192.0.2.10",
  oldHost: "192.0.2.80",
} as const;

/**
 * The senders' zones: stand-ins for the providers' SPF records (the include names are the
 * providers' real ones) and the host names the customer zones point at.
 */
export function senderRrsets(): Record<string, DnsRrset[]> {
  return {
    "mail-connect.net": mailConnectRrsets(),
    "outlook.com": [
      rrset("spf.protection.outlook.com", "TXT", [txt("v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/14 ip6:2a01:111:f400::/48 -all")]),
      rrset("kanzlei-weber-de.mail.protection.outlook.com", "A", ["52.101.68.1"]),
      rrset("autodiscover.outlook.com", "A", ["52.97.0.1"]),
    ],
    "onmicrosoft.com": [
      rrset("selector1-kanzlei-weber-de._domainkey.kanzleiweber.onmicrosoft.com", "TXT", [txt(`v=DKIM1; k=rsa; p=${OTHER_DKIM_KEY}`)]),
      rrset("selector2-kanzlei-weber-de._domainkey.kanzleiweber.onmicrosoft.com", "TXT", [txt(`v=DKIM1; k=rsa; p=${OTHER_DKIM_KEY}`)]),
    ],
    "ionos.com": [rrset("_spf-eu.ionos.com", "TXT", [txt("v=spf1 ip4:212.227.0.0/16 ip4:82.165.0.0/16 -all")])],
    "ionos.de": [rrset("mx00.ionos.de", "A", ["212.227.15.41"]), rrset("mx01.ionos.de", "A", ["212.227.17.5"])],
    "shopmailer.example": [rrset("spf.shopmailer.example", "TXT", [txt("v=spf1 ip4:198.51.100.0/24 -all")])],
    "old-isp.example": [
      rrset("mx1.old-isp.example", "A", ["192.0.2.80"]),
      rrset("_spf.old-isp.example", "TXT", [txt("v=spf1 ip4:192.0.2.80/29 -all")]),
      rrset("autoconfig.old-isp.example", "A", ["192.0.2.81"]),
      rrset("autodiscover.old-isp.example", "A", ["192.0.2.81"]),
    ],
    // A bulk sender whose includes chain: a costs 2 lookups, b costs 3, c and d 1 each.
    "bulk.example": [
      rrset("a.bulk.example", "TXT", [txt("v=spf1 include:a2.bulk.example -all")]),
      rrset("a2.bulk.example", "TXT", [txt("v=spf1 ip4:203.0.113.0/26 -all")]),
      rrset("b.bulk.example", "TXT", [txt("v=spf1 include:b2.bulk.example -all")]),
      rrset("b2.bulk.example", "TXT", [txt("v=spf1 include:b3.bulk.example -all")]),
      rrset("b3.bulk.example", "TXT", [txt("v=spf1 ip4:203.0.113.64/26 -all")]),
      rrset("c.bulk.example", "TXT", [txt("v=spf1 ip4:203.0.113.128/26 -all")]),
      rrset("d.bulk.example", "TXT", [txt("v=spf1 ip4:203.0.113.192/26 -all")]),
    ],
  };
}

/** The IDN domain of the scenarios, in Unicode. */
export const IDN_DOMAIN_UNICODE = "bücher-müller.de";

/** The five scenarios of issue 16, plus the domain a new user tries. */
export function onboardingScenarios(): OnboardingScenario[] {
  const idn = domainToASCII(IDN_DOMAIN_UNICODE);
  return [
    {
      title: "a Microsoft 365 domain with its SPF include, DKIM CNAMEs and autodiscover",
      domain: "kanzlei-weber.de",
      product: "pro",
      provider: "route53",
      rrsets: [
        rrset("kanzlei-weber.de", "MX", ["0 kanzlei-weber-de.mail.protection.outlook.com."], 86400),
        rrset("kanzlei-weber.de", "TXT", [txt("v=spf1 include:spf.protection.outlook.com -all"), txt("MS=ms48151623")]),
        rrset("kanzlei-weber.de", "A", ["192.0.2.20"]),
        rrset("selector1._domainkey.kanzlei-weber.de", "CNAME", ["selector1-kanzlei-weber-de._domainkey.kanzleiweber.onmicrosoft.com."]),
        rrset("selector2._domainkey.kanzlei-weber.de", "CNAME", ["selector2-kanzlei-weber-de._domainkey.kanzleiweber.onmicrosoft.com."]),
        rrset("autodiscover.kanzlei-weber.de", "CNAME", ["autodiscover.outlook.com."]),
        rrset("_dmarc.kanzlei-weber.de", "TXT", [txt("v=DMARC1; p=none; rua=mailto:dmarc@kanzlei-weber.de")]),
      ],
      senders: [
        { label: "Microsoft 365", ip: SENDER_IPS.microsoft365, from: "info@kanzlei-weber.de" },
        { label: "mail-connect", ip: "80.254.138.130", from: "info@kanzlei-weber.de" },
      ],
      keptTxt: ["MS=ms48151623"],
      blocked: false,
    },
    {
      title: "a domain at an ISP with a web-shop sender, two site verifications and p=reject",
      domain: "moebel-schmidt.de",
      product: "pro",
      provider: "cloudflare",
      rrsets: [
        rrset("moebel-schmidt.de", "MX", ["10 mx1.old-isp.example."]),
        rrset("moebel-schmidt.de", "TXT", [
          txt("v=spf1 include:_spf.old-isp.example include:spf.shopmailer.example ~all"),
          txt("google-site-verification=Xq3vT9kLmN0pQrStUvWxYz1234567890abcdEFGHijk"),
          txt("facebook-domain-verification=0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o"),
        ]),
        rrset("www.moebel-schmidt.de", "CNAME", ["shops.shopmailer.example."]),
        rrset("_dmarc.moebel-schmidt.de", "TXT", [txt("v=DMARC1; p=reject; rua=mailto:reports@moebel-schmidt.de; ruf=mailto:forensic@moebel-schmidt.de; adkim=r")]),
        rrset("imap.moebel-schmidt.de", "CNAME", ["mx1.old-isp.example."]),
      ],
      senders: [
        { label: "web shop", ip: SENDER_IPS.shopMailer, from: "bestellung@moebel-schmidt.de" },
        { label: "old ISP", ip: SENDER_IPS.oldHost, from: "info@moebel-schmidt.de" },
        { label: "mail-connect", ip: "80.254.138.130", from: "info@moebel-schmidt.de" },
      ],
      keptTxt: ["google-site-verification=Xq3vT9kLmN0pQrStUvWxYz1234567890abcdEFGHijk", "facebook-domain-verification=0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o"],
      blocked: false,
    },
    {
      title: "a domain whose SPF already costs 9 lookups (mail-connect's include makes 10)",
      domain: "newsletter-profi.de",
      product: "mailing",
      provider: "rfc2136",
      rrsets: [
        rrset("newsletter-profi.de", "MX", ["10 mx1.old-isp.example."]),
        rrset("newsletter-profi.de", "TXT", [
          txt("v=spf1 include:a.bulk.example include:b.bulk.example include:c.bulk.example include:d.bulk.example include:_spf.old-isp.example a ~all"),
        ]),
        rrset("newsletter-profi.de", "A", ["192.0.2.30"]),
        rrset("_dmarc.newsletter-profi.de", "TXT", [txt("v=DMARC1; p=quarantine; rua=mailto:dmarc@newsletter-profi.de")]),
        rrset("k1._domainkey.newsletter-profi.de", "TXT", [txt(`v=DKIM1; k=rsa; p=${OTHER_DKIM_KEY}`)]),
      ],
      senders: [
        { label: "bulk sender", ip: SENDER_IPS.newsletter, from: "news@newsletter-profi.de" },
        { label: "own web server", ip: "192.0.2.30", from: "www@newsletter-profi.de" },
        { label: "mail-connect", ip: "80.254.138.130", from: "news@newsletter-profi.de" },
      ],
      keptTxt: [],
      blocked: false,
    },
    {
      title: "a TEAM domain with an autoconfig record pointing at the old host",
      domain: "team-beispiel.de",
      product: "team",
      provider: "azure-dns",
      rrsets: [
        rrset("team-beispiel.de", "MX", ["10 mx1.old-isp.example."]),
        rrset("team-beispiel.de", "TXT", [txt("v=spf1 include:_spf.old-isp.example ~all")]),
        rrset("autoconfig.team-beispiel.de", "CNAME", ["autoconfig.old-isp.example."]),
        rrset("_autodiscover._tcp.team-beispiel.de", "SRV", ["0 0 443 autodiscover.old-isp.example."]),
      ],
      senders: [
        { label: "old ISP", ip: SENDER_IPS.oldHost, from: "team@team-beispiel.de" },
        { label: "mail-connect", ip: "80.254.138.130", from: "team@team-beispiel.de" },
      ],
      keptTxt: [],
      blocked: true,
    },
    {
      title: "an IDN domain at IONOS",
      domain: idn,
      product: "pro",
      provider: "google-cloud-dns",
      rrsets: [
        rrset(idn, "MX", ["10 mx00.ionos.de.", "10 mx01.ionos.de."]),
        rrset(idn, "TXT", [txt("v=spf1 include:_spf-eu.ionos.com ~all"), txt("google-site-verification=idnVerification0123456789")]),
      ],
      senders: [
        { label: "IONOS", ip: SENDER_IPS.ionos, from: `info@${idn}` },
        { label: "mail-connect", ip: "80.254.138.130", from: `info@${idn}` },
      ],
      keptTxt: ["google-site-verification=idnVerification0123456789"],
      blocked: false,
    },
  ];
}
