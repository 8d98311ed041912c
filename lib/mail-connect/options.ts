/**
 * The options that describe one mail-connect domain. `planMailConnectRecords` takes them,
 * and `MailConnectDomain` takes them plus where to publish. The names are a public contract.
 */

/** The mail-connect product the domain is booked with. */
export type MailConnectProduct = "pro" | "team" | "secgate" | "mailing";

/** The SPF `all` qualifier: `?all` (neutral), `~all` (soft fail) or `-all` (fail). */
export type SpfAllQualifier = "neutral" | "softfail" | "fail";

/** A DMARC policy (`p=`, `sp=`, `np=`). */
export type DmarcPolicy = "none" | "quarantine" | "reject";

/** DMARC identifier alignment mode (`adkim=`, `aspf=`). */
export type DmarcAlignment = "relaxed" | "strict";

/** DMARC failure-reporting option (`fo=`): `0`, `1`, `d` or `s`. */
export type DmarcFailureOption = "0" | "1" | "d" | "s";

/** Host names for mail clients, as CNAMEs to mail-connect's certified server names. */
export interface ServerNamesOptions {
  /**
   * Incoming (IMAP/POP) server name: a label (`"imap"`) or a host name inside the domain
   * (`"imap.firma.de"`), published as a CNAME to `posteingang.mail-connect.net`.
   * Clients will warn that the certificate does not match this name.
   * @default - no record; clients use posteingang.mail-connect.net directly
   */
  readonly incoming?: string;
  /**
   * Outgoing (SMTP) server name: a label (`"smtp"`) or a host name inside the domain,
   * published as a CNAME to `postausgang.mail-connect.net`.
   * @default - no record; clients use postausgang.mail-connect.net directly
   */
  readonly outgoing?: string;
}

/** The SPF record: mail-connect's include is always in it; add your other senders here. */
export interface SpfOptions {
  /**
   * Further domains to `include:` (another sender's SPF, e.g. a web shop's mail service).
   * Each costs at least one of SPF's 10 DNS lookups.
   * @default []
   */
  readonly include?: readonly string[];
  /**
   * IPv4 addresses or networks (`203.0.113.5`, `203.0.113.0/24`) that send as the domain.
   * @default []
   */
  readonly ip4?: readonly string[];
  /**
   * IPv6 addresses or networks (`2001:db8::/48`) that send as the domain.
   * @default []
   */
  readonly ip6?: readonly string[];
  /**
   * Add the `a` mechanism: the domain's own A/AAAA addresses may send (one DNS lookup).
   * @default false
   */
  readonly a?: boolean;
  /**
   * Add the `mx` mechanism: the domain's MX hosts may send (one DNS lookup and more).
   * @default false
   */
  readonly mx?: boolean;
  /**
   * What receivers do with mail from anyone else: `neutral` (`?all`, the article's default),
   * `softfail` (`~all`) or `fail` (`-all`).
   * @default "neutral"
   */
  readonly all?: SpfAllQualifier;
}

/** The DKIM record for mail-connect's signatures. */
export interface DkimOptions {
  /**
   * The DKIM selector. mail-connect signs with `mail-connect` only; change it only if
   * mail-connect tells you to.
   * @default "mail-connect"
   */
  readonly selector?: string;
  /**
   * The public key: bare base64 (SubjectPublicKeyInfo, PKCS#1 or, for Ed25519, the raw
   * 32-byte key) or PEM. RSA keys must have at least 1,024 bits.
   * @default - the key mail-connect publishes in its article
   */
  readonly publicKey?: string;
  /**
   * The `k=` tag. Must match the key.
   * @default - derived from the key ("rsa" or "ed25519")
   */
  readonly keyType?: "rsa" | "ed25519";
}

/** Where DMARC reports go and which alignment the domain demands. */
export interface DmarcAlignmentOptions {
  /**
   * DKIM alignment (`adkim=`).
   * @default "relaxed"
   */
  readonly dkim?: DmarcAlignment;
  /**
   * SPF alignment (`aspf=`).
   * @default "relaxed"
   */
  readonly spf?: DmarcAlignment;
}

/** The DMARC record (RFC 9989). */
export interface DmarcOptions {
  /**
   * The policy for mail that fails DMARC (`p=`).
   * @default "quarantine"
   */
  readonly policy?: DmarcPolicy;
  /**
   * The policy for existing subdomains (`sp=`).
   * @default - no tag; subdomains inherit `policy`
   */
  readonly subdomainPolicy?: DmarcPolicy;
  /**
   * The policy for non-existent subdomains (`np=`, new in RFC 9989).
   * @default - no tag; falls back to `subdomainPolicy`, then `policy`
   */
  readonly nonExistentSubdomainPolicy?: DmarcPolicy;
  /**
   * Aggregate report addresses (`rua=`): `user@host` or `mailto:user@host`.
   * @default []
   */
  readonly rua?: readonly string[];
  /**
   * Failure (forensic) report addresses (`ruf=`): `user@host` or `mailto:user@host`.
   * Pass `[]` to publish no `ruf` tag.
   * @default ["postmaster@<domain>"] (the article's record)
   */
  readonly ruf?: readonly string[];
  /**
   * Identifier alignment. Strict modes are published as `adkim=s` / `aspf=s`;
   * relaxed is DMARC's default and is not written.
   * @default { dkim: "relaxed", spf: "relaxed" }
   */
  readonly alignment?: DmarcAlignmentOptions;
  /**
   * When failure reports are sent (`fo=`): any of `0`, `1`, `d`, `s`.
   * @default - no tag (receivers use `0`)
   */
  readonly failureOptions?: readonly DmarcFailureOption[];
  /**
   * Testing mode (`t=y`, RFC 9989): receivers apply the next-weaker policy.
   * @default false
   */
  readonly testing?: boolean;
}

/** Everything that decides the records of one mail-connect domain. */
export interface MailConnectRecordOptions {
  /**
   * The mail domain or subdomain (`firma.de`, `news.my-company.com`). Unicode (IDN) names
   * are converted to punycode; upper case and a trailing dot are normalised.
   */
  readonly domain: string;
  /**
   * The booked product. Only `pro` gets auto-setup records.
   * @default "pro"
   */
  readonly product?: MailConnectProduct;
  /**
   * Publish the client auto-setup records (autoconfig CNAME, autodiscover SRV).
   * Allowed for `pro` only.
   * @default - true for "pro", false otherwise
   */
  readonly autoSetup?: boolean;
  /**
   * Own host names for mail clients, as CNAMEs to mail-connect's server names.
   * @default - none
   */
  readonly serverNames?: ServerNamesOptions;
  /**
   * SPF record options.
   * @default - `v=spf1 include:_spf.mail-connect.net ?all`
   */
  readonly spf?: SpfOptions;
  /**
   * DKIM record options.
   * @default - selector `mail-connect` with mail-connect's published key
   */
  readonly dkim?: DkimOptions;
  /**
   * DMARC record options.
   * @default - `v=DMARC1; p=quarantine; ruf=mailto:postmaster@<domain>;`
   */
  readonly dmarc?: DmarcOptions;
  /**
   * Other TXT values at the domain name (site verifications). Not SPF: add other senders
   * through `spf` instead, because a domain may have only one SPF record.
   * @default []
   */
  readonly extraTxt?: readonly string[];
  /**
   * TTL of every record, in seconds (60 to 86,400).
   * @default 3600
   */
  readonly ttl?: number;
}
