/**
 * `MailConnectFirewall`: AWS security-group rules for mail-connect. SMTP (25/tcp) in from
 * mail-connect's network, so mail-connect can deliver to your own mail server (`secgate`), and
 * optionally the client ports out to mail-connect for groups with locked-down egress.
 * Source: mail-connect's article "DNS- und Firewall-Einstellungen", section Firewall.
 */
import { Construct } from "constructs";
import { Annotations, TerraformProvider, TerraformStack, Token } from "cdktf";
import type { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import type { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { formatReason, MailConnectValidationError, ReasonCollector } from "../errors";
import { registeredFirewall, registerFirewall } from "./firewall-registry";
import { checkFirewallOptions, FirewallRequest, MailConnectFirewallOptions, MailConnectFirewallProps } from "./firewall-props";
import { FirewallRuleSpec, planFirewallRules } from "./firewall-rule-plan";
import { FirewallRuleResource, renderFirewallRule } from "./render-firewall-rule";
import { ruleDescriptionProblem } from "./rule-description";
import { checkSecurityGroupId, securityGroupKey } from "./security-group-id";

/** Checks all props, throwing every problem at once; returns the normalised request. */
function checkProps(props: MailConnectFirewallProps, subject: string): FirewallRequest {
  const reasons = new ReasonCollector();
  checkSecurityGroupId(props.securityGroupId, reasons);
  const request = checkFirewallOptions(props, reasons);
  reasons.throwIfAny(subject);
  return request;
}

/** The code of the warning for a network wider than mail-connect needs. */
export const FIREWALL_WIDE_NETWORK_WARNING = "firewall-wide-network";

/**
 * Security-group rules that admit mail-connect, one rule per direction, port and network.
 * A stack may hold only one firewall per security group; to serve several consumers of one
 * group, use `mailConnectFirewallFor` (or `allow` on the existing firewall).
 */
export class MailConnectFirewall extends Construct {
  /** The firewall that owns `securityGroupId` in the stack of `scope`, if there is one. */
  public static find(scope: Construct, securityGroupId: string): MailConnectFirewall | undefined {
    const stack = TerraformStack.of(scope);
    return registeredFirewall(stack, securityGroupKey(stack, securityGroupId));
  }

  /** The security group the rules belong to (a literal or a token). */
  public readonly securityGroupId: string;
  /** The provider the rules are created with; undefined means the stack's default. */
  public readonly provider?: TerraformProvider;
  /** What identifies the group in its stack: the literal, or the expression a token resolves to. */
  public readonly securityGroupKey: string;

  private readonly ruleResources = new Map<string, FirewallRuleResource>();
  private readonly ruleSpecs: FirewallRuleSpec[] = [];
  /** Networks already warned about: one warning per network, however many consumers ask. */
  private readonly warnedNetworks = new Set<string>();

  constructor(scope: Construct, id: string, props: MailConnectFirewallProps) {
    const subject = `MailConnectFirewall "${scope.node.path ? `${scope.node.path}/` : ""}${id}"`;
    const request = checkProps(props, subject);
    const stack = TerraformStack.of(scope);
    const key = securityGroupKey(stack, props.securityGroupId);
    const owner = registeredFirewall(stack, key);
    if (owner !== undefined) {
      throw new MailConnectValidationError(subject, [
        {
          path: "securityGroupId",
          value: props.securityGroupId,
          rule: `already has the MailConnectFirewall "${owner.node.path}" in this stack, and a second set of identical rules fails with InvalidPermission.Duplicate`,
          fix: "Call allow() on that firewall, or get it with mailConnectFirewallFor().",
        },
      ]);
    }
    super(scope, id);
    this.securityGroupId = props.securityGroupId;
    this.provider = props.provider;
    this.securityGroupKey = key;
    registerFirewall(stack, key, this);
    this.addRules(request);
    this.node.addValidation({ validate: () => this.descriptionProblems() });
  }

  /**
   * Adds whatever `options` needs that the firewall does not have yet (a union: nothing is
   * removed, existing rules are not duplicated).
   */
  public allow(options: MailConnectFirewallOptions): void {
    const reasons = new ReasonCollector();
    const request = checkFirewallOptions(options, reasons);
    reasons.throwIfAny(`MailConnectFirewall "${this.node.path}"`);
    this.addRules(request);
  }

  /** The planned rules, in creation order. */
  public get rules(): readonly FirewallRuleSpec[] {
    return [...this.ruleSpecs];
  }

  /** The SMTP ingress rule resources. */
  public get ingressRules(): VpcSecurityGroupIngressRule[] {
    return [...this.ruleResources.values()].filter((r): r is VpcSecurityGroupIngressRule => r.terraformResourceType === "aws_vpc_security_group_ingress_rule");
  }

  /** The client egress rule resources. */
  public get egressRules(): VpcSecurityGroupEgressRule[] {
    return [...this.ruleResources.values()].filter((r): r is VpcSecurityGroupEgressRule => r.terraformResourceType === "aws_vpc_security_group_egress_rule");
  }

  private addRules(request: FirewallRequest): void {
    for (const warning of request.warnings) {
      if (this.warnedNetworks.has(warning.cidr)) continue;
      this.warnedNetworks.add(warning.cidr);
      // The same `[code] path: message` form as MailConnectDomain's warnings.
      Annotations.of(this).addWarning(`[${FIREWALL_WIDE_NETWORK_WARNING}] ${warning.message}`);
    }
    for (const rule of planFirewallRules(request)) {
      if (this.ruleResources.has(rule.id)) continue;
      this.ruleResources.set(rule.id, renderFirewallRule(this, rule, this.securityGroupId, this.provider));
      this.ruleSpecs.push(rule);
    }
  }

  /**
   * Synth-time check of every rule's description, including ones changed after construction:
   * EC2 checks them only at apply, where the whole apply fails.
   */
  private descriptionProblems(): string[] {
    const problems: string[] = [];
    for (const [id, resource] of this.ruleResources) {
      const description = resource.descriptionInput;
      if (description === undefined || Token.isUnresolved(description)) continue;
      const rule = ruleDescriptionProblem(description);
      if (rule === undefined) continue;
      const fix = "Use only those characters, or leave the description as this library writes it.";
      problems.push(formatReason({ path: `${id}.description`, value: description, rule, fix }));
    }
    return problems;
  }
}
