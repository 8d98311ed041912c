/**
 * `npm run bench -- --runners`: how long the app itself takes under each way of running
 * TypeScript, for the example app (main.ts, 2 domains) and for a large app (the benchmark's
 * 1,000 domains with `MailConnectDomain`), plus `npx cdktf synth` end to end with three `app`
 * commands. Each run is a fresh process; the median is reported.
 *
 * The large app's cost under ts-node comes from cdktf, not from compiling: every token
 * cdktf creates captures a full stack trace (cdktf/lib/tokens/private/stack-trace.js), and
 * ts-node's source-map support maps every frame of it. The "source maps off" case confirms
 * that by running ts-node with `Error.prepareStackTrace` reset (bench/no-source-map-traces.ts).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const BUILD = path.relative(ROOT, path.resolve(__dirname, ".."));

/** One way to run the app. */
interface Runner {
  readonly name: string;
  /** Command and arguments; `{script}` is replaced by the app's TypeScript entry, `{js}` by its compiled form. */
  readonly command: readonly string[];
  /** Whether a type error stops this command. */
  readonly typeChecks: boolean;
  readonly available?: () => boolean;
}

/** The result of one runner on one app. */
export interface RunnerResult {
  readonly runner: string;
  readonly typeChecks: boolean;
  readonly runs: number;
  readonly medianMs: number | null;
  readonly minMs: number | null;
  readonly skipped?: string;
}

function swcAvailable(): boolean {
  try {
    require.resolve("@swc/core", { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

const RUNNERS: readonly Runner[] = [
  { name: "npx ts-node (type-checks)", command: ["npx", "ts-node", "{script}"], typeChecks: true },
  { name: "npx ts-node --transpile-only", command: ["npx", "ts-node", "--transpile-only", "{script}"], typeChecks: false },
  { name: "node --require ts-node/register/transpile-only", command: ["node", "--require", "ts-node/register/transpile-only", "{script}"], typeChecks: false },
  { name: "npx ts-node --swc", command: ["npx", "ts-node", "--swc", "{script}"], typeChecks: false, available: swcAvailable },
  {
    name: "ts-node transpile-only, source maps off (diagnosis)",
    command: ["node", "--require", "ts-node/register/transpile-only", "--require", `./${BUILD}/bench/no-source-map-traces.js`, "{script}"],
    typeChecks: false,
  },
  { name: "precompiled: node <app>.js (tsc first)", command: ["node", "{js}"], typeChecks: false },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timed(command: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const [file, ...args] = command;
  const result = spawnSync(file === "node" ? process.execPath : file, args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return ms;
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" };
  for (const key of ["CLOUDFLARE_API_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"]) delete env[key];
  return env;
}

/** Runs every runner `reps` times on one app, alternating runners between repetitions. */
function benchApp(script: string, js: string, appArgs: (outdir: string) => string[], reps: number): RunnerResult[] {
  const samples = new Map<string, number[]>();
  const runners = RUNNERS.filter((runner) => runner.available?.() ?? true);
  for (let rep = 0; rep < reps; rep += 1) {
    const order = rep % 2 === 0 ? runners : [...runners].reverse();
    for (const runner of order) {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-runner-"));
      const command = [...runner.command.map((part) => (part === "{script}" ? script : part === "{js}" ? js : part)), ...appArgs(outdir)];
      const ms = timed(command, { ...baseEnv(), CDKTF_OUTDIR: outdir });
      fs.rmSync(outdir, { recursive: true, force: true });
      samples.set(runner.name, [...(samples.get(runner.name) ?? []), ms]);
    }
  }
  return RUNNERS.map((runner) => {
    const values = samples.get(runner.name);
    if (values === undefined) return { runner: runner.name, typeChecks: runner.typeChecks, runs: 0, medianMs: null, minMs: null, skipped: "@swc/core is not installed" };
    return { runner: runner.name, typeChecks: runner.typeChecks, runs: values.length, medianMs: median(values), minMs: Math.min(...values) };
  });
}

/** `npx cdktf synth` of main.ts end to end, with each `app` command. */
function benchCdktfSynth(reps: number): { app: string; medianMs: number; runs: number }[] {
  const apps = [
    "npx ts-node --transpile-only main.ts",
    "node --require ts-node/register/transpile-only main.ts",
    `node ${BUILD}/main.js`,
  ];
  const samples = new Map<string, number[]>();
  for (let rep = 0; rep < reps; rep += 1) {
    for (const app of rep % 2 === 0 ? apps : [...apps].reverse()) {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-cdktf-"));
      const ms = timed(["npx", "cdktf", "synth", "--app", app, "--output", outdir], baseEnv());
      fs.rmSync(outdir, { recursive: true, force: true });
      samples.set(app, [...(samples.get(app) ?? []), ms]);
    }
  }
  return apps.map((app) => ({ app, medianMs: median(samples.get(app)!), runs: reps }));
}

/** Compile times: what "precompiled" costs before the run, and `npm test`'s type check. */
function benchCompile(reps: number): { step: string; medianMs: number; runs: number }[] {
  const steps: { step: string; command: string[] }[] = [
    {
      step: "tsc main.ts (type-check + emit main.ts and the library it imports)",
      command: ["npx", "tsc", "main.ts", "--outDir", path.join(os.tmpdir(), "mail-connect-main-build"), "--target", "ES2022", "--module", "commonjs", "--strict", "--esModuleInterop", "--skipLibCheck", "--types", "node"],
    },
    { step: "tsc --noEmit (whole project, as npm test)", command: ["npx", "tsc", "--noEmit"] },
  ];
  return steps.map(({ step, command }) => {
    const values: number[] = [];
    for (let rep = 0; rep < reps; rep += 1) values.push(timed(command, baseEnv()));
    return { step, medianMs: median(values), runs: reps };
  });
}

/** Runs everything and returns the figures (also printed). */
export function runRunnerBench(quick: boolean): Record<string, unknown> {
  console.log("\nRunners: example app (main.ts, 2 domains)");
  const example = benchApp("main.ts", `${BUILD}/main.js`, () => [], quick ? 2 : 5);
  printRunners(example);
  console.log("\nRunners: large app (1,000 domains with MailConnectDomain, bench/synth-worker.ts)");
  const large = benchApp("bench/synth-worker.ts", `${BUILD}/bench/synth-worker.js`, (outdir) => ["synth", "construct", "1000", outdir], quick ? 1 : 3);
  printRunners(large);
  console.log("\nCompile steps");
  const compile = benchCompile(quick ? 1 : 2);
  for (const step of compile) console.log(`  ${step.step}: ${step.medianMs.toFixed(0)} ms`);
  console.log("\nnpx cdktf synth of main.ts (end to end)");
  const cdktf = benchCdktfSynth(quick ? 1 : 2);
  for (const run of cdktf) console.log(`  app "${run.app}": ${run.medianMs.toFixed(0)} ms`);
  return { example, large, compile, cdktfSynth: cdktf };
}

function printRunners(results: readonly RunnerResult[]): void {
  console.log("| runner | type-checks | median ms | min ms |");
  console.log("|---|---|---:|---:|");
  for (const r of results) {
    console.log(`| ${r.runner} | ${r.typeChecks ? "yes" : "no"} | ${r.medianMs === null ? `skipped: ${r.skipped}` : r.medianMs.toFixed(0)} | ${r.minMs === null ? "" : r.minMs.toFixed(0)} |`);
  }
}
