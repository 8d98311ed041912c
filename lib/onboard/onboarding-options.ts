/**
 * Making the onboarding options valid: `planMailConnectRecords` is the judge. Every value it
 * refuses is taken out of the options and reported, so that the plan always carries options
 * that synthesize, and names what could not be kept.
 */
import { MailConnectValidationError } from "../errors";
import { MailConnectRecordOptions } from "../mail-connect/options";
import { planMailConnectRecords } from "../plan/plan-records";
import { MailConnectRecordPlan } from "../plan/record-plan";

/** A value the planner refused, and that was taken out of the options. */
export interface RemovedOption {
  /** The option path the planner named (`extraTxt[1]`, `spf`). */
  readonly path: string;
  /** The value taken out (`spf.include` entry, the extra TXT value). */
  readonly removed: unknown;
  /** Where the removed value was (`spf.include`, `extraTxt`). */
  readonly from: string;
  readonly rule: string;
  readonly fix: string;
}

/** Options the planner accepts, its plan, and what had to go. */
export interface ValidOptions {
  readonly options: MailConnectRecordOptions;
  readonly plan: MailConnectRecordPlan;
  readonly removed: readonly RemovedOption[];
}

type Mutable = Record<string, unknown>;
const LISTS = ["spf.include", "spf.ip4", "spf.ip6", "extraTxt", "dmarc.rua", "dmarc.ruf", "dmarc.failureOptions"];
/** What goes first when the planner refuses a whole record: the SPF record over its limits, the apex TXT over its size, the DMARC record over its length. */
const WHOLE: Record<string, readonly string[]> = { spf: ["spf.include", "spf.ip6", "spf.ip4"], extraTxt: ["extraTxt"], dmarc: ["dmarc.ruf", "dmarc.rua"] };

function parent(options: Mutable, list: string): { holder: Mutable; key: string } {
  const parts = list.split(".");
  let holder = options;
  for (const part of parts.slice(0, -1)) holder = (holder[part] ?? {}) as Mutable;
  return { holder, key: parts[parts.length - 1] };
}

function listAt(options: Mutable, list: string): unknown[] | undefined {
  const { holder, key } = parent(options, list);
  const value = holder[key];
  return Array.isArray(value) ? value : undefined;
}

/** Removes the refused values named by `reasons` from `options` (a deep copy); returns what was removed. */
function removeRefused(options: Mutable, reasons: MailConnectValidationError["reasons"]): RemovedOption[] {
  const removed: RemovedOption[] = [];
  const indexed = new Map<string, { index: number; rule: string; fix: string; path: string }[]>();
  for (const reason of reasons) {
    const match = /^(.*)\[(\d+)\]$/.exec(reason.path);
    if (match && LISTS.includes(match[1])) {
      const list = indexed.get(match[1]) ?? [];
      list.push({ index: Number(match[2]), rule: reason.rule, fix: reason.fix, path: reason.path });
      indexed.set(match[1], list);
      continue;
    }
    const whole = WHOLE[reason.path]?.find((list) => (listAt(options, list)?.length ?? 0) > 0);
    if (whole !== undefined) {
      const list = listAt(options, whole)!;
      removed.push({ path: reason.path, removed: list.pop(), from: whole, rule: reason.rule, fix: reason.fix });
      continue;
    }
    // Anything else: the option goes as a whole (its top-level key), so the next round passes.
    const top = reason.path.split(/[.[]/)[0];
    if (top !== "domain" && top !== "product" && top in options) {
      removed.push({ path: reason.path, removed: options[top], from: top, rule: reason.rule, fix: reason.fix });
      delete options[top];
    }
  }
  for (const [list, entries] of indexed) {
    const values = listAt(options, list);
    if (values === undefined) continue;
    for (const entry of [...entries].sort((x, y) => y.index - x.index)) {
      if (entry.index >= values.length) continue;
      removed.push({ path: entry.path, removed: values[entry.index], from: list, rule: entry.rule, fix: entry.fix });
      values.splice(entry.index, 1);
    }
  }
  return removed;
}

/** Drops empty lists and objects the removals left behind (not `ruf`: `ruf: []` means "publish none"). */
function tidy(options: Mutable): MailConnectRecordOptions {
  for (const [key, value] of Object.entries(options)) {
    if (Array.isArray(value) && value.length === 0 && key !== "ruf") delete options[key];
    else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      tidy(value as Mutable);
      if (Object.keys(value).length === 0) delete options[key];
    }
  }
  return options as unknown as MailConnectRecordOptions;
}

/** Plans `options`, taking out every value the planner refuses until it accepts them. */
export function validOptions(options: MailConnectRecordOptions): ValidOptions {
  const working = JSON.parse(JSON.stringify(options)) as Mutable;
  const removed: RemovedOption[] = [];
  // Each round takes out at least one value (or throws), so the options' JSON shrinks every round:
  // its length bounds the rounds. A fixed count would give up on a long live SPF record (60 ip4
  // terms over the 450-byte limit lose one network per round).
  const rounds = JSON.stringify(working).length;
  for (let round = 0; round <= rounds; round++) {
    try {
      const plan = planMailConnectRecords(working as unknown as MailConnectRecordOptions);
      return { options: working as unknown as MailConnectRecordOptions, plan, removed };
    } catch (error) {
      if (!(error instanceof MailConnectValidationError)) throw error;
      const now = removeRefused(working, error.reasons);
      if (now.length === 0) throw error; // the domain itself is refused: nothing to plan
      removed.push(...now);
      tidy(working);
    }
  }
  throw new Error("validOptions: the planner kept refusing the options");
}
