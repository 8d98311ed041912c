/**
 * The settings a mail client needs for a mail-connect domain: server names, ports and
 * connection security, from MAIL_CLIENT_PORTS, with the domain's own server names when
 * `serverNames` published them.
 */
import { MAIL_CLIENT_PORTS, MailClientService } from "./mail-connect";
import { MailConnectProduct } from "./options";
import { MailConnectRecordPlan } from "../plan/record-plan";

/** One server a mail client connects to. */
export interface MailClientEndpoint {
  /** Host name (no trailing dot). */
  readonly host: string;
  readonly port: number;
  /** `STARTTLS` or `SSL/TLS`. */
  readonly security: string;
}

/** Incoming (IMAP, POP3) and outgoing (SMTP) servers, one entry per service, plus notes for the user. */
export type MailClientSettings = { readonly [S in MailClientService]: MailClientEndpoint } & {
  /** Things to tell whoever sets up the clients (certificate warnings, SECGATE). */
  readonly notes: readonly string[];
};

const INCOMING: readonly MailClientService[] = ["imap", "imaps", "pop3", "pop3s"];

/** The mail client settings for a planned domain. */
export function mailClientSettings(plan: MailConnectRecordPlan, product: MailConnectProduct): MailClientSettings {
  const own = (purpose: "incoming" | "outgoing") => plan.records.find((record) => record.purpose === purpose)?.name;
  const incoming = own("incoming");
  const outgoing = own("outgoing");
  const endpoints = {} as { [S in MailClientService]: MailClientEndpoint };
  for (const service of Object.keys(MAIL_CLIENT_PORTS) as MailClientService[]) {
    const standard = MAIL_CLIENT_PORTS[service];
    const ownHost = INCOMING.includes(service) ? incoming : outgoing;
    endpoints[service] = { host: ownHost ?? standard.host, port: standard.port, security: standard.security };
  }
  const notes: string[] = [];
  for (const [host, target] of [
    [incoming, MAIL_CLIENT_PORTS.imap.host],
    [outgoing, MAIL_CLIENT_PORTS.smtp.host],
  ] as const) {
    if (host !== undefined) {
      notes.push(`${host} is a CNAME to ${target}; mail clients will warn that the certificate does not match ${host}. Use ${target} to avoid the warning.`);
    }
  }
  if (product === "secgate") {
    notes.push("SECGATE filters mail in front of your own mail server: mail clients connect to your own server, not to these.");
  }
  return { ...endpoints, notes };
}
