/**
 * Test stacks for the firewall tests: a real cdktf stack with the AWS provider construct,
 * and small readers for the synthesized JSON.
 */
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

export const INGRESS = "aws_vpc_security_group_ingress_rule";
export const EGRESS = "aws_vpc_security_group_egress_rule";

/** A stack named `test` in a test app, with the default AWS provider. */
export function awsStack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  return stack;
}

/** The synthesized resources of one type, by Terraform resource name. */
export function resourcesOf(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  const json = JSON.parse(Testing.synth(stack)) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  return json.resource?.[type] ?? {};
}

/** Terraform addresses (`type.name`) of all rule resources, sorted. */
export function ruleAddresses(stack: TerraformStack): string[] {
  return [INGRESS, EGRESS].flatMap((type) => Object.keys(resourcesOf(stack, type)).map((name) => `${type}.${name}`)).sort();
}
