/**
 * Hostile options through the real cdktf synth: one Cloudflare and one Route53 stack with many
 * accepted domains each (synth is the slow part, so few stacks, many domains). Every stack
 * round-trips to exactly the plans (`publishedRrsetsFromTerraform`), and no unescaped `${` or
 * `%{` reaches cdk.tf.json.
 */
import fc from "fast-check";
import { App, TerraformStack, Testing } from "cdktf";
import { DnsZone, MailConnectDomain, MailConnectRecordPlan, MailConnectValidationError, planMailConnectRecords, planToRrsets } from "../../lib";
import { TerraformJson, publishedRrsetsFromTerraform } from "../../lib/providers/published";
import { cloudflareStack, route53Stack } from "../support/domain-stack";
import { allStrings, comparableRrsets, hasUnescapedTemplate } from "../support/terraform-strings";
import { hostileOptions } from "./arbitraries";

const DOMAINS_PER_STACK = 60;

/** Accepted hostile option sets with distinct domains (the planner decides which are accepted). */
function acceptedOptions(seed: number): { options: Record<string, unknown>; plan: MailConnectRecordPlan }[] {
  const found = new Map<string, { options: Record<string, unknown>; plan: MailConnectRecordPlan }>();
  for (const options of fc.sample(hostileOptions, { numRuns: 1500, seed })) {
    try {
      const plan = planMailConnectRecords(options as never);
      if (!found.has(plan.domain)) found.set(plan.domain, { options, plan });
    } catch (error) {
      if (!(error instanceof MailConnectValidationError)) throw error;
    }
    if (found.size === DOMAINS_PER_STACK) break;
  }
  return [...found.values()];
}

describe.each([
  ["cloudflare", 101, (i: number) => i.toString(16).padStart(32, "0")],
  ["route53", 202, (i: number) => `Z${String(i).padStart(20, "0")}`],
] as const)("%s: a stack of accepted hostile domains", (kind, seed, zoneIdOf) => {
  const domains = acceptedOptions(seed);
  const app: App = Testing.app();
  const stack: TerraformStack = kind === "cloudflare" ? cloudflareStack(app) : route53Stack(app);
  domains.forEach(({ options }, i) => {
    // One zone per domain, so that records of different domains never meet in one RRset.
    const zone = kind === "cloudflare" ? DnsZone.cloudflare({ zoneId: zoneIdOf(i) }) : DnsZone.route53({ zoneId: zoneIdOf(i) });
    new MailConnectDomain(stack, `d${i}`, { ...(options as object), zone } as never);
  });
  const json = JSON.parse(Testing.synth(stack)) as TerraformJson;

  test("holds enough domains to mean something", () => {
    expect(domains.length).toBeGreaterThanOrEqual(DOMAINS_PER_STACK / 2);
  });

  test("round-trips to exactly the plan of every domain", () => {
    const published = publishedRrsetsFromTerraform(json);
    domains.forEach(({ plan }, i) => {
      const zoneId = zoneIdOf(i);
      expect([plan.domain, comparableRrsets(published.filter((set) => set.zoneId === zoneId))]).toEqual([plan.domain, comparableRrsets(planToRrsets(plan))]);
    });
  });

  test("no unescaped ${ or %{ reaches cdk.tf.json", () => {
    expect(allStrings(json).filter(hasUnescapedTemplate)).toEqual([]);
  });
});
