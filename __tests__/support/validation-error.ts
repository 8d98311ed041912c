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
