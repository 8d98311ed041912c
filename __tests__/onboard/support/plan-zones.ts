/**
 * The domains the onboarding tests plan, as a reader would find them: a Microsoft 365 domain, a
 * web shop sender with site verifications and p=reject, SPF records at 9 and 10 lookups, a TEAM
 * domain with auto-setup elsewhere, an IDN, a domain already on mail-connect, one without mail,
 * and the broken cases (+all, redirect=, unreadable DNS).
 */
import { MAIL_CONNECT } from "../../../lib/mail-connect/mail-connect";
import { LiveMailZone } from "../../../lib/onboard/onboarding-plan";
import { LiveZoneBuilder } from "./live-zone-builder";

/** Microsoft 365's SPF include record (a stand-in for the real one, two networks). */
export const M365_SPF = "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip6:2a01:111:f400::/48 -all";
/** The web shop's mail service SPF record. */
export const SHOP_SPF = "v=spf1 ip4:198.51.100.0/24 -all";
/** An address the web shop sends from. */
export const SHOP_IP = "198.51.100.7";
/** An address inside mail-connect's SPF network (80.254.138.128/26). */
export const MAIL_CONNECT_IP = "80.254.138.130";
/** mail-connect's DKIM record as the planner writes it. */
export const MAIL_CONNECT_DKIM = `v=DKIM1; k=rsa; p=${MAIL_CONNECT.dkimPublicKey}`;

/** A domain on Microsoft 365: MX, SPF include, DKIM CNAMEs, autodiscover CNAME, a verification TXT. */
export function microsoft365Zone(): LiveMailZone {
  return new LiveZoneBuilder("firma.de")
    .mx(["0 firma-de.mail.protection.outlook.com."], 3600)
    .txt("@", "v=spf1 include:spf.protection.outlook.com -all", "MS=ms12345678")
    .txt("spf.protection.outlook.com.", M365_SPF)
    .mailConnectInclude()
    .cname("selector1._domainkey", "selector1-firma-de._domainkey.firmade.onmicrosoft.com", ["v=DKIM1; k=rsa; p=MIIBIjANBgkqh1"])
    .cname("selector2._domainkey", "selector2-firma-de._domainkey.firmade.onmicrosoft.com", ["v=DKIM1; k=rsa; p=MIIBIjANBgkqh2"])
    .cname("autodiscover", "autodiscover.outlook.com")
    .build();
}

/** A web shop sender, two site verifications, p=reject, the own mail server as MX. */
export function shopZone(): LiveMailZone {
  return new LiveZoneBuilder("shop-firma.de")
    .mx(["10 mail.shop-firma.de."], 86400)
    .txt("@", "google-site-verification=abc123", "v=spf1 mx include:spf.shop-mailer.example ~all", "facebook-domain-verification=xyz789")
    .txt("spf.shop-mailer.example.", SHOP_SPF)
    .mailConnectInclude()
    .txt("_dmarc", "v=DMARC1; p=reject; rua=mailto:dmarc@shop-firma.de; adkim=s; pct=100")
    .txt("s1._domainkey", "v=DKIM1; k=rsa; p=SHOPKEY")
    .build();
}

/**
 * A domain whose SPF costs `live` lookups today, from three senders: each include costs 1 plus
 * its nested includes (`spf.sender1.example` 3, `spf.sender2.example` 3, `spf.sender3.example`
 * the rest). mail-connect's include adds 1.
 */
export function lookupZone(live: 9 | 10): LiveMailZone {
  const b = new LiveZoneBuilder("lookups.example").mx(["10 mx.lookups-host.example."]).mailConnectInclude();
  b.txt("@", "v=spf1 include:spf.sender1.example include:spf.sender2.example include:spf.sender3.example ~all");
  const chain = (name: string, nested: number): void => {
    const parts = Array.from({ length: nested }, (_, i) => `n${i}.${name}`);
    b.txt(`${name}.`, `v=spf1 ${parts.map((p) => `include:${p}`).join(" ")} -all`);
    parts.forEach((p, i) => b.txt(`${p}.`, `v=spf1 ip4:192.0.2.${i + 1} -all`));
  };
  chain("spf.sender1.example", 2);
  chain("spf.sender2.example", 2);
  chain("spf.sender3.example", live - 7);
  return b.build();
}

