/**
 * Resolving tokens to the Terraform expressions they stand for, to compare two values at
 * synth (`${data.aws_route53_zone.z.zone_id}` is the same zone wherever it is referenced).
 * cdktf 0.21's TerraformStack has no public `resolve()`; this is what its synth does
 * (cdktf/lib/_tokens.js), with `preparing: false` so a cross-stack reference does not
 * create an output as a side effect.
 */
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from "cdktf";

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Whether `value` is a literal that resolves to itself: no token inside. */
function isPlainLiteral(value: unknown): boolean {
  if (value === undefined || value === null || typeof value === "boolean") return true;
  if (typeof value === "string" || typeof value === "number") return !Token.isUnresolved(value);
  return false;
}

/** `value` with every token replaced by its Terraform expression. */
export function resolveValue(stack: TerraformStack, value: unknown): unknown {
  // Most record inputs are literal strings and string lists: skip the resolver for them.
  if (isPlainLiteral(value)) return value;
  if (Array.isArray(value) && !Token.isUnresolved(value) && value.every((item) => typeof item === "string" && !Token.isUnresolved(item))) return value;
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}

/** `value` resolved, as text: strings as they are, anything else as JSON (`""` for undefined). */
export function resolveText(stack: TerraformStack, value: unknown): string {
  const resolved = resolveValue(stack, value);
  if (typeof resolved === "string") return resolved;
  return resolved === undefined || resolved === null ? "" : JSON.stringify(resolved);
}
