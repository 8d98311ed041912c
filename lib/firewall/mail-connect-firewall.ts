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
import { registerProblemSource } from "../construct/app-validation";
import { formatReason, ReasonCollector, ValidationReason } from "../errors";
import { checkFirewallOptions, FirewallRequest, MailConnectFirewallOptions, MailConnectFirewallProps } from "./firewall-props";
import { FirewallRuleSpec, planFirewallRules } from "./firewall-rule-plan";
import { ruleDescriptionProblem } from "./rule-description";
import { checkSecurityGroupId, describeSecurityGroupId, securityGroupKey, securityGroupSlug } from "./security-group-id";
import { lazyBindingClass, PROVIDER_BINDINGS } from "../providers/binding-loader";

// cdktf's own naming of Terraform addresses (not re-exported from the package root).
import { makeUniqueId } from "cdktf/lib/private/unique";

/** Every shared firewall's construct id starts with this. */
export const SHARED_FIREWALL_ID_PREFIX = "mail-connect-firewall-";

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

  private readonly problemList: ValidationReason[] = [];
  private readonly ruleResources = new Map<string, FirewallRuleResource>();
  private readonly ruleSpecs: FirewallRuleSpec[] = [];
  /** Networks already warned about: one warning per network, however many consumers ask. */
  private readonly warnedNetworks = new Set<string>();

  constructor(scope: Construct, id: string, props: MailConnectFirewallProps) {
    super(scope, id);
    const reasons = new ReasonCollector();
    // Own properties only: a key inherited from a polluted Object.prototype never becomes an option.
    const given = Object.assign(Object.create(null), props !== null && typeof props === "object" ? props : {}) as MailConnectFirewallProps;
    if (props === null || typeof props !== "object") {
      reasons.add("props", props, "must be an object", 'Pass { securityGroupId: "sg-0123456789abcdef0" }.');
    }
    checkSecurityGroupId(given.securityGroupId, reasons);
    if (given.name !== undefined) {
      reasons.add("name", given.name, "names only a shared firewall (mailConnectFirewallFor, a MailConnectDomain's firewall)", `Remove it: the construct id you gave ("${id}") names this firewall.`);
    }
    const request = checkFirewallOptions(given, reasons);
    this.securityGroupId = given.securityGroupId;
    this.provider = given.provider;
    const stack = TerraformStack.of(this);
    this.securityGroupKey = reasons.count === 0 ? securityGroupKey(stack, given.securityGroupId) : "";
    const owner = reasons.count === 0 ? registeredFirewall(stack, this.securityGroupKey) : undefined;
    if (owner !== undefined) {
      reasons.add(
        "securityGroupId",
        describeSecurityGroupId(this, given.securityGroupId),
        `already has the MailConnectFirewall "${owner.node.path}" in this stack, and a second set of identical rules fails with InvalidPermission.Duplicate`,
        "Call allow() on that firewall, or get it with mailConnectFirewallFor().",
      );
    }
    this.problemList.push(...reasons.reasons);
    registerProblemSource({ construct: this, kind: "MailConnectFirewall", problems: () => this.problemList });
    if (reasons.count > 0) return;
    registerFirewall(stack, this.securityGroupKey, this);
    this.addRules(request);
    this.node.addValidation({ validate: () => this.descriptionProblems() });
  }

  /**
   * The problems of the props and of later `allow()` calls; empty when valid. An invalid
   * firewall makes no rules; its problems are reported at synth with every other problem of
   * the app.
   */
  public get problems(): readonly ValidationReason[] {
    return [...this.problemList];
  }

  /**
   * Adds whatever `options` needs that the firewall does not have yet (a union: nothing is
   * removed, existing rules are not duplicated).
   */
  public allow(options: MailConnectFirewallOptions): void {
    const reasons = new ReasonCollector();
    const given = Object.assign(Object.create(null), options !== null && typeof options === "object" ? options : {}) as MailConnectFirewallOptions;
    if (options === null || typeof options !== "object") reasons.add("allow()", options, "must be given an object", "Pass e.g. allow({ clientEgress: true }).");
    const request = checkFirewallOptions(given, reasons);
    // Reported at synth with the app's other problems, under this firewall's path.
    this.problemList.push(...reasons.reasons.map((reason) => ({ ...reason, path: `allow().${reason.path}` })));
    if (reasons.count > 0 || this.securityGroupKey === "") return;
    this.addRules(request);
  }

  /**
   * Keeps the live rules when this firewall's construct id changed, e.g. after a token group's
   * shared firewall got a `name`: adds a Terraform `moved` block from each rule's address under
   * `previousId` to its address now, so `cdktf deploy` moves the rules in state instead of
   * replacing them (a replaced SMTP rule refuses mail until it is back). Remove the call once
   * deployed.
   * @param previousId the firewall's former construct id
   * @default - for a token group, the id this library derived from the token before `name`
   *   existed (`mail-connect-firewall-aws_security_group-<path>-id-<hash>`)
   */
  public moveRulesFrom(previousId?: string): void {
    const stack = TerraformStack.of(this);
    const from = previousId ?? (Token.isUnresolved(this.securityGroupId) ? SHARED_FIREWALL_ID_PREFIX + securityGroupSlug(this.securityGroupKey) : undefined);
    if (from === undefined || from === this.node.id) {
      this.addProblem({
        path: "moveRulesFrom()",
        value: previousId,
        rule: "has no former id to move the rules from (a literal group's firewall id never changed)",
        fix: "Pass the firewall's former construct id, or remove the call.",
      });
      return;
    }
    // The address scheme of cdktf's TerraformStack.allocateLogicalId, with the former id in place of this one.
    const above = this.node.scopes.slice(this.node.scopes.indexOf(stack) + 1, -1).map((scope) => scope.node.id);
    for (const [ruleId, resource] of this.ruleResources) {
      resource.moveFromId(`${resource.terraformResourceType}.${makeUniqueId([...above, from, ruleId])}`);
    }
  }

  /**
   * Records a problem found by a consumer of this firewall (e.g. `mailConnectFirewallFor` with
   * another provider); it is reported at synth with the app's other problems.
   */
  public addProblem(reason: ValidationReason): void {
    this.problemList.push(reason);
    // An invalid firewall makes no rules, whenever the problem is found.
    for (const id of this.ruleResources.keys()) this.node.tryRemoveChild(id);
    this.ruleResources.clear();
    this.ruleSpecs.length = 0;
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

/**
 * Which `MailConnectFirewall` owns which security group, per stack. One group must get one
 * set of rules: AWS rejects an identical second rule with `InvalidPermission.Duplicate`.
 */
const firewallsByStack = new WeakMap<TerraformStack, Map<string, MailConnectFirewall>>();

/** The firewall of the group with this key (see `securityGroupKey`) in `stack`, if any. */
export function registeredFirewall(stack: TerraformStack, key: string): MailConnectFirewall | undefined {
  return firewallsByStack.get(stack)?.get(key);
}

/** Records that `firewall` owns the group with this key in `stack`. */
export function registerFirewall(stack: TerraformStack, key: string, firewall: MailConnectFirewall): void {
  let firewalls = firewallsByStack.get(stack);
  if (firewalls === undefined) {
    firewalls = new Map();
    firewallsByStack.set(stack, firewalls);
  }
  firewalls.set(key, firewall);
}

/**
 * Turns one planned rule into its AWS resource. One CIDR per rule, as the VPC rule resources
 * require; `cidr_ipv4` or `cidr_ipv6` by address family.
 */
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
