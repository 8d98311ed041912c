import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { MailConnectFirewall, mailConnectFirewallFor, sharedFirewallId } from "../../lib/firewall";
import { DnsZone, MailConnectDomain } from "../../lib";
import { awsStack, EGRESS, INGRESS, resourcesOf, ruleAddresses } from "../support/firewall-stack";
import { synthErrorOf } from "../support/validation-error";

const SG = "sg-0123456789abcdef0";

/** Stands in for a MailConnectDomain: a construct that asks for the firewall of its group. */
class Consumer extends Construct {
  public readonly firewall: MailConnectFirewall;
  constructor(scope: Construct, id: string, props: Parameters<typeof mailConnectFirewallFor>[1]) {
    super(scope, id);
    this.firewall = mailConnectFirewallFor(this, props);
  }
}

describe("mailConnectFirewallFor", () => {
  test("two consumers of one literal group get one firewall and one set of rules", () => {
    const stack = awsStack();
    const a = new Consumer(stack, "firma-de", { securityGroupId: SG });
    const b = new Consumer(stack, "news-firma-de", { securityGroupId: SG });
    expect(b.firewall).toBe(a.firewall);
    expect(ruleAddresses(stack)).toEqual([
      "aws_vpc_security_group_ingress_rule.mail-connect-firewall-sg-0123456789abcdef0_smtp-in-25-80_254_138_128-26_89AEF969",
    ]);
  });

  test("two consumers passing `sg.id` of one SecurityGroup get one set of rules", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    // Each `group.id` access is a new token with a different string.
    expect(group.id).not.toBe(group.id);
    const a = new Consumer(stack, "firma-de", { securityGroupId: group.id, name: "web" });
    const b = new Consumer(stack, "news-firma-de", { securityGroupId: group.id });
    expect(b.firewall).toBe(a.firewall);
    expect(Object.values(resourcesOf(stack, INGRESS))).toEqual([
      expect.objectContaining({ security_group_id: "${aws_security_group.web.id}", from_port: 25 }),
    ]);
  });

  test("different groups get different firewalls", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    const a = new Consumer(stack, "a", { securityGroupId: SG });
    const b = new Consumer(stack, "b", { securityGroupId: "sg-0123abcd" });
    const c = new Consumer(stack, "c", { securityGroupId: group.id, name: "web" });
    expect(new Set([a.firewall, b.firewall, c.firewall]).size).toBe(3);
    expect(Object.values(resourcesOf(stack, INGRESS)).map((rule) => rule.security_group_id).sort()).toEqual([
      "${aws_security_group.web.id}",
      "sg-0123456789abcdef0",
      "sg-0123abcd",
    ]);
  });

  test("creates the firewall at stack level, not inside the consumer", () => {
    const stack = awsStack();
    const nested = new Construct(new Construct(stack, "mail"), "firma-de");
    const firewall = mailConnectFirewallFor(nested, { securityGroupId: SG });
    expect(firewall.node.scope).toBe(stack);
    expect(firewall.node.path).toBe("test/mail-connect-firewall-sg-0123456789abcdef0");
  });

  test("a literal group's firewall id is the group id with a fixed prefix, or the name given", () => {
    expect(sharedFirewallId(SG)).toBe("mail-connect-firewall-sg-0123456789abcdef0");
    expect(sharedFirewallId(SG, "mail-server")).toBe("mail-connect-firewall-mail-server");
  });

  test("a token group's firewall id is its name; without one there is none", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    expect(sharedFirewallId(group.id, "web")).toBe("mail-connect-firewall-web");
    expect(sharedFirewallId(group.id)).toBeUndefined();
  });

  test("a token group without a name is refused: its rule addresses would follow the group's construct path", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    new Consumer(stack, "firma-de", { securityGroupId: group.id });
    expect(synthErrorOf(() => stack).messages).toEqual([
      'name: got undefined; is needed when securityGroupId is a token: the firewall\'s Terraform addresses would otherwise follow the security group\'s construct path, and renaming that construct would replace the live SMTP rule. Name the firewall after the server it protects, e.g. name: "mail-server" (see the CHANGELOG to keep existing rules with moveRulesFrom).',
    ]);
    expect(resourcesOf(stack, INGRESS)).toEqual({});
  });

  test.each(["Mail", "-x", "x-", "mail_server", "a".repeat(41), ""])("refuses the firewall name %j", (name) => {
    const stack = awsStack();
    new Consumer(stack, "firma-de", { securityGroupId: SG, name });
    expect(synthErrorOf(() => stack).reasons).toEqual([expect.objectContaining({ path: "name", value: name, rule: "must be 1–40 lowercase letters, digits and inner hyphens" })]);
  });

  test("later consumers of a named group may leave the name out, but not give another", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    const a = new Consumer(stack, "a", { securityGroupId: group.id, name: "web" });
    expect(new Consumer(stack, "b", { securityGroupId: group.id }).firewall).toBe(a.firewall);
    new Consumer(stack, "c", { securityGroupId: group.id, name: "other" });
    expect(synthErrorOf(() => stack).messages).toEqual([
      'name: got "other"; differs from the name of the group\'s existing firewall "test/mail-connect-firewall-web". Give every consumer of this security group the same name, or leave it out after the first.',
    ]);
  });

  test("renaming or moving the security group's construct leaves every rule address unchanged", () => {
    const build = (groupScope: (stack: TerraformStack) => Construct, groupId: string): string[] => {
      const stack = awsStack();
      const group = new SecurityGroup(groupScope(stack), groupId, { name: "mail" });
      new Consumer(stack, "firma-de", { securityGroupId: group.id, name: "mail-server", clientEgress: ["imaps"] });
      return ruleAddresses(stack);
    };
    const before = build((stack) => stack, "mail-server");
    expect(before).toEqual([
      "aws_vpc_security_group_egress_rule.mail-connect-firewall-mail-server_imaps-out-993-80_254_138_128-26_03D428C9",
      "aws_vpc_security_group_ingress_rule.mail-connect-firewall-mail-server_smtp-in-25-80_254_138_128-26_834C55E9",
    ]);
    expect(build((stack) => stack, "kanzlei-weber-mail-server")).toEqual(before);
    expect(build((stack) => new Construct(new Construct(stack, "network"), "servers"), "mx1")).toEqual(before);
  });

  test("moveRulesFrom() moves the rules from the addresses a token group's firewall had before it was named", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    const consumer = new Consumer(stack, "firma-de", { securityGroupId: group.id, name: "web" });
    consumer.firewall.moveRulesFrom();
    const json = JSON.parse(Testing.synth(stack, true)) as { moved?: Array<{ from: string; to: string }> };
    // The address this library gave the rule before `name` (pinned by the earlier release's tests).
    expect(json.moved).toEqual([
      {
        from: "aws_vpc_security_group_ingress_rule.mail-connect-firewall-aws_security_group-web-id-01f0e02b_smtp-in-25-80_254_138_128-26_E2944049",
        to: "aws_vpc_security_group_ingress_rule.mail-connect-firewall-web_smtp-in-25-80_254_138_128-26_08799C1B",
      },
    ]);
  });

  test("a named token group's rule address does not move when unrelated tokens and resources come first", () => {
    const build = (withUnrelated: boolean): string[] => {
      const stack = awsStack();
      if (withUnrelated) {
        new TerraformVariable(stack, "unrelated", { type: "string" });
        const other = new SecurityGroup(stack, "other", { name: "other" });
        void other.id;
        void other.arn;
      }
      const group = new SecurityGroup(stack, "web", { name: "web" });
      new Consumer(stack, "firma-de", { securityGroupId: group.id, name: "web" });
      return ruleAddresses(stack);
    };
    const expected = ["aws_vpc_security_group_ingress_rule.mail-connect-firewall-web_smtp-in-25-80_254_138_128-26_08799C1B"];
    expect(build(false)).toEqual(expected);
    expect(build(true)).toEqual(expected);
  });

  test("options of several consumers of one group are merged (union)", () => {
    const stack = awsStack();
    new Consumer(stack, "a", { securityGroupId: SG });
    new Consumer(stack, "b", { securityGroupId: SG, smtpIngress: false, clientEgress: ["imaps"] });
    new Consumer(stack, "c", { securityGroupId: SG, clientEgress: ["imaps", "submission"] });
    expect(ruleAddresses(stack)).toEqual([
      "aws_vpc_security_group_egress_rule.mail-connect-firewall-sg-0123456789abcdef0_imaps-out-993-80_254_138_128-26_A67CEA0B",
      "aws_vpc_security_group_egress_rule.mail-connect-firewall-sg-0123456789abcdef0_submission-out-587-80_254_138_128-26_DE3229EE",
      "aws_vpc_security_group_ingress_rule.mail-connect-firewall-sg-0123456789abcdef0_smtp-in-25-80_254_138_128-26_89AEF969",
    ]);
  });

  test("a consumer asking for another network adds rules for it and its warning", () => {
    const stack = awsStack();
    const a = new Consumer(stack, "a", { securityGroupId: SG });
    new Consumer(stack, "b", { securityGroupId: SG, network: ["80.254.138.128/26", "80.254.128.0/20"] });
    new Consumer(stack, "c", { securityGroupId: SG, network: ["80.254.128.0/20"] });
    expect(Object.values(resourcesOf(stack, INGRESS)).map((rule) => rule.cidr_ipv4).sort()).toEqual(["80.254.128.0/20", "80.254.138.128/26"]);
    expect(a.firewall.node.metadata.filter((m) => m.type === "@cdktf/warn")).toHaveLength(1);
  });

  test("consumers of one group with different providers are refused", () => {
    const stack = awsStack();
    const secondary = new AwsProvider(stack, "secondary", { region: "eu-west-1", alias: "secondary" });
    new Consumer(stack, "a", { securityGroupId: SG });
    const error = synthErrorOf(() => new Consumer(stack, "b", { securityGroupId: SG, provider: secondary }));
    expect(error.messages).toEqual([
      'provider: got "test/secondary", from "test/b"; must be the provider of this firewall for its security group (the default provider). Pass the same `provider` everywhere this security group is used.',
    ]);
    expect(error.constructs.map((c) => c.subject)).toEqual(['MailConnectFirewall "test/mail-connect-firewall-sg-0123456789abcdef0"']);
  });

  test("consumers passing the same provider share the firewall and its provider", () => {
    const stack = awsStack();
    const secondary = new AwsProvider(stack, "secondary", { region: "eu-west-1", alias: "secondary" });
    const a = new Consumer(stack, "a", { securityGroupId: SG, provider: secondary });
    const b = new Consumer(stack, "b", { securityGroupId: SG, provider: secondary, clientEgress: ["imaps"] });
    expect(b.firewall).toBe(a.firewall);
    expect(Object.values(resourcesOf(stack, EGRESS))).toEqual([expect.objectContaining({ provider: "aws.secondary" })]);
  });

  test("returns a firewall the user created directly for the group", () => {
    const stack = awsStack();
    const direct = new MailConnectFirewall(stack, "fw", { securityGroupId: SG });
    expect(new Consumer(stack, "a", { securityGroupId: SG }).firewall).toBe(direct);
    expect(MailConnectFirewall.find(stack, SG)).toBe(direct);
    expect(Object.keys(resourcesOf(stack, INGRESS))).toHaveLength(1);
  });

  test("invalid options are reported at synth and make no rules", () => {
    const stack = awsStack();
    const error = synthErrorOf(() => mailConnectFirewallFor(stack, { securityGroupId: "sg-xyz", network: ["0.0.0.0/0"] }));
    expect(error.message.split("\n")[0]).toBe("Invalid mail-connect configuration: 2 problems in 1 construct.");
    expect(error.reasons.map((reason) => reason.path)).toEqual(["securityGroupId", "network[0]"]);
    expect(resourcesOf(stack, INGRESS)).toEqual({});
  });

  test("the same group in two stacks gets a firewall in each", () => {
    const app = Testing.app();
    const one = awsStack(app);
    const two = new TerraformStack(app, "two");
    new AwsProvider(two, "aws", { region: "eu-central-1" });
    expect(mailConnectFirewallFor(one, { securityGroupId: SG })).not.toBe(mailConnectFirewallFor(two, { securityGroupId: SG }));
  });
});

test("a MailConnectDomain on a group whose firewall has another provider reports it as its own firewall.provider", () => {
  const stack = awsStack();
  const secondary = new AwsProvider(stack, "secondary", { region: "eu-west-1", alias: "secondary" });
  new MailConnectFirewall(stack, "fw", { securityGroupId: SG });
  new MailConnectDomain(stack, "firma", { domain: "firma.de", product: "secgate", zone: DnsZone.route53({ zoneId: "Z0123456789ABCDEFGHIJ" }), firewall: { securityGroupId: SG, provider: secondary } });
  const error = synthErrorOf(() => stack);
  expect(error.constructs.map((c) => c.subject)).toEqual(['MailConnectDomain "test/firma"']);
  expect(error.messages).toEqual([
    'firewall.provider: got "test/secondary"; must be the provider of the existing MailConnectFirewall "test/fw" for this security group (the default provider). Pass the same `provider` everywhere this security group is used.',
  ]);
});
