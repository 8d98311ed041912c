/**
 * Turns one planned rule into its AWS resource. One CIDR per rule, as the VPC rule resources
 * require; `cidr_ipv4` or `cidr_ipv6` by address family.
 */
import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import type { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import type { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { lazyBindingClass, PROVIDER_BINDINGS } from "../providers/binding-loader";
import { FirewallRuleSpec } from "./firewall-rule-plan";

// One class per line, each loaded on first use (AWS's binding is an optional peer).
const ingressRuleClass = lazyBindingClass(PROVIDER_BINDINGS.aws, "MailConnectFirewall (AWS security-group rules)", () => (require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule")).VpcSecurityGroupIngressRule);
const egressRuleClass = lazyBindingClass(PROVIDER_BINDINGS.aws, "MailConnectFirewall (AWS security-group rules)", () => (require("@cdktf/provider-aws/lib/vpc-security-group-egress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-egress-rule")).VpcSecurityGroupEgressRule);

/** A rule resource this library makes. */
export type FirewallRuleResource = VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule;

/** Creates the resource for `rule` under `scope`, with the rule's id. */
export function renderFirewallRule(
  scope: Construct,
  rule: FirewallRuleSpec,
  securityGroupId: string,
  provider: TerraformProvider | undefined,
): FirewallRuleResource {
  const config = {
    securityGroupId,
    ipProtocol: "tcp",
    fromPort: rule.port,
    toPort: rule.port,
    ...(rule.network.family === 4 ? { cidrIpv4: rule.network.cidr } : { cidrIpv6: rule.network.cidr }),
    description: rule.description,
    provider,
  };
  return rule.direction === "ingress"
    ? new (ingressRuleClass())(scope, rule.id, config)
    : new (egressRuleClass())(scope, rule.id, config);
}
