/**
 * Zones as they look before a move to mail-connect, written for the onboarding tests: a law
 * firm on Microsoft 365 (its MX, SPF with the Microsoft include and a web shop's include, two
 * site verifications, DMARC with a report address, the DKIM selector CNAMEs, autodiscover),
 * with the senders' own zones (Microsoft's SPF and DKIM, the shop system's SPF) and
 * mail-connect's stand-in zone, for one test BIND to serve.
 */
import { DnsRrset } from "../../../lib/plan/dns-rrset";
import { BindZone } from "../../support/bind-server";
import { mailConnectZone } from "../../support/mail-connect-zone";
import { zoneServedBy } from "../../verify/support/live-zones";

/** The law firm's domain. */
export const M365_DOMAIN = "kanzlei-huber.de";
/** The name servers its zone names (Cloudflare's style, so the provider can be guessed from them). */
export const M365_NAME_SERVERS = ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"];

/** Microsoft 365's SPF include, as Microsoft publishes it (served by the test BIND, never asked on the internet). */
export const M365_SPF_INCLUDE = "spf.protection.outlook.com";
/** The web shop's sender. */
export const SHOP_SPF_INCLUDE = "_spf.shopsystem.example";
/** The firm's SPF record today. */
export const M365_SPF = `v=spf1 include:${M365_SPF_INCLUDE} include:${SHOP_SPF_INCLUDE} -all`;
/** The site verifications at the apex. */
export const M365_VERIFICATIONS = ["MS=ms48151623", "google-site-verification=Xy7bQ1nN0t4Re4lV4lu3-abcdefghijk"];
/** Its DMARC record today. */
export const M365_DMARC = "v=DMARC1; p=none; rua=mailto:dmarc@kanzlei-huber.de; fo=1";
/** Where its Microsoft DKIM selectors point. */
export const M365_DKIM_TARGETS = {
  selector1: "selector1-kanzlei-huber-de._domainkey.kanzleihuber.onmicrosoft.com",
  selector2: "selector2-kanzlei-huber-de._domainkey.kanzleihuber.onmicrosoft.com",
} as const;
/** A DKIM key text (the selector targets hold it). */
export const M365_DKIM_TEXT = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1TaNgLlSyQMNWVLNLvyY/neDgaL2oqQE8T5illKqCgDtFHc8eHVAU+nlcaGmrKmDMw9dbgiGk1ocgZ56NR4ycfUHwQhvQPMUZw0cveel/8EAGoi/UyPmqfcPibytH81NFtTMAxUeM4Op8A6iHkvAMj5qLf4YRNsTkKAV9nl0mgQIDAQAB";

/** Microsoft's SPF records (the include and the one it includes in turn). */
export const M365_SPF_RECORDS: Readonly<Record<string, string>> = {
  "spf.protection.outlook.com": "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/14 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 include:spfd.protection.outlook.com -all",
  "spfd.protection.outlook.com": "v=spf1 ip4:51.4.72.0/24 ip4:51.5.72.0/24 ip4:51.5.80.0/27 ip4:51.4.80.0/27 -all",
};
/** The shop system's SPF record. */
export const SHOP_SPF = "v=spf1 ip4:198.51.100.0/24 -all";

const txt = (name: string, ...texts: string[]): DnsRrset => ({ name, type: "TXT", ttl: 3600, rdata: texts.map((t) => `"${t}"`) });

/** The firm's zone, as Microsoft 365's set-up leaves it (with a web server beside). */
export function m365Rrsets(domain = M365_DOMAIN): DnsRrset[] {
  return [
    { name: domain, type: "MX", ttl: 3600, rdata: [`0 ${domain.replace(/\./g, "-")}.mail.protection.outlook.com.`] },
    txt(domain, M365_SPF, ...M365_VERIFICATIONS),
    txt(`_dmarc.${domain}`, M365_DMARC),
    { name: `selector1._domainkey.${domain}`, type: "CNAME", ttl: 3600, rdata: [`${M365_DKIM_TARGETS.selector1}.`] },
    { name: `selector2._domainkey.${domain}`, type: "CNAME", ttl: 3600, rdata: [`${M365_DKIM_TARGETS.selector2}.`] },
    { name: `autodiscover.${domain}`, type: "CNAME", ttl: 3600, rdata: ["autodiscover.outlook.com."] },
    { name: domain, type: "A", ttl: 3600, rdata: ["192.0.2.80"] },
    { name: `www.${domain}`, type: "CNAME", ttl: 3600, rdata: [`${domain}.`] },
  ];
}

/** The senders' zones and mail-connect's: what a recursive resolver would find for the names outside the firm's zone. */
export function senderZones(): BindZone[] {
  return [
    mailConnectZone(),
    zoneServedBy(
      "outlook.com",
      [
        ...Object.entries(M365_SPF_RECORDS).map(([name, text]) => txt(name, text)),
        { name: "autodiscover.outlook.com", type: "A", ttl: 3600, rdata: ["192.0.2.200"] },
        { name: "kanzlei-huber-de.mail.protection.outlook.com", type: "A", ttl: 3600, rdata: ["192.0.2.25"] },
      ],
      ["localhost"],
    ),
    zoneServedBy("onmicrosoft.com", Object.values(M365_DKIM_TARGETS).map((name) => txt(name, M365_DKIM_TEXT)), ["localhost"]),
    zoneServedBy("shopsystem.example", [txt(SHOP_SPF_INCLUDE, SHOP_SPF)], ["localhost"]),
  ];
}
