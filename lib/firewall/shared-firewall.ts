/**
 * One `MailConnectFirewall` per security group per stack, for constructs (such as
 * `MailConnectDomain`) that each need rules on a group they may share with others.
 */
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { ReasonCollector } from "../errors";
import { checkFirewallOptions, MailConnectFirewallProps } from "./firewall-props";
import { MailConnectFirewall } from "./mail-connect-firewall";
import { checkSecurityGroupId, securityGroupKey, securityGroupSlug } from "./security-group-id";

/** Every shared firewall's construct id starts with this. */
export const SHARED_FIREWALL_ID_PREFIX = "mail-connect-firewall-";

/**
 * The construct id of the shared firewall for a group, stable across runs and unrelated
 * changes: `mail-connect-firewall-sg-0123456789abcdef0` for a literal; for a token, a slug of
 * the expression it resolves to plus a short hash, e.g.
 * `mail-connect-firewall-aws_security_group-web-id-1c0b7f9e`.
 */
export function sharedFirewallId(scope: Construct, securityGroupId: string): string {
  const stack = TerraformStack.of(scope);
  return SHARED_FIREWALL_ID_PREFIX + securityGroupSlug(securityGroupKey(stack, securityGroupId));
}

/**
 * Returns the one `MailConnectFirewall` of `props.securityGroupId` in the stack of `scope`,
 * creating it at stack level on first use. Later calls for the same group (the same literal,
 * or tokens that resolve to the same expression) merge their options into it (union), so two
 * domains never create duplicate rules. Every consumer of one group must pass the same
 * `provider`.
 */
export function mailConnectFirewallFor(scope: Construct, props: MailConnectFirewallProps): MailConnectFirewall {
  const subject = `mailConnectFirewallFor("${scope.node.path}")`;
  const reasons = new ReasonCollector();
  checkSecurityGroupId(props.securityGroupId, reasons);
  checkFirewallOptions(props, reasons);
  reasons.throwIfAny(subject);

  const existing = MailConnectFirewall.find(scope, props.securityGroupId);
  if (existing === undefined) {
    return new MailConnectFirewall(TerraformStack.of(scope), sharedFirewallId(scope, props.securityGroupId), props);
  }
  if (existing.provider !== props.provider) {
    const providerPath = (provider: Construct | undefined) => (provider === undefined ? "the default provider" : provider.node.path);
    reasons.add(
      "provider",
      props.provider?.node.path,
      `must be the provider of the existing firewall "${existing.node.path}" for this group (${providerPath(existing.provider)})`,
      "Pass the same `provider` everywhere this security group is used.",
    );
    reasons.throwIfAny(subject);
  }
  existing.allow(props);
  return existing;
}
