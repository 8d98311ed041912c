/**
 * One `MailConnectFirewall` per security group per stack, for constructs (such as
 * `MailConnectDomain`) that each need rules on a group they may share with others.
 */
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { DescribedValue, ReasonCollector } from "../errors";
import { MailConnectFirewallProps } from "./firewall-props";
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
  const reasons = new ReasonCollector();
  checkSecurityGroupId(props?.securityGroupId, reasons);
  const existing = reasons.count === 0 ? MailConnectFirewall.find(scope, props.securityGroupId) : undefined;
  if (existing === undefined) {
    // A new firewall checks its props itself; invalid ones are reported at synth.
    const id = reasons.count === 0 ? sharedFirewallId(scope, props.securityGroupId) : `${SHARED_FIREWALL_ID_PREFIX}invalid-${scope.node.addr.slice(0, 8)}`;
    return new MailConnectFirewall(TerraformStack.of(scope), id, props);
  }
  if (existing.provider !== props.provider) {
    const providerPath = (provider: Construct | undefined) => (provider === undefined ? "the default provider" : `"${provider.node.path}"`);
    existing.addProblem({
      path: "provider",
      value: new DescribedValue(`${providerPath(props.provider)}, from "${scope.node.path}"`),
      rule: `must be the provider of this firewall for its security group (${providerPath(existing.provider)})`,
      fix: "Pass the same `provider` everywhere this security group is used.",
    });
    return existing;
  }
  existing.allow(props);
  return existing;
}
