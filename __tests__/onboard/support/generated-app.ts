/**
 * Running generated cdktf apps (the TypeScript `onboard` prints) for real:
 * - `compileGeneratedApps` type-checks many apps in ONE TypeScript program, as a user's
 *   `cdktf init` project would (strict, unused locals and parameters are errors), with
 *   `cdktf-mail-connect` resolving to this repository's lib/index.ts;
 * - `synthGeneratedApp` transpiles one app to CommonJS and runs it in this process with the
 *   real `App.synth()` (cdktf and the bindings are loaded once per test file, so an app costs
 *   only its own synth), then reads the stacks it wrote;
 * - `fillPlaceholders` replaces the `"<CHANGE-ME>"` literals as a user would, and
 *   `filledWithTestValues` fills them with valid test values (for end-to-end runs).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { programWithVirtualFiles } from "../../support/virtual-program";
import { ONBOARDING_PLACEHOLDER } from "../../../lib/onboard/onboarding-typescript";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** One generated app: a file name (`route53.ts`) and its source. */
export interface GeneratedAppFile {
  readonly name: string;
  readonly source: string;
}

/** A synthesized stack (`cdk.tf.json`), the parts the tests read. */
export interface SynthesizedStackJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly import?: ReadonlyArray<{ readonly id: string; readonly to: string; readonly provider?: string }>;
}

/** The compiler options of a `cdktf init --template=typescript` project, plus the mapping to lib/. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2018,
  lib: ["lib.es2018.d.ts"],
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  types: ["node"],
  baseUrl: ROOT,
  paths: { "cdktf-mail-connect": ["lib/index.ts"] },
};

/** Where the virtual file of an app lives (inside the repository, so that node_modules resolve). */
const virtualPath = (name: string) => path.join(ROOT, "__generated__", name.endsWith(".ts") ? name : `${name}.ts`);

/**
 * Type-checks every app in one program. Returns the problems of all apps as
 * `NAME:LINE:COLUMN: message` (empty when every app compiles).
 */
export function compileGeneratedApps(files: readonly GeneratedAppFile[]): string[] {
  const virtual = new Map(files.map((file) => [virtualPath(file.name), file]));
  if (virtual.size !== files.length) throw new Error("compileGeneratedApps: two apps with one name");
  const program = programWithVirtualFiles(new Map([...virtual].map(([file, app]) => [file, app.source])), COMPILER_OPTIONS);
  return [...virtual.entries()].flatMap(([file, app]) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
      const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${app.name}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
  });
}

/**
 * Runs the app in this process (its `app.synth()` writes to `outdir`, which is created) and
 * returns every stack it wrote, by stack id. Whatever the app throws (a
 * `MailConnectValidationError` at synth) is thrown.
 */
export function synthGeneratedApp(source: string, outdir: string): Record<string, SynthesizedStackJson> {
  const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  fs.mkdirSync(outdir, { recursive: true });
  const appRequire = (id: string): unknown => (id === "cdktf-mail-connect" ? require("../../../lib") : require(id));
  const module = { exports: {} };
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    new Function("require", "module", "exports", compiled.outputText)(appRequire, module, module.exports);
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
  const stacksDir = path.join(outdir, "stacks");
  return Object.fromEntries(
    fs.readdirSync(stacksDir).map((stack) => [stack, JSON.parse(fs.readFileSync(path.join(stacksDir, stack, "cdk.tf.json"), "utf8")) as SynthesizedStackJson]),
  );
}

/** Where a placeholder sits: its line, and its number in the file (from 0). */
export interface PlaceholderSite {
  readonly line: string;
  readonly index: number;
}

/**
 * `source` with every `"<CHANGE-ME>"` literal replaced by the literal of what `fill` returns
 * for it (a Cloudflare record id, a resource group name, ...).
 */
export function fillPlaceholders(source: string, fill: (site: PlaceholderSite) => string): string {
  const literal = JSON.stringify(ONBOARDING_PLACEHOLDER);
  let index = 0;
  return source
    .split("\n")
    .map((line) => line.split(literal).reduce((filled, rest) => `${filled}${JSON.stringify(fill({ line, index: index++ }))}${rest}`))
    .join("\n");
}

/** What the tests fill in for each named constant of a generated app (valid values that synthesize). */
export const TEST_CONSTANT_VALUES: Readonly<Record<string, string>> = {
  AZURE_SUBSCRIPTION_ID: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  AZURE_RESOURCE_GROUP: "rg-dns",
  GOOGLE_PROJECT: "mail-dns-prod",
  GOOGLE_MANAGED_ZONE: "firma-de",
  DNS_SERVER: "ns1.firma.de",
  TSIG_KEY_NAME: "terraform.",
};

/** A Cloudflare record id (32 lowercase hex digits) for the n-th placeholder. */
const testRecordId = (index: number) => `${index.toString(16).padStart(2, "0")}${"ab".repeat(15)}`;

/**
 * `source` with every placeholder filled in as a user would: each named constant with
 * `TEST_CONSTANT_VALUES`, each record id with a made-up id; `ids` gets the id put at each
 * adoption key (`mx`, or the `extraTxt` value itself).
 */
export function filledWithTestValues(source: string, ids = new Map<string, string>()): string {
  return fillPlaceholders(source, ({ line, index }) => {
    const constant = /^const ([A-Z_]+) = /.exec(line)?.[1];
    if (constant !== undefined) {
      if (TEST_CONSTANT_VALUES[constant] === undefined) throw new Error(`filledWithTestValues: no test value for ${constant}`);
      return TEST_CONSTANT_VALUES[constant];
    }
    const key = /^\s*(\[?"(?:[^"\\]|\\.)*"\]?|\w+): /.exec(line)?.[1]?.replace(/^\[|\]$/g, "");
    if (key === undefined) throw new Error(`filledWithTestValues: a placeholder outside a constant or a key: ${line}`);
    const id = testRecordId(index);
    ids.set(key.startsWith('"') ? (JSON.parse(key) as string) : key, id);
    return id;
  });
}