/** A TEAM domain with an autoconfig CNAME and an autodiscover SRV pointing at the old host. */
export function teamZone(): LiveMailZone {
  return new LiveZoneBuilder("team-firma.de")
    .mx(["10 mx.old-host.example."])
    .txt("@", "v=spf1 include:_spf.old-host.example ?all")
    .txt("_spf.old-host.example.", "v=spf1 ip4:203.0.113.0/24 -all")
    .mailConnectInclude()
    .cname("autoconfig", "autoconfig.old-host.example")
    .records("_autodiscover._tcp", "SRV", ["0 0 443 autodiscover.old-host.example."])
    .cname("imap", "imap.old-host.example")
    .cname("smtp", "smtp.old-host.example")
    .cname("mail", "webmail.old-host.example")
    .build();
}

/** An IDN (müller.de), on IONOS today. */
export function idnZone(): LiveMailZone {
  return new LiveZoneBuilder("xn--mller-kva.de")
    .mx(["10 mx00.ionos.de.", "10 mx01.ionos.de."])
    .txt("@", "v=spf1 include:_spf-eu.ionos.com ~all")
    .txt("_spf-eu.ionos.com.", "v=spf1 ip4:212.227.126.128/25 ip4:82.165.159.0/24 -all")
    .mailConnectInclude()
    .build();
}

/** A domain that already publishes exactly what the plan writes (PRO). */
export function onMailConnectZone(): LiveMailZone {
  return new LiveZoneBuilder("done.example")
    .mx(["10 mx.mail-connect.net."])
    .txt("@", "v=spf1 include:_spf.mail-connect.net ?all")
    .mailConnectInclude()
    .txt("mail-connect._domainkey", MAIL_CONNECT_DKIM)
    .txt("_dmarc", "v=DMARC1; p=quarantine; ruf=mailto:postmaster@done.example;")
    .cname("autoconfig", "autoconfig.mail-connect.net")
    .records("_autodiscover._tcp", "SRV", ["1 100 443 autodiscover.mail-connect.net."])
    .build();
}

/** A domain on mail-connect in another form: MX preference 20, SPF without "all", the SRV's own priority and weight, DMARC tags in another order. */
export function almostMailConnectZone(): LiveMailZone {
  return new LiveZoneBuilder("almost.example")
    .mx(["20 mx.mail-connect.net."])
    .txt("@", "v=spf1 +include:_spf.mail-connect.net")
    .mailConnectInclude()
    .txt("mail-connect._domainkey", MAIL_CONNECT_DKIM)
    .txt("_dmarc", "v=DMARC1; ruf=mailto:postmaster@almost.example; p=quarantine")
    .records("_autodiscover._tcp", "SRV", ["0 0 443 autodiscover.mail-connect.net."])
    .build();
}

/** A domain without any mail record. */
export function noMailZone(): LiveMailZone {
  return new LiveZoneBuilder("new-firma.de").mailConnectInclude().build();
}

/** SPF that authorises everyone. */
export function plusAllZone(): LiveMailZone {
  return new LiveZoneBuilder("open.example")
    .mx(["10 mail.open.example."])
    .txt("@", "v=spf1 a include:spf.shop-mailer.example +all")
    .txt("spf.shop-mailer.example.", SHOP_SPF)
    .mailConnectInclude()
    .build();
}

/** SPF that hands over to the hoster's record with redirect=. */
export function redirectZone(): LiveMailZone {
  return new LiveZoneBuilder("redirect.example")
    .mx(["10 mx.hoster.example."])
    .txt("@", "v=spf1 ip4:192.0.2.10 redirect=_spf.hoster.example")
    .txt("_spf.hoster.example.", "v=spf1 ip4:203.0.113.0/24 -all")
    .mailConnectInclude()
    .build();
}

/** A zone whose apex MX could not be read (timeout) and a reader that skipped the client names. */
export function unreadableZone(): LiveMailZone {
  const b = new LiveZoneBuilder("slow.example").error("@", "MX", "timeout after 5000 ms from 192.0.2.53").txt("@", "v=spf1 ~all").mailConnectInclude();
  return b.unasked("imap", "A").build();
}
