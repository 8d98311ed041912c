import { Testing } from "cdktf";
import { MailConnectFirewall, RULE_DESCRIPTION_MAX_LENGTH, ruleDescription, ruleDescriptionProblem } from "../../lib/firewall";
import { awsStack } from "../support/firewall-stack";

const CHARSET = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";

describe("rule descriptions", () => {
  test("every character EC2 lists is accepted", () => {
    const all = "abcxyzABCXYZ0189. _-:/()#,@[]+=&;{}!$*";
    expect(ruleDescriptionProblem(all)).toBeUndefined();
  });

  test.each([
    ["an umlaut", "Zugriff für mail-connect", '"ü"'],
    ["an arrow", "mail-connect -> mail server", '">"'],
    ["an apostrophe", "mail-connect's relay", `"'"`],
    ["a newline", "mail-connect\nrelay", '"\\n"'],
    ["a tab and a question mark", "why?\tnot", '"?", "\\t"'],
  ])("%s is refused, naming the bad characters", (_case, description, shown) => {
    expect(ruleDescriptionProblem(description)).toBe(`must use only the characters ${CHARSET} (EC2 rejects ${shown} at apply time)`);
  });

  test("255 characters are accepted, 256 refused", () => {
    expect(RULE_DESCRIPTION_MAX_LENGTH).toBe(255);
    expect(ruleDescriptionProblem("a".repeat(255))).toBeUndefined();
    expect(ruleDescriptionProblem("a".repeat(256))).toBe("must be at most 255 characters long (got 256)");
  });

  test("the library's texts read as what they allow", () => {
    expect(ruleDescription({ direction: "ingress", label: "SMTP", port: 25, cidr: "80.254.138.128/26" })).toBe(
      "Allow SMTP 25/tcp from mail-connect 80.254.138.128/26",
    );
    expect(ruleDescription({ direction: "egress", label: "IMAPS", port: 993, cidr: "2001:db8::/48" })).toBe(
      "Allow IMAPS 993/tcp to mail-connect 2001:db8::/48",
    );
  });

  test("ruleDescription refuses to produce a text EC2 would reject", () => {
    expect(() => ruleDescription({ direction: "ingress", label: "SMTP → relay", port: 25, cidr: "80.254.138.128/26" })).toThrow(
      /^Internal error: rule description/,
    );
  });
});

describe("synth-time description check", () => {
  test("an untouched firewall passes validation", () => {
    const stack = awsStack();
    new MailConnectFirewall(stack, "fw", { securityGroupId: "sg-0123abcd", clientEgress: true });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("a description changed after construction fails at synth, not at apply", () => {
    const stack = awsStack();
    const firewall = new MailConnectFirewall(stack, "fw", { securityGroupId: "sg-0123abcd" });
    firewall.ingressRules[0].description = "Zugriff für mail-connect";
    expect(() => Testing.synth(stack, true)).toThrow(
      `[test/fw] smtp-in-25-80_254_138_128-26.description: got "Zugriff für mail-connect"; must use only the characters ${CHARSET} (EC2 rejects "ü" at apply time). Use only those characters, or leave the description as this library writes it.`,
    );
  });
});
