/** Thrown when synthesized provider resources would not publish a well-defined RRset. */
export class UnpublishableRecordError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(`The synthesized DNS resources cannot be published as intended (${problems.length}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "UnpublishableRecordError";
    Object.setPrototypeOf(this, UnpublishableRecordError.prototype);
  }
}
