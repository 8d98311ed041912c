/**
 * The domains the real-DNS tests publish: every product, a subdomain in its parent zone, an
 * IDN, a 2048-bit DKIM key, and the article's defaults with mail-connect's own key. Each
 * names the zone it goes into and what a receiver must conclude, written out by hand.
 *
 * A scenario yields plans through `planMailConnectRecords`; a later provider round-trip can
 * feed the same scenarios through a renderer and compare the same expectations.
 */
import { MailConnectRecordOptions } from "../../lib/mail-connect/options";
import { DkimTestKey, generateDkimKey } from "./mail-auth";

/** The keys the scenarios sign with (the run's keys, test-keys.ts). */
export interface ScenarioKeys {
  /** 1024-bit RSA: its DKIM record fits one character-string. */
  readonly rsa1024: DkimTestKey;
  /** 2048-bit RSA: its DKIM record needs two character-strings. */
  readonly rsa2048: DkimTestKey;
}

/** The scenario keys. */
export function generateScenarioKeys(): ScenarioKeys {
  return { rsa1024: generateDkimKey(1024), rsa2048: generateDkimKey(2048) };
}

/** One domain to publish and what receivers must make of it. */
export interface MailScenario {
  /** Short name for test titles. */
  readonly id: string;
  /** The planner's options. */
  readonly options: MailConnectRecordOptions;
  /** The zone the records go into (the domain, or its parent for a subdomain). */
  readonly origin: string;
  /** The domain in ASCII (punycode), as in the plan. */
  readonly domain: string;
  /** Whether the plan has the auto-setup records (PRO only). */
  readonly autoSetup: boolean;
  /** The key the test signs with; undefined when the published key is mail-connect's own. */
  readonly signingKey: DkimTestKey | undefined;
  /** Addresses besides mail-connect's that the SPF record authorises (`spf.ip4`). */
  readonly extraSenderIps: readonly string[];
  /** The SPF result for mail from outside mail-connect's network (from the `all` qualifier). */
  readonly spfOutside: "neutral" | "softfail" | "fail";
  /** The DMARC policy a receiver applies to mail that fails DMARC. */
  readonly dmarcPolicy: "none" | "quarantine" | "reject";
}

/** The scenarios, built around the given keys. */
export function mailScenarios(keys: ScenarioKeys): MailScenario[] {
  return [
    {
      id: "pro with the article's defaults and a test key",
      options: { domain: "firma.de", dkim: { publicKey: keys.rsa1024.publicKeyBase64 } },
      origin: "firma.de",
      domain: "firma.de",
      autoSetup: true,
      signingKey: keys.rsa1024,
      extraSenderIps: [],
      spfOutside: "neutral",
      dmarcPolicy: "quarantine",
    },
    {
      id: "team with ~all and p=reject",
      options: {
        domain: "team-firma.de",
        product: "team",
        spf: { all: "softfail" },
        dmarc: { policy: "reject" },
        dkim: { publicKey: keys.rsa1024.publicKeyBase64 },
      },
      origin: "team-firma.de",
      domain: "team-firma.de",
      autoSetup: false,
      signingKey: keys.rsa1024,
      extraSenderIps: [],
      spfOutside: "softfail",
      dmarcPolicy: "reject",
    },
    {
      id: "secgate with -all, p=none and a 300 s TTL",
      options: {
        domain: "gateway-firma.de",
        product: "secgate",
        spf: { all: "fail" },
        dmarc: { policy: "none" },
        dkim: { publicKey: keys.rsa1024.publicKeyBase64 },
        ttl: 300,
      },
      origin: "gateway-firma.de",
      domain: "gateway-firma.de",
      autoSetup: false,
      signingKey: keys.rsa1024,
      extraSenderIps: [],
      spfOutside: "fail",
      dmarcPolicy: "none",
    },
    {
      id: "mailing on the subdomain news.my-company.com, in the my-company.com zone",
      options: {
        domain: "news.my-company.com",
        product: "mailing",
        spf: { all: "softfail" },
        dkim: { publicKey: keys.rsa1024.publicKeyBase64 },
      },
      origin: "my-company.com",
      domain: "news.my-company.com",
      autoSetup: false,
      signingKey: keys.rsa1024,
      extraSenderIps: [],
      spfOutside: "softfail",
      dmarcPolicy: "quarantine",
    },
    {
      id: "IDN bücher.de with own server names",
      options: {
        domain: "bücher.de",
        spf: { all: "fail" },
        dmarc: { policy: "reject" },
        dkim: { publicKey: keys.rsa1024.publicKeyBase64 },
        serverNames: { incoming: "imap", outgoing: "smtp" },
      },
      origin: "xn--bcher-kva.de",
      domain: "xn--bcher-kva.de",
      autoSetup: true,
      signingKey: keys.rsa1024,
      extraSenderIps: [],
      spfOutside: "fail",
      dmarcPolicy: "reject",
    },
    {
      id: "2048-bit DKIM key, a web shop sender and a site verification",
      options: {
        domain: "langer-schluessel.de",
        spf: { ip4: ["203.0.113.5"], all: "softfail" },
        dmarc: { policy: "reject", rua: ["dmarc-reports@langer-schluessel.de"] },
        dkim: { publicKey: keys.rsa2048.publicKeyBase64 },
        extraTxt: ["google-site-verification=test-token-123"],
      },
      origin: "langer-schluessel.de",
      domain: "langer-schluessel.de",
      autoSetup: true,
      signingKey: keys.rsa2048,
      extraSenderIps: ["203.0.113.5"],
      spfOutside: "softfail",
      dmarcPolicy: "reject",
    },
    {
      id: "the article's records exactly (mail-connect's own DKIM key)",
      options: { domain: "beispieldomain.eu" },
      origin: "beispieldomain.eu",
      domain: "beispieldomain.eu",
      autoSetup: true,
      signingKey: undefined,
      extraSenderIps: [],
      spfOutside: "neutral",
      dmarcPolicy: "quarantine",
    },
  ];
}
