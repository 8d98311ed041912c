/**
 * The one error this library throws for bad options. It collects every problem found,
 * so a user fixes them all in one round instead of one synth per mistake.
 */

/** One problem with the options: where, what was given, the rule, and how to fix it. */
export interface ValidationReason {
  /** The property path, e.g. `spf.ip4[1]` or `dmarc.rua[0]`. */
  readonly path: string;
  /** The value that broke the rule, exactly as given. */
  readonly value: unknown;
  /** The rule that was broken. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
}

/** Renders a given value for a message: strings in double quotes, everything else as JSON. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  if (typeof value === "bigint") return `${value}n`;
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    // A cycle or a BigInt inside; a null-prototype object has no toString.
    return Object.prototype.toString.call(value);
  }
}

/** The text of one reason, in the library's one voice: `path: got VALUE; RULE. FIX` */
export function formatReason(reason: ValidationReason): string {
  return `${reason.path}: got ${quoteValue(reason.value)}; ${reason.rule}. ${reason.fix}`;
}

/**
 * Thrown at synth (or by `planMailConnectRecords`) when options are invalid.
 * `reasons` lists every problem; the message lists them one per line.
 */
export class MailConnectValidationError extends Error {
  /** Every problem found, in the order the options were checked. */
  public readonly reasons: readonly ValidationReason[];

  constructor(subject: string, reasons: readonly ValidationReason[]) {
    const count = reasons.length === 1 ? "1 problem" : `${reasons.length} problems`;
    super(`Invalid mail-connect options for ${subject} (${count}):\n${reasons.map((r) => `  - ${formatReason(r)}`).join("\n")}`);
    this.name = "MailConnectValidationError";
    this.reasons = reasons;
    Object.setPrototypeOf(this, MailConnectValidationError.prototype);
  }

  /** The reasons as text, one string per problem (what the tests compare). */
  public get messages(): string[] {
    return this.reasons.map(formatReason);
  }
}

/** Collects reasons while options are checked; throws them together at the end. */
export class ReasonCollector {
  private readonly list: ValidationReason[] = [];

  public add(path: string, value: unknown, rule: string, fix: string): void {
    this.list.push({ path, value, rule, fix });
  }

  public get reasons(): readonly ValidationReason[] {
    return this.list;
  }

  public get count(): number {
    return this.list.length;
  }

  /** Throws a `MailConnectValidationError` if any reason was added. */
  public throwIfAny(subject: string): void {
    if (this.list.length > 0) throw new MailConnectValidationError(subject, this.list);
  }
}
