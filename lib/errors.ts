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

/**
 * A value shown in a message as a description rather than as given, e.g. a token as
 * `the id of aws_security_group "stack/mail-server" (known only at apply time)`.
 */
export class DescribedValue {
  constructor(public readonly description: string) {}

  public toString(): string {
    return this.description;
  }

  public toJSON(): string {
    return this.description;
  }
}

/**
 * A cdktf token inside a string, as the user never wrote it: `${TfToken[TOKEN.12]}`, in lists
 * `#{TfToken[TOKEN.12]}` (cdktf/lib/tokens/private/encoding.js). Recognised by its text, so
 * that the planner need not import cdktf.
 */
const TOKEN_TEXT = /[$#]\{TfToken\[[^\]]*\]\}/;
const TOKEN_TEXTS = new RegExp(TOKEN_TEXT.source, "g");

/** Whether `value` is a string holding a cdktf token. */
export function isTokenText(value: unknown): boolean {
  return typeof value === "string" && TOKEN_TEXT.test(value);
}

/** Renders a given value for a message: strings in double quotes, everything else as JSON. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value instanceof DescribedValue) return value.description;
  if (typeof value === "string" && isTokenText(value)) {
    if (value.replace(TOKEN_TEXTS, "") === "") return "a token (a value known only at apply time)";
    value = value.replace(TOKEN_TEXTS, "<token>");
  }
  if (typeof value === "string") return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  if (typeof value === "bigint") return `${value}n`;
  try {
    const json = JSON.stringify(value)?.replace(TOKEN_TEXTS, "<token>");
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

/** The problems of one construct, as reported at synth. */
export interface ConstructProblems {
  /** What the construct is and where, e.g. `MailConnectDomain "customers/kunde-b"`. */
  readonly subject: string;
  /** Its construct path, e.g. `customers/kunde-b`. */
  readonly path: string;
  readonly reasons: readonly ValidationReason[];
}

function countOf(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

/** `SUBJECT (N problems):` and one `  - reason` line per problem. */
export function formatProblems(subject: string, reasons: readonly ValidationReason[]): string {
  return `${subject} (${countOf(reasons.length, "problem")}):\n${reasons.map((r) => `  - ${formatReason(r)}`).join("\n")}`;
}

/**
 * Thrown at synth (or by `planMailConnectRecords`) when options are invalid.
 * `reasons` lists every problem; the message lists them one per line, grouped by construct
 * when the error covers a whole app (`constructs`).
 */
export class MailConnectValidationError extends Error {
  /**
   * The error for a whole app: every construct with problems, in creation order. Its message
   * has no stack frames (they would only point into cdktf's synth), so an uncaught error
   * prints just the report.
   */
  public static forConstructs(constructs: readonly ConstructProblems[]): MailConnectValidationError {
    const all = constructs.flatMap((c) => c.reasons);
    const heading = `Invalid mail-connect configuration: ${countOf(all.length, "problem")} in ${countOf(constructs.length, "construct")}.`;
    const error = new MailConnectValidationError("", all, [heading, ...constructs.map((c) => formatProblems(c.subject, c.reasons))].join("\n\n"));
    Object.defineProperty(error, "constructs", { value: constructs, enumerable: false });
    error.stack = `${error.name}: ${error.message}`;
    return error;
  }

  /** Every problem found, in the order the options were checked. */
  public declare readonly reasons: readonly ValidationReason[];
  /**
   * The problems by construct, when the error covers a whole app (thrown at synth).
   * @default - [] for an error about one set of options
   */
  public declare readonly constructs: readonly ConstructProblems[];

  constructor(subject: string, reasons: readonly ValidationReason[], message?: string) {
    super(message ?? `Invalid mail-connect options for ${formatProblems(subject, reasons)}`);
    this.name = "MailConnectValidationError";
    // Not enumerable: Node prints an uncaught error's own enumerable properties after its
    // message, which would repeat every problem as an object dump.
    Object.defineProperty(this, "reasons", { value: reasons, enumerable: false });
    Object.defineProperty(this, "constructs", { value: [], enumerable: false, configurable: true });
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
