import "cdktf/lib/testing/adapters/jest"; // types of the cdktf matchers (setup.js registers them)
import * as fs from "fs";
import * as path from "path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { MailConnectFirewall, MailConnectFirewallProps } from "../../lib/firewall";
import { MailClientService } from "../../lib/mail-connect/mail-connect";
import { awsStack, EGRESS, INGRESS, resourcesOf, ruleAddresses } from "../support/firewall-stack";
import { synthErrorOf } from "../support/validation-error";

const SG = "sg-0123456789abcdef0";
const MAIL_CONNECT_NET = "80.254.138.128/26";
/** EC2's rule-description rule, written out here independently of the library. */
const EC2_DESCRIPTION = /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]{1,255}$/;

function firewallStack(props: Partial<MailConnectFirewallProps> = {}): { stack: TerraformStack; firewall: MailConnectFirewall } {
  const stack = awsStack();
  const firewall = new MailConnectFirewall(stack, "fw", { securityGroupId: SG, ...props });
  return { stack, firewall };
}

describe("MailConnectFirewall rules", () => {
  test("by default allows only SMTP 25/tcp in from mail-connect's /26 (snapshot)", () => {
    const synth = Testing.synthScope((scope) => {
      new AwsProvider(scope, "aws", { region: "eu-central-1" });
      new MailConnectFirewall(scope, "fw", { securityGroupId: SG });
    });
    const json = JSON.parse(synth);
    expect(Object.keys(json.resource[INGRESS])).toHaveLength(1);
    expect(json.resource[EGRESS]).toBeUndefined();
    expect(synth).toMatchSnapshot();
  });

  test("with clientEgress true also allows all seven client ports out (snapshot)", () => {
    const synth = Testing.synthScope((scope) => {
      new AwsProvider(scope, "aws", { region: "eu-central-1" });
      new MailConnectFirewall(scope, "fw", { securityGroupId: SG, clientEgress: true });
    });
    const json = JSON.parse(synth);
    expect(Object.keys(json.resource[INGRESS])).toHaveLength(1);
    expect(Object.keys(json.resource[EGRESS])).toHaveLength(7);
    expect(synth).toMatchSnapshot();
  });

  test("the SMTP ingress rule is tcp 25-25 from 80.254.138.128/26 on the given group", () => {
    const { stack } = firewallStack();
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      security_group_id: SG,
      ip_protocol: "tcp",
      from_port: 25,
      to_port: 25,
      cidr_ipv4: MAIL_CONNECT_NET,
      description: "Allow SMTP 25/tcp from mail-connect 80.254.138.128/26",
    });
  });

  test.each<[MailClientService, number, string]>([
    ["imap", 143, "IMAP"],
    ["imaps", 993, "IMAPS"],
    ["pop3", 110, "POP3"],
    ["pop3s", 995, "POP3S"],
    ["smtp", 25, "SMTP"],
    ["smtps", 465, "SMTPS"],
    ["submission", 587, "SMTP submission"],
  ])("clientEgress true opens %s (%i/tcp) out to mail-connect", (_service, port, label) => {
    const { stack } = firewallStack({ clientEgress: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
      security_group_id: SG,
      ip_protocol: "tcp",
      from_port: port,
      to_port: port,
      cidr_ipv4: MAIL_CONNECT_NET,
      description: `Allow ${label} ${port}/tcp to mail-connect 80.254.138.128/26`,
    });
  });

  test("a clientEgress list opens only the services it names", () => {
    const { stack } = firewallStack({ clientEgress: ["submission", "imaps"] });
    const ports = Object.values(resourcesOf(stack, EGRESS)).map((rule) => rule.from_port);
    expect(ports.sort()).toEqual([587, 993]);
  });

  test("smtpIngress false with client egress makes egress rules only", () => {
    const { stack } = firewallStack({ smtpIngress: false, clientEgress: ["imaps"] });
    expect(resourcesOf(stack, INGRESS)).toEqual({});
    expect(Object.keys(resourcesOf(stack, EGRESS))).toHaveLength(1);
  });

  test("an IPv6 network gets cidr_ipv6 and no cidr_ipv4", () => {
    const { stack } = firewallStack({ network: ["2001:db8::/48"] });
    const rules = Object.values(resourcesOf(stack, INGRESS));
    expect(rules).toEqual([
      expect.objectContaining({ cidr_ipv6: "2001:db8::/48", from_port: 25, description: "Allow SMTP 25/tcp from mail-connect 2001:db8::/48" }),
    ]);
    expect(rules[0]).not.toHaveProperty("cidr_ipv4");
  });

  test("makes one rule per network and port", () => {
    const { stack } = firewallStack({ network: [MAIL_CONNECT_NET, "2001:db8::/48"], clientEgress: ["imaps", "smtps"] });
    expect(Object.keys(resourcesOf(stack, INGRESS))).toHaveLength(2);
    expect(Object.keys(resourcesOf(stack, EGRESS))).toHaveLength(4);
  });

  test("every description is in EC2's character set and under 256 characters", () => {
    const { stack } = firewallStack({ network: [MAIL_CONNECT_NET, "2001:db8::/48"], clientEgress: true });
    const rules = [...Object.values(resourcesOf(stack, INGRESS)), ...Object.values(resourcesOf(stack, EGRESS))];
    expect(rules).toHaveLength(16);
    for (const rule of rules) expect(rule.description).toMatch(EC2_DESCRIPTION);
  });

  test("a token security group id is passed through as a Terraform reference", () => {
    const stack = awsStack();
    const group = new SecurityGroup(stack, "web", { name: "web" });
    new MailConnectFirewall(stack, "fw", { securityGroupId: group.id });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: "${aws_security_group.web.id}" });
  });

  test("a variable as security group id is accepted without literal checks", () => {
    const stack = awsStack();
    const variable = new TerraformVariable(stack, "sg_id", { type: "string" });
    new MailConnectFirewall(stack, "fw", { securityGroupId: variable.stringValue });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: "${var.sg_id}" });
  });

  test("rules use the given provider", () => {
    const stack = awsStack();
    const secondary = new AwsProvider(stack, "secondary", { region: "eu-west-1", alias: "secondary" });
    new MailConnectFirewall(stack, "fw", { securityGroupId: SG, provider: secondary, clientEgress: ["imaps"] });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { provider: "aws.secondary" });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { provider: "aws.secondary" });
  });
});

