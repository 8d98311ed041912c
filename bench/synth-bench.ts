/**
 * `npm run bench`: what `MailConnectDomain` costs over the raw provider resources it emits.
 *
 * - Synth: for each N, a stack of N mixed domains built with `MailConnectDomain` and a baseline
 *   stack with the same resources written directly (bench/baseline-stack.ts). Each run is a
 *   fresh `node` child process; both sides run the same compiled JavaScript (tsc into
 *   `.bench-build/`), so the ratio measures the construct, not the TypeScript runner. Runs of
 *   the two sides alternate in pairs; the median of each side is reported, and the ratio is the
 *   median of the per-pair ratios (two runs back to back see the same load on a shared
 *   machine; the ratio of the two medians is reported beside it). Once per N the two
 *   synthesized stacks are compared and must be equal.
 * - Imports: requiring the package root (lib/index) against the floor of requiring cdktf,
 *   constructs and the provider classes the library deep-imports.
 * - With `--runners`: the app under each TypeScript runner and `npx cdktf synth` end to end
 *   (bench/runner-bench.ts).
 * - Verify: 500 domains checked against a local BIND on loopback (bench/verify-bench.ts);
 *   `--verify-only` runs just this part.
 *
 * Options: `--quick` (fewer repetitions, N up to 1,000), `--sizes 1000,5000`, `--runners`,
 * `--verify-only`, `--default-gc` (see NODE_FLAGS), `--out <file>` (default bench/results.json).
 * Run it through `npm run bench` (`npm run bench -- --runners`), which compiles first.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ImportSample, SynthSample } from "./synth-worker";
import { compareStacks, StackComparison } from "./stack-comparison";
import { libraryModuleImports } from "./library-imports";
import { runRunnerBench } from "./runner-bench";
import { VerifyBenchResult, runVerifyBench } from "./verify-bench";

/** The project root (this file runs from .bench-build/bench/). */
const ROOT = path.resolve(__dirname, "..", "..");
const BUILD = path.resolve(__dirname, "..");
const WORKER = path.join(__dirname, "synth-worker.js");

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const runners = args.includes("--runners");
/**
 * Children run with V8's single-threaded GC by default. With concurrent marking, on a busy
 * 2-core machine the marker threads get starved now and then and a run's heap grows to twice
 * its usual size before it is collected (peak RSS ~430 instead of ~190 MB at N=1,000, and
 * up to 50% more time), at random, on either side. Single-threaded GC does all GC work on the
 * main thread, where it counts in the wall time of the side that causes it. `--default-gc`
 * measures with Node's defaults instead.
 */
const NODE_FLAGS = args.includes("--default-gc") ? [] : ["--single-threaded-gc"];
const outIndex = args.indexOf("--out");
const OUT_FILE = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(ROOT, "bench", "results.json");

/** Domain counts and repetitions per side. */
const SIZES: readonly { n: number; reps: number }[] = quick
  ? [
      { n: 10, reps: 3 },
      { n: 100, reps: 3 },
      { n: 1000, reps: 3 },
    ]
  : [
      { n: 10, reps: 9 },
      { n: 100, reps: 7 },
      { n: 1000, reps: 9 },
      { n: 5000, reps: 3 },
    ];
const IMPORT_REPS = quick ? 5 : 21;
/** `--sizes 1000,5000`: only these N (with the repetitions above, or 3). */
const sizesIndex = args.indexOf("--sizes");
const ONLY_SIZES = sizesIndex >= 0 ? args[sizesIndex + 1].split(",").map(Number) : undefined;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of `a[i] / b[i]` over the pairs of runs made back to back. */
function pairedRatio<T>(a: readonly T[], b: readonly T[], value: (sample: T) => number): number {
  return median(a.map((sample, index) => value(sample) / value(b[index])));
}

