import { TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { MailConnectValidationError } from "../../lib/errors";

/** The MailConnectValidationError `fn` throws; fails the test if it throws nothing or something else. */
export function validationErrorOf(fn: () => unknown): MailConnectValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MailConnectValidationError) return error;
    throw error;
  }
  throw new Error("expected a MailConnectValidationError, but nothing was thrown");
}

/** The reason texts of the MailConnectValidationError `fn` throws. */
export function validationReasonsOf(fn: () => unknown): string[] {
  return validationErrorOf(fn).messages;
}

/**
 * The MailConnectValidationError that synthesizing the stack of the construct `fn` returns
 * throws: invalid props are reported at synth, for the whole app at once.
 */
export function synthErrorOf(fn: () => IConstruct): MailConnectValidationError {
  return validationErrorOf(() => Testing.synth(TerraformStack.of(fn()), true));
}

/** The reason texts of `synthErrorOf(fn)`. */
export function synthReasonsOf(fn: () => IConstruct): string[] {
  return synthErrorOf(fn).messages;
}