describe("MailConnectFirewall identity", () => {
  test("pins the Terraform addresses of its rules", () => {
    // Hash = first 8 hex digits of md5("<firewall id>/<rule id>"), cdktf's nested-resource naming.
    const { stack } = firewallStack({ network: [MAIL_CONNECT_NET, "2001:db8::/48"], clientEgress: ["submission"] });
    expect(ruleAddresses(stack)).toEqual([
      "aws_vpc_security_group_egress_rule.fw_submission-out-587-2001_db8__-48_0F0C3CD7",
      "aws_vpc_security_group_egress_rule.fw_submission-out-587-80_254_138_128-26_A9C48191",
      "aws_vpc_security_group_ingress_rule.fw_smtp-in-25-2001_db8__-48_0D0A580C",
      "aws_vpc_security_group_ingress_rule.fw_smtp-in-25-80_254_138_128-26_38F331EB",
    ]);
  });

  test("rule construct ids name service, direction, port and network", () => {
    const { firewall } = firewallStack({ clientEgress: ["imaps"] });
    expect(firewall.rules.map((rule) => rule.id)).toEqual(["smtp-in-25-80_254_138_128-26", "imaps-out-993-80_254_138_128-26"]);
  });

  test("reordering networks and services keeps every address", () => {
    const a = firewallStack({ network: [MAIL_CONNECT_NET, "2001:db8::/48"], clientEgress: ["imaps", "pop3s"] });
    const b = firewallStack({ network: ["2001:db8::/48", MAIL_CONNECT_NET], clientEgress: ["pop3s", "imaps"] });
    expect(ruleAddresses(b.stack)).toEqual(ruleAddresses(a.stack));
  });

  test("a second firewall for the same group in one stack is refused", () => {
    const { stack } = firewallStack();
    const error = synthErrorOf(() => new MailConnectFirewall(stack, "fw2", { securityGroupId: SG }));
    expect(error.messages).toEqual([
      'securityGroupId: got "sg-0123456789abcdef0"; already has the MailConnectFirewall "test/fw" in this stack, and a second set of identical rules fails with InvalidPermission.Duplicate. Call allow() on that firewall, or get it with mailConnectFirewallFor().',
    ]);
    expect(Object.keys(resourcesOf(stack, INGRESS))).toHaveLength(1); // the refused firewall makes no rules
  });

  test("allow() adds what is missing and never duplicates a rule", () => {
    const { stack, firewall } = firewallStack();
    firewall.allow({ clientEgress: ["imaps"] });
    firewall.allow({ clientEgress: ["imaps", "submission"] });
    expect(Object.keys(resourcesOf(stack, INGRESS))).toHaveLength(1);
    expect(Object.values(resourcesOf(stack, EGRESS)).map((rule) => rule.from_port).sort()).toEqual([587, 993]);
  });
});

