import { ReasonCollector } from "../errors";
import { PlanWarning } from "./record-plan";

/** What the record builders share while one domain is planned: the reasons and the advice. */
export class PlanContext {
  public readonly reasons = new ReasonCollector();
  public readonly warnings: PlanWarning[] = [];
  /** Paths already reported (a token taken out of the options): later rules about them are not repeated. */
  private readonly settled = new Set<string>();

  /**
   * @param domain the normalised domain (punycode, lower case); a placeholder when the
   *   domain itself was invalid, so that every other option is still checked. Messages never
   *   show the placeholder: they use `exampleDomain`, and checks against the domain are
   *   skipped while `domainKnown` is false.
   * @param domainKnown false when `domain` is that placeholder
   */
  constructor(
    public readonly domain: string,
    public readonly domainKnown: boolean = true,
  ) {}

  /** The domain for examples in messages: the user's own, or `firma.de` when it was invalid. */
  public get exampleDomain(): string {
    return this.domainKnown ? this.domain : "firma.de";
  }

  /** Records a broken rule. */
  public fail(path: string, value: unknown, rule: string, fix: string): void {
    if (this.settled.has(path)) return;
    this.reasons.add(path, value, rule, fix);
  }

  /** Records a broken rule that settles `path`: no further reason about it is added. */
  public settle(path: string, value: unknown, rule: string, fix: string): void {
    this.fail(path, value, rule, fix);
    this.settled.add(path);
  }

  /** Records advice that is not an error. */
  public warn(code: string, path: string, message: string): void {
    this.warnings.push({ code, path, message });
  }
}

/**
 * Checks that `value` is undefined or an array; reports otherwise.
 * Returns the array (or `[]`) so callers can go on checking.
 */
export function arrayOption(ctx: PlanContext, path: string, value: unknown, fix: string): readonly unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  ctx.fail(path, value, "must be an array", fix);
  return [];
}

/** Reports keys of `value` that are not in `known` (catches typos such as `autosetup`). */
export function checkKnownKeys(ctx: PlanContext, path: string, value: unknown, known: readonly string[]): void {
  if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const where = path === "" ? key : `${path}.${key}`;
      ctx.fail(where, (value as Record<string, unknown>)[key], "is not a known option", `Use one of: ${known.join(", ")}.`);
    }
  }
}

/** Checks that `value` is undefined or a plain object; reports otherwise. */
export function objectOption(ctx: PlanContext, path: string, value: unknown): Record<string, unknown> {
  // An empty null-prototype object: reading a missing option must not reach Object.prototype.
  if (value === undefined) return Object.create(null) as Record<string, unknown>;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  ctx.fail(path, value, "must be an object", `Pass an object such as ${path}: { ... } or leave it out.`);
  return Object.create(null) as Record<string, unknown>;
}

/** Checks that `value` is undefined or one of `allowed`; returns it or `fallback`. */
export function choiceOption<T extends string>(
  ctx: PlanContext,
  path: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  ctx.fail(path, value, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`, `Set ${path} to one of those or leave it out (default "${fallback}").`);
  return fallback;
}

/** Checks that `value` is undefined or a boolean; returns it or `fallback`. */
export function booleanOption(ctx: PlanContext, path: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  ctx.fail(path, value, "must be true or false", `Set ${path} to true or false or leave it out (default ${fallback}).`);
  return fallback;
}
