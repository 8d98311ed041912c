/**
 * The props of `MailConnectFirewall` and their checks. Pure: no constructs are made here.
 */
import { TerraformProvider } from "cdktf";
import { ReasonCollector } from "../errors";
import { MAIL_CLIENT_PORTS, MAIL_CONNECT, MailClientService } from "../mail-connect/mail-connect";
import { checkFirewallNetworks, FirewallNetwork, FirewallWarning } from "./firewall-networks";

/** What the firewall allows; several consumers' options for one group are merged (union). */
export interface MailConnectFirewallOptions {
  /**
   * Allow SMTP (25/tcp) in from mail-connect's network, so mail-connect can deliver filtered
   * mail to your own server (product `secgate`).
   * @default true for a `MailConnectFirewall`; in a `MailConnectDomain`'s `firewall`, true for product "secgate" and false otherwise
   */
  readonly smtpIngress?: boolean;
  /**
   * Allow clients in the group out to mail-connect's IMAP, POP3 and SMTP services. Needed only
   * when the group's egress is locked down (a new group allows all outbound traffic).
   * `true` allows every service in `MAIL_CLIENT_PORTS`; a list allows those named
   * (`["imaps", "submission"]`).
   * @default false
   */
  readonly clientEgress?: boolean | readonly MailClientService[];
  /**
   * mail-connect's networks, as canonical CIDR blocks with host bits zero. IPv4 wider than /16
   * and IPv6 wider than /32 are refused; wider than /24 (IPv4) or /48 (IPv6) gives a warning.
   * @default MAIL_CONNECT.network (["80.254.138.128/26"])
   */
  readonly network?: readonly string[];
}

/** Props of `MailConnectFirewall` and of `mailConnectFirewallFor`. */
export interface MailConnectFirewallProps extends MailConnectFirewallOptions {
  /**
   * The security group that gets the rules: a literal (`sg-0123456789abcdef0`) or a token
   * such as `securityGroup.id`. Do not also give this group inline `ingress`/`egress` blocks
   * or `aws_security_group_rule` resources: they overwrite these rules
   * (hashicorp/terraform-provider-aws#32379).
   */
  readonly securityGroupId: string;
  /**
   * The name of the group's shared firewall (`mailConnectFirewallFor`, a `MailConnectDomain`'s
   * `firewall`), 1–40 lowercase letters, digits and hyphens: its construct id is
   * `mail-connect-firewall-<name>`, so its rules' Terraform addresses stay the same when the
   * security group's construct is renamed or moved. Needed when `securityGroupId` is a token;
   * later consumers of the same group may leave it out. Not used by a `MailConnectFirewall` you
   * create yourself: your construct id names that one.
   * @default - the literal group id (`mail-connect-firewall-sg-0123456789abcdef0`)
   */
  readonly name?: string;
  /**
   * The AWS provider to create the rules with.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** The checked, normalised options. */
export interface FirewallRequest {
  readonly smtpIngress: boolean;
  /** The egress services, in `MAIL_CLIENT_PORTS` order, without duplicates. */
  readonly services: readonly MailClientService[];
  readonly networks: readonly FirewallNetwork[];
  readonly warnings: readonly FirewallWarning[];
}

const SERVICE_NAMES = Object.keys(MAIL_CLIENT_PORTS) as MailClientService[];

function checkBoolean(value: unknown, path: string, reasons: ReasonCollector): boolean {
  if (typeof value === "boolean") return true;
  reasons.add(path, value, "must be true or false", `Write \`${path}: true\` or \`${path}: false\`.`);
  return false;
}

function checkServices(value: unknown, reasons: ReasonCollector): MailClientService[] {
  if (value === undefined || value === false) return [];
  if (value === true) return [...SERVICE_NAMES];
  if (!Array.isArray(value)) {
    reasons.add("clientEgress", value, "must be true, false or a list of service names", 'Write e.g. `clientEgress: ["imaps", "submission"]`.');
    return [];
  }
  const seen = new Map<string, number>();
  value.forEach((name: unknown, index) => {
    const path = `clientEgress[${index}]`;
    if (typeof name !== "string" || !SERVICE_NAMES.includes(name as MailClientService)) {
      reasons.add(path, name, `must be one of ${SERVICE_NAMES.join(", ")}`, "Use a key of MAIL_CLIENT_PORTS.");
      return;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      reasons.add(path, name, `duplicates clientEgress[${earlier}]`, "List each service once.");
      return;
    }
    seen.set(name, index);
  });
  return SERVICE_NAMES.filter((name) => seen.has(name));
}

/** Checks the options, adding every problem to `reasons`; returns what is usable. */
export function checkFirewallOptions(options: MailConnectFirewallOptions, reasons: ReasonCollector): FirewallRequest {
  const smtpIngress = options.smtpIngress ?? true;
  const ingressOk = checkBoolean(smtpIngress, "smtpIngress", reasons);
  const services = checkServices(options.clientEgress, reasons);
  const { networks, warnings } = checkFirewallNetworks(options.network ?? MAIL_CONNECT.network, reasons);
  const egressAsked = services.length > 0 || (Array.isArray(options.clientEgress) && options.clientEgress.length > 0);
  if (ingressOk && smtpIngress === false && !egressAsked) {
    reasons.add(
      "smtpIngress",
      false,
      "with clientEgress off as well, the firewall would make no rules",
      "Leave `smtpIngress` on, or set `clientEgress` to true or a list of services.",
    );
  }
  return { smtpIngress: smtpIngress === true, services, networks, warnings };
}
