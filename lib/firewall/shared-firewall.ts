/**
 * One `MailConnectFirewall` per security group per stack, for constructs (such as
 * `MailConnectDomain`) that each need rules on a group they may share with others.
 */
import { Construct } from "constructs";
import { TerraformStack, Token } from "cdktf";
import { DescribedValue, ReasonCollector, ValidationReason } from "../errors";
import { MailConnectFirewallProps } from "./firewall-props";
import { MailConnectFirewall, SHARED_FIREWALL_ID_PREFIX } from "./mail-connect-firewall";

export { SHARED_FIREWALL_ID_PREFIX };
import { checkSecurityGroupId } from "./security-group-id";


/** A firewall name: 1–40 lowercase letters, digits and inner hyphens (Terraform addresses keep them as they are). */
export const FIREWALL_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * The construct id of the shared firewall for a group, stable across runs and refactors:
 * `mail-connect-firewall-<name>` with a `name`, else `mail-connect-firewall-<literal group id>`.
 * Undefined for a token without a name: an id derived from the token would follow the security
 * group's construct path, and renaming that construct would replace the live rules.
 */
export function sharedFirewallId(securityGroupId: string, name?: string): string | undefined {
  if (name !== undefined) return SHARED_FIREWALL_ID_PREFIX + name;
  if (!Token.isUnresolved(securityGroupId)) return SHARED_FIREWALL_ID_PREFIX + securityGroupId;
  return undefined;
}

/**
 * Problems of a consumer of the group's shared firewall (`existing`, if there is one yet) with
 * its `name` and `provider`, with paths relative to the firewall props. `consumer` is the
 * construct asking when the problem is reported as the existing firewall's own.
 */
export function sharedFirewallReasons(props: MailConnectFirewallProps, existing: MailConnectFirewall | undefined, consumer?: Construct): ValidationReason[] {
  const reasons = firewallNameReasons(props, existing);
  if (existing !== undefined && existing.provider !== props.provider) {
    const providerPath = (provider: Construct | undefined) => (provider === undefined ? "the default provider" : `"${provider.node.path}"`);
    reasons.push({
      path: "provider",
      value: new DescribedValue(consumer === undefined ? providerPath(props.provider) : `${providerPath(props.provider)}, from "${consumer.node.path}"`),
      rule: `must be the provider of ${consumer === undefined ? `the existing MailConnectFirewall "${existing.node.path}"` : "this firewall"} for ${consumer === undefined ? "this" : "its"} security group (${providerPath(existing.provider)})`,
      fix: "Pass the same `provider` everywhere this security group is used.",
    });
  }
  return reasons;
}

function firewallNameReasons(props: MailConnectFirewallProps, existing: MailConnectFirewall | undefined): ValidationReason[] {
  const name: unknown = props.name;
  if (name !== undefined && (typeof name !== "string" || !FIREWALL_NAME_PATTERN.test(name))) {
    return [{ path: "name", value: name, rule: "must be 1–40 lowercase letters, digits and inner hyphens", fix: 'Write e.g. name: "mail-server".' }];
  }
  if (existing !== undefined) {
    if (name !== undefined && existing.node.id !== SHARED_FIREWALL_ID_PREFIX + name) {
      return [{ path: "name", value: name, rule: `differs from the name of the group's existing firewall "${existing.node.path}"`, fix: "Give every consumer of this security group the same name, or leave it out after the first." }];
    }
    return [];
  }
  if (name === undefined && typeof props.securityGroupId === "string" && Token.isUnresolved(props.securityGroupId)) {
    return [
      {
        path: "name",
        value: undefined,
        rule: "is needed when securityGroupId is a token: the firewall's Terraform addresses would otherwise follow the security group's construct path, and renaming that construct would replace the live SMTP rule",
        fix: 'Name the firewall after the server it protects, e.g. name: "mail-server" (see the CHANGELOG to keep existing rules with moveRulesFrom).',
      },
    ];
  }
  return [];
}

/**
 * Returns the one `MailConnectFirewall` of `props.securityGroupId` in the stack of `scope`,
 * creating it at stack level on first use (named by `props.name`, see `sharedFirewallId`). Later
 * calls for the same group (the same literal, or tokens that resolve to the same expression)
 * merge their options into it (union), so two domains never create duplicate rules. Every
 * consumer of one group must pass the same `provider`. Problems are reported at synth with the
 * app's others.
 */
export function mailConnectFirewallFor(scope: Construct, given: MailConnectFirewallProps): MailConnectFirewall {
  // Own properties only: a polluted Object.prototype adds no option.
  const props = Object.assign(Object.create(null), given !== null && typeof given === "object" ? given : {}) as MailConnectFirewallProps;
  const reasons = new ReasonCollector();
  checkSecurityGroupId(props.securityGroupId, reasons);
  const existing = reasons.count === 0 ? MailConnectFirewall.find(scope, props.securityGroupId) : undefined;
  const consumerProblems = reasons.count === 0 ? sharedFirewallReasons(props, existing, scope) : [];
  const { name, ...firewallProps } = props;
  if (existing === undefined) {
    // A new firewall checks its props itself; invalid ones are reported at synth.
    const id = (consumerProblems.length === 0 && reasons.count === 0 ? sharedFirewallId(props.securityGroupId, name) : undefined) ?? `${SHARED_FIREWALL_ID_PREFIX}invalid-${scope.node.addr.slice(0, 8)}`;
    const firewall = new MailConnectFirewall(TerraformStack.of(scope), id, firewallProps);
    consumerProblems.forEach((reason) => firewall.addProblem(reason));
    return firewall;
  }
  if (consumerProblems.length > 0) {
    consumerProblems.forEach((reason) => existing.addProblem(reason));
    return existing;
  }
  existing.allow(firewallProps);
  return existing;
}
