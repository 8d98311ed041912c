/**
 * Resolving tokens to the Terraform expressions they stand for, to compare two values at
 * synth (`${data.aws_route53_zone.z.zone_id}` is the same zone wherever it is referenced).
 * cdktf 0.21's TerraformStack has no public `resolve()`; this is what its synth does
 * (cdktf/lib/_tokens.js), with `preparing: false` so a cross-stack reference does not
 * create an output as a side effect.
 */
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** `value` with every token replaced by its Terraform expression. */
export function resolveValue(stack: TerraformStack, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}

/** `value` resolved, as text: strings as they are, anything else as JSON (`""` for undefined). */
export function resolveText(stack: TerraformStack, value: unknown): string {
  const resolved = resolveValue(stack, value);
  if (typeof resolved === "string") return resolved;
  return resolved === undefined || resolved === null ? "" : JSON.stringify(resolved);
}
