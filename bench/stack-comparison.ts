/**
 * Checks that the construct side and the baseline side synthesized the same stack: equal
 * JSON (keys compared in any order), and the resource count per type for the report.
 */
import * as fs from "fs";

/** The outcome of comparing two synthesized stacks. */
export interface StackComparison {
  readonly equal: boolean;
  /** Resources in the construct's stack. */
  readonly resources: number;
  readonly dataSources: number;
  /** Resource count per type (construct side). */
  readonly resourcesByType: Readonly<Record<string, number>>;
  /** The first differences, as JSON paths with both values. */
  readonly differences: readonly string[];
}

interface StackJson {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
}

function differences(a: unknown, b: unknown, at: string, out: string[]): void {
  if (out.length >= 10) return;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    if (a !== b) out.push(`${at}: construct ${JSON.stringify(a)} | baseline ${JSON.stringify(b)}`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of [...keys].sort()) {
    differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`, out);
  }
}

const countsByType = (blocks: StackJson["resource"]) => Object.fromEntries(Object.entries(blocks ?? {}).map(([type, items]) => [type, Object.keys(items).length]));
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);

/** Compares the two `cdk.tf.json` files: every resource, data source and value must match. */
export function compareStacks(constructFile: string, baselineFile: string): StackComparison {
  const construct = JSON.parse(fs.readFileSync(constructFile, "utf8")) as StackJson;
  const baseline = JSON.parse(fs.readFileSync(baselineFile, "utf8")) as StackJson;
  const found: string[] = [];
  differences(construct, baseline, "$", found);
  const resourcesByType = countsByType(construct.resource);
  return {
    equal: found.length === 0,
    resources: total(resourcesByType),
    dataSources: total(countsByType(construct.data)),
    resourcesByType,
    differences: found,
  };
}
