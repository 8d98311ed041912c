/** The firewall's public surface: the construct, the shared-firewall function and their types. */
export { MailConnectFirewall } from "./mail-connect-firewall";
export { mailConnectFirewallFor, sharedFirewallId, SHARED_FIREWALL_ID_PREFIX } from "./shared-firewall";
export type { MailConnectFirewallOptions, MailConnectFirewallProps } from "./firewall-props";
export { REFUSE_WIDER_THAN, WARN_WIDER_THAN } from "./firewall-networks";
export type { FirewallNetwork, FirewallWarning } from "./firewall-networks";
export { cidrSlug, firewallRuleId } from "./firewall-rule-plan";
export type { FirewallDirection, FirewallRuleSpec } from "./firewall-rule-plan";
export type { FirewallRuleResource } from "./mail-connect-firewall";
export {
  RULE_DESCRIPTION_CHARACTERS,
  RULE_DESCRIPTION_MAX_LENGTH,
  ruleDescription,
  ruleDescriptionProblem,
} from "./rule-description";
export type { RuleDescriptionParts } from "./rule-description";
export { SECURITY_GROUP_ID_PATTERN } from "./security-group-id";
