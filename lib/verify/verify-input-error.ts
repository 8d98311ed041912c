/**
 * Thrown when `verify` cannot start: bad arguments, an unreadable config file or synth
 * directory, options the planner refuses. The command line exits 2 with the problems.
 */
export class VerifyInputError extends Error {
  /** Every problem found, one line each. */
  public readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "VerifyInputError";
    this.problems = problems;
    Object.setPrototypeOf(this, VerifyInputError.prototype);
  }
}
