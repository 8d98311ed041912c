/**
 * A stand-in for mail-connect's own zone, so that `include:_spf.mail-connect.net` and the
 * host names the records point at resolve on the test server. The SPF network is the one
 * the article names (80.254.138.128/26); the host addresses are test choices inside it, not
 * mail-connect's real ones (the article says those change without notice).
 */
import { DnsRrset } from "../../lib/plan/dns-rrset";
import { ZoneSoaOptions, rrsetsToZoneFile } from "../../lib/zone-file";
import { BindZone } from "./bind-server";

/** The name server every test zone names in its NS record (outside every served zone). */
export const TEST_NAME_SERVER = "localhost";

/** The SOA/NS header of every zone the test server loads. */
export const TEST_ZONE_SOA: ZoneSoaOptions = { nameServers: [TEST_NAME_SERVER] };

/** The SPF record of the stand-in `_spf.mail-connect.net`. */
export const MAIL_CONNECT_SPF = "v=spf1 ip4:80.254.138.128/26 -all";

/** Addresses inside mail-connect's network, for the tests to send from. */
export const MAIL_CONNECT_SENDER_IP = "80.254.138.130";

/** Stand-in A records of mail-connect's host names, all inside 80.254.138.128/26. */
export const MAIL_CONNECT_HOSTS: Readonly<Record<string, string>> = {
  "mx.mail-connect.net": "80.254.138.140",
  "autoconfig.mail-connect.net": "80.254.138.150",
  "autodiscover.mail-connect.net": "80.254.138.150",
  "posteingang.mail-connect.net": "80.254.138.160",
  "postausgang.mail-connect.net": "80.254.138.161",
};

/** The stand-in zone's RRsets. */
export function mailConnectRrsets(): DnsRrset[] {
  return [
    { name: "_spf.mail-connect.net", type: "TXT", ttl: 3600, rdata: [`"${MAIL_CONNECT_SPF}"`] },
    ...Object.entries(MAIL_CONNECT_HOSTS).map(([name, ip]) => ({ name, type: "A", ttl: 3600, rdata: [ip] })),
  ];
}

/** The stand-in `mail-connect.net` zone, ready for `startBindServer`. */
export function mailConnectZone(): BindZone {
  return {
    origin: "mail-connect.net",
    zoneFileText: rrsetsToZoneFile(mailConnectRrsets(), "mail-connect.net", { soa: TEST_ZONE_SOA }),
  };
}
