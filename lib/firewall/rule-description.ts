/**
 * Security-group rule descriptions: the text this library writes, and the check AWS only
 * makes at apply time. EC2 accepts "strings less than 256 characters from the following
 * set: a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*" (the API reference of `IpRange.Description` and
 * `Ipv6Range.Description`; the error text is quoted in aws-cloudformation/cfn-lint#173).
 * The AWS provider does not validate it for `aws_vpc_security_group_*_rule`, so a bad
 * description passes `terraform plan` and fails the apply with `InvalidParameterValue`.
 */

/** The longest description EC2 accepts. */
export const RULE_DESCRIPTION_MAX_LENGTH = 255;

/** One character EC2 accepts in a rule description. */
const ALLOWED_CHARACTER = /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]$/;

/** The character set as EC2's error message writes it. */
export const RULE_DESCRIPTION_CHARACTERS = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";

/**
 * Why EC2 would reject `description`, or undefined when it is acceptable.
 * The answer is a rule in the library's message voice (no trailing period).
 */
export function ruleDescriptionProblem(description: string): string | undefined {
  const bad = [...description].filter((character) => !ALLOWED_CHARACTER.test(character));
  if (bad.length > 0) {
    const shown = [...new Set(bad)].map((character) => JSON.stringify(character)).join(", ");
    return `must use only the characters ${RULE_DESCRIPTION_CHARACTERS} (EC2 rejects ${shown} at apply time)`;
  }
  if (description.length > RULE_DESCRIPTION_MAX_LENGTH) {
    return `must be at most ${RULE_DESCRIPTION_MAX_LENGTH} characters long (got ${description.length})`;
  }
  return undefined;
}

/** What a rule allows, for its description. */
export interface RuleDescriptionParts {
  readonly direction: "ingress" | "egress";
  /** Protocol label, e.g. `SMTP` or `IMAPS`. */
  readonly label: string;
  readonly port: number;
  /** The peer network, canonical CIDR. */
  readonly cidr: string;
}

/**
 * The description of one rule, e.g. `Allow SMTP 25/tcp from mail-connect 80.254.138.128/26`.
 * Throws if the result would break EC2's rules, so a change to this text cannot slip through.
 */
export function ruleDescription(parts: RuleDescriptionParts): string {
  const peer = parts.direction === "ingress" ? "from" : "to";
  const text = `Allow ${parts.label} ${parts.port}/tcp ${peer} mail-connect ${parts.cidr}`;
  const problem = ruleDescriptionProblem(text);
  if (problem !== undefined) throw new Error(`Internal error: rule description ${JSON.stringify(text)} ${problem}`);
  return text;
}
