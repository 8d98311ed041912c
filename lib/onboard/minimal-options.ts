/**
 * The options a user would write: the plan's options without every option that only repeats
 * its default. An option is a default when leaving it out plans exactly the same records and
 * warnings (`planMailConnectRecords`), so the defaults are the planner's own, never a copy of
 * them. `product` is what the customer booked: it stays unless it is the default `pro`, even
 * where another product would plan the same records.
 */
import { MailConnectRecordOptions } from "../mail-connect/options";
import { planMailConnectRecords, RECORD_OPTION_KEYS } from "../plan/plan-records";

/** The README's order of the record options, per object path (`""` is the top level). */
export const RECORD_OPTION_ORDER: Readonly<Record<string, readonly string[]>> = {
  "": RECORD_OPTION_KEYS,
  serverNames: ["incoming", "outgoing"],
  spf: ["include", "ip4", "ip6", "a", "mx", "all"],
  dkim: ["selector", "publicKey", "keyType"],
  dmarc: ["policy", "subdomainPolicy", "nonExistentSubdomainPolicy", "rua", "ruf", "alignment", "failureOptions", "testing"],
  "dmarc.alignment": ["dkim", "spf"],
};

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The planned records and warning codes of `options` as one comparable text, or undefined when the options are refused. */
function recordsOf(options: unknown): string | undefined {
  try {
    const plan = planMailConnectRecords(options as MailConnectRecordOptions);
    return JSON.stringify([plan.records, plan.warnings.map((warning) => warning.code)]);
  } catch {
    return undefined;
  }
}

/** A copy of `root` without the property `path` (keys from the top). */
function without(root: Plain, path: readonly string[]): Plain {
  const [key, ...rest] = path;
  const copy: Plain = { ...root };
  if (rest.length === 0) delete copy[key];
  else copy[key] = without(copy[key] as Plain, rest);
  return copy;
}

function valueAt(root: Plain, path: readonly string[]): unknown {
  return path.reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), root);
}

/**
 * `options` without the options that repeat a default: whole objects first (`dmarc` when the
 * record is the article's), then their members one by one (`dmarc.policy: "quarantine"`).
 * `domain` always stays. Options the planner refuses are returned as they are (the app then
 * reports them at synth).
 */
export function minimalRecordOptions(options: MailConnectRecordOptions): MailConnectRecordOptions {
  const reference = recordsOf(options);
  if (reference === undefined || !isPlainObject(options)) return options;
  let current: Plain = { ...options };
  const prune = (path: readonly string[]) => {
    const here = valueAt(current, path);
    if (!isPlainObject(here)) return;
    const order = RECORD_OPTION_ORDER[path.join(".")] ?? [];
    const keys = Object.keys(here);
    for (const key of [...order.filter((known) => keys.includes(known)), ...keys.filter((other) => !order.includes(other))]) {
      if (path.length === 0 && (key === "domain" || (key === "product" && here[key] !== "pro"))) continue;
      const candidate = without(current, [...path, key]);
      if (recordsOf(candidate) === reference) current = candidate;
      else prune([...path, key]);
    }
  };
  prune([]);
  return current as unknown as MailConnectRecordOptions;
}
