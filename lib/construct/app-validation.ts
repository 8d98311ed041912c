/**
 * App-wide reporting of invalid mail-connect constructs. A `MailConnectDomain` or
 * `MailConnectFirewall` with bad props does not throw where it is created: it keeps its
 * problems, and the first stack validation at synth (`app.synth()`, `npx cdktf synth`,
 * `Testing.synth(stack, true)`) reports the problems of every such construct in the whole app
 * at once, grouped by construct path. A portfolio loop over a hundred customers then shows
 * every bad customer in one run instead of one per fix.
 *
 * How the report reaches the user:
 * - `app.synth()` and `Testing.synth(stack, true)`: one `MailConnectValidationError` (its
 *   `constructs` and `reasons` hold the problems for programs).
 * - `npx cdktf synth`: the CLI sets `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS` and prints
 *   error annotations itself, once each, then fails. A thrown error would be printed twice
 *   (streamed, then again as "Command output on stderr"), so under the CLI every invalid
 *   construct gets one error annotation instead.
 */
import { AnnotationMetadataEntryType, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { ConstructProblems, formatReason, MailConnectValidationError, ValidationReason } from "../errors";

/** A construct whose own props may have problems. */
export interface ProblemSource {
  readonly construct: IConstruct;
  /** `MailConnectDomain`, `MailConnectFirewall`. */
  readonly kind: string;
  /** Its problems now (props, and anything added later such as `allow()` calls). */
  problems(): readonly ValidationReason[];
}

/** A check across constructs (e.g. one owner per domain); returns problems by construct. */
export type AppCheck = () => ReadonlyArray<{ readonly construct: IConstruct; readonly kind: string; readonly reason: ValidationReason }>;

interface AppRegistry {
  readonly sources: ProblemSource[];
  readonly checks: Map<string, AppCheck>;
  readonly stacks: WeakSet<TerraformStack>;
  annotated: boolean;
}

const registries = new WeakMap<IConstruct, AppRegistry>();

function registryOf(scope: IConstruct): AppRegistry {
  const root = scope.node.root;
  let registry = registries.get(root);
  if (registry === undefined) {
    registry = { sources: [], checks: new Map(), stacks: new WeakSet(), annotated: false };
    registries.set(root, registry);
  }
  return registry;
}

/** The problems of every registered construct in `scope`'s app, in creation order, grouped by construct. */
export function appProblems(scope: IConstruct): ConstructProblems[] {
  const registry = registryOf(scope);
  const groups = new Map<IConstruct, { kind: string; reasons: ValidationReason[] }>();
  const add = (construct: IConstruct, kind: string, reasons: readonly ValidationReason[]) => {
    if (reasons.length === 0) return;
    let group = groups.get(construct);
    if (group === undefined) {
      group = { kind, reasons: [] };
      groups.set(construct, group);
    }
    group.reasons.push(...reasons);
  };
  for (const source of registry.sources) add(source.construct, source.kind, source.problems());
  for (const check of registry.checks.values()) {
    for (const found of check()) add(found.construct, found.kind, [found.reason]);
  }
  const order = new Map(registry.sources.map((source, index) => [source.construct, index]));
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map(([construct, group]) => ({ subject: `${group.kind} "${construct.node.path}"`, path: construct.node.path, reasons: group.reasons }));
}

function validateApp(stack: TerraformStack): string[] {
  const problems = appProblems(stack);
  if (problems.length === 0) return [];
  if (process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined) throw MailConnectValidationError.forConstructs(problems);
  const registry = registryOf(stack);
  if (!registry.annotated) {
    registry.annotated = true;
    // The first stack's validation runs before any stack collects its annotations, so every
    // construct of the app gets its annotation in time. No stack trace: it points into cdktf.
    const byPath = new Map(registry.sources.map((source) => [source.construct.node.path, source.construct]));
    for (const group of problems) {
      const lines = group.reasons.map((reason) => `  - ${formatReason(reason)}`).join("\n");
      const count = group.reasons.length === 1 ? "1 problem" : `${group.reasons.length} problems`;
      byPath.get(group.path)?.node.addMetadata(AnnotationMetadataEntryType.ERROR, `invalid mail-connect options (${count}):\n${lines}`);
    }
  }
  return [];
}

function watchStack(scope: IConstruct, registry: AppRegistry): void {
  const stack = TerraformStack.of(scope);
  if (registry.stacks.has(stack)) return;
  registry.stacks.add(stack);
  stack.node.addValidation({ validate: () => validateApp(stack) });
}

/** Registers a construct whose problems are reported at synth with those of the whole app. */
export function registerProblemSource(source: ProblemSource): void {
  const registry = registryOf(source.construct);
  registry.sources.push(source);
  watchStack(source.construct, registry);
}

/** Registers a check across constructs, once per app (later calls with the same key are ignored). */
export function registerAppCheck(scope: IConstruct, key: string, check: AppCheck): void {
  const registry = registryOf(scope);
  if (!registry.checks.has(key)) registry.checks.set(key, check);
  watchStack(scope, registry);
}
