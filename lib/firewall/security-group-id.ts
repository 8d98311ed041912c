/**
 * The `securityGroupId` prop: a literal EC2 group id or a cdktf token, and the key
 * that says whether two consumers name the same group.
 */
import { createHash } from "crypto";
import { TerraformResource, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { resolveText } from "../providers/resolve-text";
import { DescribedValue, ReasonCollector } from "../errors";

/** `sg-` and 8 (older groups) or 17 lowercase hex digits. */
export const SECURITY_GROUP_ID_PATTERN = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * Adds a reason when `value` is neither an unresolved token nor a literal group id.
 * Tokens (`securityGroup.id`, a variable) are checked by Terraform, not here.
 */
export function checkSecurityGroupId(value: unknown, reasons: ReasonCollector, path = "securityGroupId"): void {
  if (typeof value === "string" && Token.isUnresolved(value)) return;
  if (typeof value === "string" && SECURITY_GROUP_ID_PATTERN.test(value)) return;
  reasons.add(
    path,
    value,
    'must be "sg-" followed by 8 or 17 lowercase hexadecimal digits, or a token such as a SecurityGroup\'s id',
    'Copy the group id from the EC2 console (e.g. "sg-0123456789abcdef0") or pass `securityGroup.id`.',
  );
}

/**
 * The text that identifies a group within one stack: the literal itself, or for a token the
 * Terraform expression it resolves to (`${aws_security_group.web.id}`). The raw token string
 * is no use: it changes with creation order, and every `securityGroup.id` access makes a new one.
 * Limitation: cross-stack references to two groups with the same address in two other stacks
 * resolve to the same expression here; give such groups different construct ids.
 */
export function securityGroupKey(stack: TerraformStack, securityGroupId: string): string {
  // Side-effect free resolution, as the DNS conflict check uses (lib/resolve-text.ts).
  return resolveText(stack, securityGroupId);
}

/**
 * A construct-id fragment for the group, stable across runs: the literal id, or for a token a
 * readable slug of the resolved expression plus 8 hex digits of its SHA-256, e.g.
 * `aws_security_group-web-id-1c0b7f9e`. Only `[A-Za-z0-9_-]`, the characters cdktf keeps in
 * Terraform addresses.
 */
export function securityGroupSlug(key: string): string {
  if (SECURITY_GROUP_ID_PATTERN.test(key)) return key;
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 8);
  const readable = key
    .replace(/^\$\{|\}$/g, "")
    .replace(/[^A-Za-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return readable === "" ? hash : `${readable}-${hash}`;
}

/**
 * The group id as the user knows it, for messages: a literal as it is; a token that refers to
 * a resource in the stack as `the id of aws_security_group "stack/mail-server"`, any other
 * token as a value known only at apply time (never the raw `${TfToken[...]}` text).
 */
export function describeSecurityGroupId(scope: IConstruct, securityGroupId: unknown): unknown {
  if (typeof securityGroupId !== "string" || !Token.isUnresolved(securityGroupId)) return securityGroupId;
  const stack = TerraformStack.of(scope);
  const reference = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/.exec(resolveText(stack, securityGroupId));
  if (reference !== null) {
    const [, type, name, attribute] = reference;
    const resource = stack.node.findAll().find((c) => TerraformResource.isTerraformResource(c) && c.terraformResourceType === type && c.friendlyUniqueId === name);
    if (resource !== undefined) return new DescribedValue(`the ${attribute} of ${type} "${resource.node.path}" (known only at apply time)`);
  }
  return new DescribedValue("a token (a value known only at apply time)");
}