describe("MailConnectFirewall validation", () => {
  test.each<[string, string[], string]>([
    ["the whole IPv4 internet", ["0.0.0.0/0"],
      'network[0]: got "0.0.0.0/0"; must not be the whole internet (the rules exist to admit mail-connect only). Use mail-connect\'s network "80.254.138.128/26", or leave `network` out.'],
    ["the whole IPv6 internet", ["::/0"],
      'network[0]: got "::/0"; must not be the whole internet (the rules exist to admit mail-connect only). Use mail-connect\'s network "80.254.138.128/26", or leave `network` out.'],
    ["an IPv4 /8", ["10.0.0.0/8"],
      'network[0]: got "10.0.0.0/8"; must not be wider than /16 for IPv4. Use mail-connect\'s network "80.254.138.128/26", or leave `network` out.'],
    ["an IPv4 /15", ["80.254.0.0/15"],
      'network[0]: got "80.254.0.0/15"; must not be wider than /16 for IPv4. Use mail-connect\'s network "80.254.138.128/26", or leave `network` out.'],
    ["an IPv6 /31", ["2001:db8::/31"],
      'network[0]: got "2001:db8::/31"; must not be wider than /32 for IPv6. Use mail-connect\'s network "80.254.138.128/26", or leave `network` out.'],
    ["host bits set", ["80.254.138.130/26"],
      'network[0]: got "80.254.138.130/26"; must have its host bits zero (AWS wants the network address). Use "80.254.138.128/26".'],
    ["garbage", ["mail-connect"],
      'network[0]: got "mail-connect"; must be an IPv4 or IPv6 network in CIDR notation (address/prefix). Write e.g. "80.254.138.128/26".'],
    ["a prefix over 32", ["80.254.138.128/33"],
      'network[0]: got "80.254.138.128/33"; must be an IPv4 or IPv6 network in CIDR notation (address/prefix). Write e.g. "80.254.138.128/26".'],
    ["a bare address", ["80.254.138.130"],
      'network[0]: got "80.254.138.130"; must have a prefix length (security-group rules take CIDR blocks). Write "80.254.138.130/32" for this one host.'],
    ["non-canonical IPv6", ["2001:DB8:0::/48"],
      'network[0]: got "2001:DB8:0::/48"; must be written in canonical form (lowercase, compressed IPv6), so that equal networks compare equal. Write "2001:db8::/48".'],
    ["a duplicate", [MAIL_CONNECT_NET, MAIL_CONNECT_NET],
      'network[1]: got "80.254.138.128/26"; duplicates network[0] (AWS rejects a duplicate rule with InvalidPermission.Duplicate). List each network once.'],
    ["an empty list", [],
      'network: got []; must list at least one network. Leave `network` out to use mail-connect\'s network ["80.254.138.128/26"].'],
  ])("refuses %s", (_case, network, message) => {
    const stack = awsStack();
    const error = synthErrorOf(() => new MailConnectFirewall(stack, "fw", { securityGroupId: SG, network }));
    expect(error.messages).toEqual([message]);
    expect(resourcesOf(stack, INGRESS)).toEqual({}); // an invalid firewall makes no rules
  });

  test("refuses a network given as a token", () => {
    const stack = awsStack();
    const variable = new TerraformVariable(stack, "net", { type: "string" });
    const error = synthErrorOf(() => new MailConnectFirewall(stack, "fw", { securityGroupId: SG, network: [variable.stringValue] }));
    expect(error.reasons).toHaveLength(1);
    expect(error.reasons[0]).toMatchObject({ path: "network[0]", rule: "must be a literal network, not a token (rule ids and checks need the value at synth)" });
  });

  test.each(["sg-12345", "SG-0123ABCD", "sg-0123ABCD", "sg-0123abcd0", "sg-0123456789abcdef", "0123abcd", ""])(
    "refuses the security group id %j",
    (securityGroupId) => {
      const error = synthErrorOf(() => new MailConnectFirewall(awsStack(), "fw", { securityGroupId }));
      expect(error.messages).toEqual([
        `securityGroupId: got ${JSON.stringify(securityGroupId)}; must be "sg-" followed by 8 or 17 lowercase hexadecimal digits, or a token such as a SecurityGroup's id. Copy the group id from the EC2 console (e.g. "sg-0123456789abcdef0") or pass \`securityGroup.id\`.`,
      ]);
    },
  );

  test.each(["sg-0123abcd", "sg-0123456789abcdef0"])("accepts the security group id %s", (securityGroupId) => {
    expect(() => new MailConnectFirewall(awsStack(), "fw", { securityGroupId })).not.toThrow();
  });

  test.each<[string, Partial<MailConnectFirewallProps>, string]>([
    ["smtpIngress", { smtpIngress: "yes" as unknown as boolean }, 'smtpIngress: got "yes"; must be true or false. Write `smtpIngress: true` or `smtpIngress: false`.'],
    ["clientEgress", { clientEgress: "all" as unknown as boolean }, 'clientEgress: got "all"; must be true, false or a list of service names. Write e.g. `clientEgress: ["imaps", "submission"]`.'],
  ])("refuses a %s of the wrong type (JavaScript callers)", (_prop, props, message) => {
    const error = synthErrorOf(() => firewallStack(props).stack);
    expect(error.messages).toEqual([message]);
  });

  test("refuses a client service listed twice", () => {
    const error = synthErrorOf(() => firewallStack({ clientEgress: ["imaps", "imaps"] }).stack);
    expect(error.messages).toEqual(['clientEgress[1]: got "imaps"; duplicates clientEgress[0]. List each service once.']);
  });

  test("refuses an unknown client service", () => {
    const error = synthErrorOf(
      () => new MailConnectFirewall(awsStack(), "fw", { securityGroupId: SG, clientEgress: ["imaps", "imap4" as MailClientService] }),
    );
    expect(error.messages).toEqual([
      'clientEgress[1]: got "imap4"; must be one of imap, imaps, pop3, pop3s, smtp, smtps, submission. Use a key of MAIL_CLIENT_PORTS.',
    ]);
  });

  test.each<[string, Partial<MailConnectFirewallProps>]>([
    ["clientEgress left out", { smtpIngress: false }],
    ["clientEgress false", { smtpIngress: false, clientEgress: false }],
    ["clientEgress empty", { smtpIngress: false, clientEgress: [] }],
  ])("refuses a firewall without rules (%s)", (_case, props) => {
    const error = synthErrorOf(() => firewallStack(props).stack);
    expect(error.messages).toEqual([
      "smtpIngress: got false; with clientEgress off as well, the firewall would make no rules. Leave `smtpIngress` on, or set `clientEgress` to true or a list of services.",
    ]);
  });

  test("reports every problem at once, in order, with the construct path", () => {
    const error = synthErrorOf(
      () => new MailConnectFirewall(awsStack(), "fw", { securityGroupId: "sg-1", network: ["0.0.0.0/0", "80.254.138.130/26", "x"] }),
    );
    expect(error.reasons.map((reason) => reason.path)).toEqual(["securityGroupId", "network[0]", "network[1]", "network[2]"]);
    expect(error.message.split("\n")[0]).toBe("Invalid mail-connect configuration: 4 problems in 1 construct.");
    expect(error.message).toContain('\nMailConnectFirewall "test/fw" (4 problems):\n  - securityGroupId: got "sg-1"; ');
  });

  test.each(["80.254.0.0/16", "2001:db8::/32", MAIL_CONNECT_NET, "2001:db8::/48", "80.254.138.130/32"])("accepts %s", (network) => {
    expect(() => firewallStack({ network: [network] })).not.toThrow();
  });
});

