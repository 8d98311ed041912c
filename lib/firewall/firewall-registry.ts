/**
 * Which `MailConnectFirewall` owns which security group, per stack. One group must get one
 * set of rules: AWS rejects an identical second rule with `InvalidPermission.Duplicate`.
 */
import { TerraformStack } from "cdktf";
import type { MailConnectFirewall } from "./mail-connect-firewall";

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