/** Runs the worker once; returns its sample and the wall time the parent saw. */
function runWorker<T>(workerArgs: readonly string[]): { sample: T; wallMs: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...NODE_FLAGS, WORKER, ...workerArgs], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`worker ${workerArgs.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  return { sample: JSON.parse(result.stdout.trim().split("\n").pop()!) as T, wallMs };
}

type Side = "construct" | "baseline";

interface SideResult {
  readonly runs: number;
  /** Medians. */
  readonly wallMs: number;
  readonly requireMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
  /** build + synth: the part that grows with N. */
  readonly workMs: number;
  readonly maxRssMb: number;
  readonly samples: readonly (SynthSample & { wallMs: number })[];
}

interface SizeResult {
  readonly n: number;
  readonly construct: SideResult;
  readonly baseline: SideResult;
  /**
   * construct / baseline: `wall`, `work` and `cpu` are medians of the per-pair ratios;
   * `wallOfMedians` is the ratio of the two sides' median wall times.
   */
  readonly ratio: { readonly wall: number; readonly work: number; readonly cpu: number; readonly wallOfMedians: number; readonly maxRss: number };
  /** Construct build+synth per domain, ms. */
  readonly constructMsPerDomain: number;
  readonly equality: StackComparison;
}

function summarise(samples: (SynthSample & { wallMs: number })[]): SideResult {
  const pick = (key: keyof SynthSample | "wallMs") => median(samples.map((sample) => sample[key]));
  return {
    runs: samples.length,
    wallMs: pick("wallMs"),
    requireMs: pick("requireMs"),
    buildMs: pick("buildMs"),
    synthMs: pick("synthMs"),
    workMs: median(samples.map((sample) => sample.buildMs + sample.synthMs)),
    maxRssMb: pick("maxRssKb") / 1024,
    samples,
  };
}

function benchSize(n: number, reps: number): SizeResult {
  const samples: Record<Side, (SynthSample & { wallMs: number })[]> = { construct: [], baseline: [] };
  const kept: Partial<Record<Side, string>> = {};
  for (let rep = 0; rep < reps; rep += 1) {
    // Alternate the order so that drift in the machine's load hits both sides alike.
    const order: Side[] = rep % 2 === 0 ? ["construct", "baseline"] : ["baseline", "construct"];
    for (const side of order) {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `mail-connect-bench-${side}-`));
      const { sample, wallMs } = runWorker<SynthSample>(["synth", side, String(n), outdir]);
      samples[side].push({ ...sample, wallMs });
      if (kept[side] === undefined) kept[side] = outdir;
      else fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  const stackFile = (side: Side) => path.join(kept[side]!, "stacks", "bench", "cdk.tf.json");
  const equality = compareStacks(stackFile("construct"), stackFile("baseline"));
  for (const side of ["construct", "baseline"] as const) fs.rmSync(kept[side]!, { recursive: true, force: true });
  if (!equality.equal) {
    throw new Error(`N=${n}: the construct and baseline stacks differ, so the comparison is not fair:\n${equality.differences.join("\n")}`);
  }
  const construct = summarise(samples.construct);
  const baseline = summarise(samples.baseline);
  return {
    n,
    construct,
    baseline,
    ratio: {
      wall: pairedRatio(samples.construct, samples.baseline, (sample) => sample.wallMs),
      work: pairedRatio(samples.construct, samples.baseline, (sample) => sample.buildMs + sample.synthMs),
      cpu: pairedRatio(samples.construct, samples.baseline, (sample) => sample.workCpuMs),
      wallOfMedians: construct.wallMs / baseline.wallMs,
      maxRss: construct.maxRssMb / baseline.maxRssMb,
    },
    constructMsPerDomain: construct.workMs / n,
    equality,
  };
}

interface ImportResult {
  readonly modules: { readonly root: readonly string[]; readonly floor: readonly string[] };
  readonly root: { readonly requireMs: number; readonly wallMs: number; readonly maxRssMb: number; readonly providerFiles: number; readonly providerRootLoaded: boolean };
  readonly floor: { readonly requireMs: number; readonly wallMs: number; readonly maxRssMb: number; readonly providerFiles: number; readonly providerRootLoaded: boolean };
  /** root / floor: `require` and `wall` are medians of the per-pair ratios. */
  readonly ratio: { readonly require: number; readonly wall: number; readonly requireOfMedians: number; readonly maxRss: number };
}

function benchImports(): ImportResult {
  const root = [path.join(BUILD, "lib", "index.js")];
  const floor = libraryModuleImports(path.join(ROOT, "lib"));
  const samples: Record<"root" | "floor", (ImportSample & { wallMs: number })[]> = { root: [], floor: [] };
  for (let rep = 0; rep < IMPORT_REPS; rep += 1) {
    const order = rep % 2 === 0 ? (["root", "floor"] as const) : (["floor", "root"] as const);
    for (const which of order) {
      const { sample, wallMs } = runWorker<ImportSample>(["import", ...(which === "root" ? root : floor)]);
      samples[which].push({ ...sample, wallMs });
    }
  }
  const summary = (which: "root" | "floor") => ({
    requireMs: median(samples[which].map((s) => s.requireMs)),
    wallMs: median(samples[which].map((s) => s.wallMs)),
    maxRssMb: median(samples[which].map((s) => s.maxRssKb)) / 1024,
    providerFiles: samples[which][0].providerFiles,
    providerRootLoaded: samples[which].some((s) => s.providerRootLoaded),
  });
  const rootSummary = summary("root");
  const floorSummary = summary("floor");
  return {
    modules: { root: root.map((file) => path.relative(ROOT, file)), floor },
    root: rootSummary,
    floor: floorSummary,
    ratio: {
      require: pairedRatio(samples.root, samples.floor, (sample) => sample.requireMs),
      wall: pairedRatio(samples.root, samples.floor, (sample) => sample.wallMs),
      requireOfMedians: rootSummary.requireMs / floorSummary.requireMs,
      maxRss: rootSummary.maxRssMb / floorSummary.maxRssMb,
    },
  };
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  const version = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    cdktf: version("cdktf"),
    providerAws: version("@cdktf/provider-aws"),
    providerCloudflare: version("@cdktf/provider-cloudflare"),
  };
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function printTable(sizes: readonly SizeResult[], imports: ImportResult): void {
  const rows = [
    ["N", "resources", "construct wall ms", "baseline wall ms", "ratio wall", "(of medians)", "construct build+synth ms", "baseline build+synth ms", "ratio build+synth", "ratio CPU", "construct RSS MB", "baseline RSS MB", "ratio RSS", "construct ms/domain"],
    ...sizes.map((s) => [
      String(s.n),
      String(s.equality.resources),
      fixed(s.construct.wallMs),
      fixed(s.baseline.wallMs),
      fixed(s.ratio.wall, 3),
      fixed(s.ratio.wallOfMedians, 3),
      fixed(s.construct.workMs),
      fixed(s.baseline.workMs),
      fixed(s.ratio.work, 3),
      fixed(s.ratio.cpu, 3),
      fixed(s.construct.maxRssMb),
      fixed(s.baseline.maxRssMb),
      fixed(s.ratio.maxRss, 3),
      fixed(s.constructMsPerDomain, 3),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padStart(widths[column])).join(" | ")} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((width) => "-".repeat(width + 1) + ":").join("|")}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log("");
  console.log(`| import | require ms | process wall ms | RSS MB | provider files loaded | provider root loaded |`);
  console.log(`|---|---:|---:|---:|---:|---|`);
  for (const which of ["root", "floor"] as const) {
    const r = imports[which];
    console.log(`| ${which === "root" ? "lib/index (package root)" : "floor: cdktf + deep provider classes"} | ${fixed(r.requireMs)} | ${fixed(r.wallMs)} | ${fixed(r.maxRssMb)} | ${r.providerFiles} | ${r.providerRootLoaded} |`);
  }
  console.log(`| ratio root/floor (paired; of medians: ${fixed(imports.ratio.requireOfMedians, 3)}) | ${fixed(imports.ratio.require, 3)} | ${fixed(imports.ratio.wall, 3)} | ${fixed(imports.ratio.maxRss, 3)} | | |`);
}

/** The verify figure, printed. */
async function benchVerify(): Promise<VerifyBenchResult> {
  const result = await runVerifyBench(500, quick ? 1 : 3);
  console.log(
    `verify: ${result.domains} domains, ${result.checks} checks in ${fixed(result.runMs)} ms (median of ${result.runs}): ${result.checksPerSecond} checks/s, peak RSS ${result.maxRssMb} MB; report ${result.lines} lines, widest ${result.widestLine} columns`,
  );
  return result;
}

async function main(): Promise<void> {
  if (args.includes("--verify-only")) {
    const verify = await benchVerify();
    const previous = fs.existsSync(OUT_FILE) ? (JSON.parse(fs.readFileSync(OUT_FILE, "utf8")) as Record<string, unknown>) : {};
    fs.writeFileSync(OUT_FILE, `${JSON.stringify({ ...previous, verify: { date: new Date().toISOString(), machine: machine(), ...verify } }, null, 2)}\n`);
    console.log(`wrote ${path.relative(ROOT, OUT_FILE)}`);
    return;
  }
  const started = Date.now();
  console.log(`mail-connect synth benchmark: ${os.cpus().length} cores, node ${process.version} ${NODE_FLAGS.join(" ")}${quick ? " (quick)" : ""}`);
  const imports = benchImports();
  const sizes: SizeResult[] = [];
  const sizesToRun = ONLY_SIZES === undefined ? SIZES : ONLY_SIZES.map((n) => SIZES.find((size) => size.n === n) ?? { n, reps: 3 });
  for (const { n, reps } of sizesToRun) {
    const result = benchSize(n, reps);
    sizes.push(result);
    console.log(`N=${n}: construct ${fixed(result.construct.wallMs)} ms, baseline ${fixed(result.baseline.wallMs)} ms, ratio ${fixed(result.ratio.wall, 3)} (of medians ${fixed(result.ratio.wallOfMedians, 3)}; stacks equal: ${result.equality.resources} resources, ${result.equality.dataSources} data sources)`);
  }
  console.log("");
  printTable(sizes, imports);

  const at = (n: number) => sizes.find((s) => s.n === n);
  const thousand = at(1000);
  const fiveThousand = at(5000);
  const targets = {
    "construct/baseline wall <= 1.15 at N=1000": thousand === undefined ? null : thousand.ratio.wall <= 1.15,
    "construct/baseline build+synth <= 1.15 at N=1000": thousand === undefined ? null : thousand.ratio.work <= 1.15,
    "ms/domain at N=5000 <= 1.3 x N=1000":
      thousand === undefined || fiveThousand === undefined ? null : fiveThousand.constructMsPerDomain <= 1.3 * thousand.constructMsPerDomain,
    "package root require <= 1.2 x floor": imports.ratio.require <= 1.2,
    "package root loads no provider root index": !imports.root.providerRootLoaded,
  };
  console.log("");
  for (const [target, met] of Object.entries(targets)) console.log(`${met === null ? "n/a " : met ? "MET " : "MISS"}  ${target}`);
  const scaling = thousand && fiveThousand ? fiveThousand.constructMsPerDomain / thousand.constructMsPerDomain : undefined;
  if (scaling !== undefined) console.log(`      (ms/domain N=5000 / N=1000 = ${fixed(scaling, 3)})`);

  const runnerResults = runners ? runRunnerBench(quick) : null;
  // The verify figure needs BIND (named); without it the synth figures are still written.
  const verify = await benchVerify().catch((error: Error) => {
    console.log(`verify: not measured: ${error.message.split("\n")[0]}`);
    return { error: error.message.split("\n")[0] };
  });

  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    quick,
    nodeFlags: NODE_FLAGS,
    durationS: Math.round((Date.now() - started) / 1000),
    imports,
    sizes: sizes.map(({ construct, baseline, ...rest }) => ({
      ...rest,
      construct: { ...construct, samples: construct.samples },
      baseline: { ...baseline, samples: baseline.samples },
    })),
    scalingPerDomain5000vs1000: scaling ?? null,
    targets,
    runners: runnerResults,
    verify,
  };
  fs.writeFileSync(OUT_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, OUT_FILE)} (${results.durationS} s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
