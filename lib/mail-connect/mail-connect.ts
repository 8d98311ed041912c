/**
 * The facts of mail-connect's help-center article "DNS- und Firewall-Einstellungen für
 * mail-connect Dienste", in one place. Every other module takes host names, the SPF include,
 * the DKIM selector and key, the network and ports from here.
 */
export const MAIL_CONNECT = {
  /** The one MX host; it carries several redundant MX nodes itself, so one MX is enough. */
  mx: { preference: 10, exchange: "mx.mail-connect.net" },
  /** Client auto-setup (Thunderbird, Evolution, KMail): `autoconfig.D CNAME autoconfig.mail-connect.net.` */
  autoconfig: { label: "autoconfig", target: "autoconfig.mail-connect.net" },
  /** Client auto-setup (Outlook 2007+): `_autodiscover._tcp.D SRV 1 100 443 autodiscover.mail-connect.net.` */
  autodiscover: {
    label: "_autodiscover._tcp",
    priority: 1,
    weight: 100,
    port: 443,
    target: "autodiscover.mail-connect.net",
  },
  /** The include that authorises mail-connect's senders in SPF. */
  spfInclude: "_spf.mail-connect.net",
  /** mail-connect signs with this DKIM selector only. */
  dkimSelector: "mail-connect",
  /** The published DKIM public key (1024-bit RSA, SubjectPublicKeyInfo, base64). */
  dkimPublicKey:
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB",
  /** The article's DMARC default policy. */
  dmarcPolicy: "quarantine",
  /** The article's forensic-report mailbox, at the customer's own domain. */
  dmarcRufLocalPart: "postmaster",
  /** Server names with valid TLS certificates (the article recommends them over own names). */
  incomingServer: "posteingang.mail-connect.net",
  outgoingServer: "postausgang.mail-connect.net",
  /** mail-connect's network: SMTP delivery comes from here, client services live here. */
  network: ["80.254.138.128/26"],
  /** The default record TTL of this library. */
  defaultTtl: 3600,
} as const;

/** Standard IANA mail client ports (the article points to its client checklist for them). */
export const MAIL_CLIENT_PORTS = {
  imap: { host: MAIL_CONNECT.incomingServer, port: 143, security: "STARTTLS" },
  imaps: { host: MAIL_CONNECT.incomingServer, port: 993, security: "SSL/TLS" },
  pop3: { host: MAIL_CONNECT.incomingServer, port: 110, security: "STARTTLS" },
  pop3s: { host: MAIL_CONNECT.incomingServer, port: 995, security: "SSL/TLS" },
  smtp: { host: MAIL_CONNECT.outgoingServer, port: 25, security: "STARTTLS" },
  smtps: { host: MAIL_CONNECT.outgoingServer, port: 465, security: "SSL/TLS" },
  submission: { host: MAIL_CONNECT.outgoingServer, port: 587, security: "STARTTLS" },
} as const;

/** A mail client service name, as used by {@link MAIL_CLIENT_PORTS}. */
export type MailClientService = keyof typeof MAIL_CLIENT_PORTS;
