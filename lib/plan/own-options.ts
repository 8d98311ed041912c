/**
 * The options as the planner reads them: a copy of the caller's data made of own enumerable
 * properties only, in null-prototype objects. A dependency that pollutes `Object.prototype`
 * (`Object.prototype.include = [...]`) then cannot add an SPF include, a TXT value or a
 * report address to a plain `{ domain: "firma.de" }`, and a null-prototype object or a
 * getter-free class instance is read like any other object.
 *
 * While copying, cdktf tokens are taken out: every option the planner reads becomes a DNS name
 * or record text that must be checked, and known, at synth. The planner does not import cdktf,
 * so a token is recognised by the text cdktf encodes it as (`${TfToken[TOKEN.12]}`, in lists
 * `#{TfToken[TOKEN.12]}`; cdktf/lib/tokens/private/encoding.js; see `isTokenText`).
 */
import { isTokenText } from "../errors";

/** Deeper than any option (`dmarc.alignment.dkim` is 3): left as it is, and refused by the type checks. */
const MAX_DEPTH = 4;
/** More entries than any list option may sensibly hold; copying stops there. */
const MAX_ENTRIES = 10000;

/** An option the copy could not take over, with why. */
export interface OwnOptionProblem {
  readonly path: string;
  readonly value: unknown;
  readonly rule: string;
  readonly fix: string;
}


function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function copy(value: unknown, path: string, depth: number, problems: OwnOptionProblem[]): unknown {
  if (typeof value === "string") {
    if (!isTokenText(value)) return value;
    problems.push({
      path,
      value,
      rule: "is a token (a Terraform reference or variable), but this value becomes a DNS name or record text, which must be known and checked when the stack is synthesized",
      fix: "Pass a literal string. Tokens are supported for the zone (zoneId, zoneName), security-group ids and providers.",
    });
    return undefined;
  }
  if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    if (value.length > MAX_ENTRIES) {
      problems.push({ path, value: `${value.length} entries`, rule: `must have at most ${MAX_ENTRIES} entries`, fix: "Pass only the entries you mean." });
      return [];
    }
    const out: unknown[] = [];
    for (let index = 0; index < value.length; index += 1) {
      out.push(Object.hasOwn(value, index) ? copy(value[index], `${path}[${index}]`, depth + 1, problems) : undefined);
    }
    return out;
  }
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    out[key] = copy((value as Record<string, unknown>)[key], join(path, key), depth + 1, problems);
  }
  return out;
}

/**
 * A null-prototype copy of `options` with own properties only and every token taken out
 * (reported in `problems` and left undefined in the copy).
 */
export function ownOptions(options: unknown): { readonly input: Record<string, unknown>; readonly problems: readonly OwnOptionProblem[] } {
  const problems: OwnOptionProblem[] = [];
  const raw = options !== null && typeof options === "object" && !Array.isArray(options) ? options : { domain: options };
  const input = copy(raw, "", 0, problems) as Record<string, unknown>;
  return { input, problems };
}

/** `value[key]` when `value` is an object that has `key` as its own property; undefined otherwise. */
export function ownProperty(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