describe("MailConnectFirewall warnings", () => {
  function warningsInManifest(stack: TerraformStack): { constructPath: string; level: string; message: string }[] {
    const outdir = Testing.fullSynth(stack);
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
      return manifest.stacks.test.annotations.filter((a: { level: string }) => a.level === "@cdktf/warn");
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }

  test("an IPv4 network wider than /24 gives a warning in the manifest", () => {
    const { stack } = firewallStack({ network: ["80.254.128.0/20"] });
    expect(warningsInManifest(stack)).toEqual([
      expect.objectContaining({
        constructPath: "test/fw",
        message:
          '[firewall-wide-network] network[0]: got "80.254.128.0/20"; is wider than /24 for IPv4, more than mail-connect needs. mail-connect\'s network is "80.254.138.128/26"; narrow it unless you know why you need more.',
      }),
    ]);
  });

  test("an IPv6 network wider than /48 gives a warning on the construct", () => {
    const { firewall } = firewallStack({ network: ["2001:db8::/40"] });
    expect(firewall.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data)).toEqual([
      '[firewall-wide-network] network[0]: got "2001:db8::/40"; is wider than /48 for IPv6, more than mail-connect needs. mail-connect\'s network is "80.254.138.128/26"; narrow it unless you know why you need more.',
    ]);
  });

  test.each([
    ["80.254.138.0/23", "/24 for IPv4"],
    ["80.254.0.0/16", "/24 for IPv4"],
    ["2001:db8::/47", "/48 for IPv6"],
    ["2001:db8::/32", "/48 for IPv6"],
  ])("%s just past the limit gives a warning", (network, limit) => {
    const { firewall } = firewallStack({ network: [network] });
    expect(firewall.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data)).toEqual([
      `[firewall-wide-network] network[0]: got ${JSON.stringify(network)}; is wider than ${limit}, more than mail-connect needs. mail-connect's network is "80.254.138.128/26"; narrow it unless you know why you need more.`,
    ]);
  });

  test.each([MAIL_CONNECT_NET, "80.254.138.0/24", "2001:db8::/48"])("%s gives no warning", (network) => {
    const { stack } = firewallStack({ network: [network] });
    expect(warningsInManifest(stack)).toEqual([]);
  });

  test("a warned network still gets its rules and passes validation", () => {
    const { stack } = firewallStack({ network: ["80.254.0.0/16"] });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: "80.254.0.0/16" });
  });
});
