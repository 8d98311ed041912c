/**
 * Which rules a firewall request needs, each with its construct id and description.
 * Ids derive from service, direction, port and network, never from list positions, so
 * reordering `network` or `clientEgress` does not replace any rule.
 */
import { MAIL_CLIENT_PORTS, MailClientService } from "../mail-connect/mail-connect";
import { FirewallNetwork } from "./firewall-networks";
import { FirewallRequest } from "./firewall-props";
import { ruleDescription } from "./rule-description";

/** Rule direction, as seen from the security group. */
export type FirewallDirection = "ingress" | "egress";

/** One planned security-group rule: one direction, one TCP port, one CIDR. */
export interface FirewallRuleSpec {
  /** Construct id, e.g. `smtp-in-25-80_254_138_128-26`. Public API: it decides the Terraform address. */
  readonly id: string;
  readonly direction: FirewallDirection;
  readonly service: MailClientService;
  readonly port: number;
  readonly network: FirewallNetwork;
  readonly description: string;
}

/** Protocol labels for descriptions. */
const SERVICE_LABELS: Record<MailClientService, string> = {
  imap: "IMAP",
  imaps: "IMAPS",
  pop3: "POP3",
  pop3s: "POP3S",
  smtp: "SMTP",
  smtps: "SMTPS",
  submission: "SMTP submission",
};

/**
 * A CIDR as an id fragment with only `[A-Za-z0-9_-]` (the characters cdktf keeps in Terraform
 * addresses): `.` and `:` become `_`, the `/` before the prefix becomes `-`.
 * `80.254.138.128/26` -> `80_254_138_128-26`, `2001:db8::/48` -> `2001_db8__-48`.
 */
export function cidrSlug(cidr: string): string {
  return cidr.replace(/[.:]/g, "_").replace("/", "-");
}

/** The construct id of one rule: `<service>-<in|out>-<port>-<cidr slug>`. */
export function firewallRuleId(direction: FirewallDirection, service: MailClientService, port: number, cidr: string): string {
  return `${service}-${direction === "ingress" ? "in" : "out"}-${port}-${cidrSlug(cidr)}`;
}

function spec(direction: FirewallDirection, service: MailClientService, network: FirewallNetwork): FirewallRuleSpec {
  const port = MAIL_CLIENT_PORTS[service].port;
  return {
    id: firewallRuleId(direction, service, port, network.cidr),
    direction,
    service,
    port,
    network,
    description: ruleDescription({ direction, label: SERVICE_LABELS[service], port, cidr: network.cidr }),
  };
}

/** The rules `request` needs: SMTP ingress per network, then each egress service per network. */
export function planFirewallRules(request: FirewallRequest): FirewallRuleSpec[] {
  const rules: FirewallRuleSpec[] = [];
  for (const network of request.networks) {
    if (request.smtpIngress) rules.push(spec("ingress", "smtp", network));
  }
  for (const network of request.networks) {
    for (const service of request.services) rules.push(spec("egress", service, network));
  }
  return rules;
}
