/**
 * One benchmark measurement, run by `synth-bench.ts` in a fresh child process (compiled to
 * JavaScript, plain `node`):
 *   node synth-worker.js synth <construct|baseline> <N> <outdir>
 *   node synth-worker.js import <root|floor> <module>...
 * Prints one JSON line with its timings (ms, from `performance.now()`, i.e. since the
 * process started) and `process.resourceUsage().maxRSS` (KiB).
 */
import { performance } from "perf_hooks";

/** What a synth measurement reports. */
export interface SynthSample {
  /** Node start-up until the worker's first line. */
  readonly startMs: number;
  /** Loading cdktf, the providers and (construct side) the library. */
  readonly requireMs: number;
  /** Creating the app, stack and every domain's constructs. */
  readonly buildMs: number;
  /** `app.synth()`: preparing, validating and writing the stack. */
  readonly synthMs: number;
  /** Process start until synth returned. */
  readonly totalMs: number;
  /** CPU time (user + system, all threads) of build + synth: less sensitive than wall time to other load on the machine. */
  readonly workCpuMs: number;
  /** CPU time of the whole process until synth returned. */
  readonly totalCpuMs: number;
  readonly maxRssKb: number;
}

/** What an import measurement reports. */
export interface ImportSample {
  readonly startMs: number;
  readonly requireMs: number;
  readonly totalMs: number;
  readonly maxRssKb: number;
  /** Files loaded from node_modules/@cdktf/provider-* (a root import loads thousands). */
  readonly providerFiles: number;
  /** Whether a provider package's root index was loaded. */
  readonly providerRootLoaded: boolean;
}

function synth(side: string, count: number, outdir: string): SynthSample {
  const startMs = performance.now();
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { App, TerraformStack } = require("cdktf") as typeof import("cdktf");
  const { AwsProvider } = require("@cdktf/provider-aws/lib/provider") as typeof import("@cdktf/provider-aws/lib/provider");
  const { CloudflareProvider } = require("@cdktf/provider-cloudflare/lib/provider") as typeof import("@cdktf/provider-cloudflare/lib/provider");
  const { benchDomains } = require("./domain-fixtures") as typeof import("./domain-fixtures");
  const add =
    side === "construct"
      ? (require("./construct-stack") as typeof import("./construct-stack")).addConstructDomains
      : (require("./baseline-stack") as typeof import("./baseline-stack")).addBaselineDomains;
  const requiredMs = performance.now();
  const requiredCpu = process.cpuUsage();

  const domains = benchDomains(count);
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "bench");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  new CloudflareProvider(stack, "cloudflare");
  add(stack, domains);
  const builtMs = performance.now();
  app.synth();
  const doneMs = performance.now();
  const workCpu = process.cpuUsage(requiredCpu);
  const totalCpu = process.cpuUsage();
  return {
    startMs,
    requireMs: requiredMs - startMs,
    buildMs: builtMs - requiredMs,
    synthMs: doneMs - builtMs,
    totalMs: doneMs,
    workCpuMs: (workCpu.user + workCpu.system) / 1000,
    totalCpuMs: (totalCpu.user + totalCpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

function importModules(modules: readonly string[]): ImportSample {
  const startMs = performance.now();
  for (const name of modules) require(name);
  const doneMs = performance.now();
  const providerFiles = Object.keys(require.cache).filter((file) => /[\\/]node_modules[\\/]@cdktf[\\/]provider-[^\\/]+[\\/]/.test(file));
  return {
    startMs,
    requireMs: doneMs - startMs,
    totalMs: doneMs,
    maxRssKb: process.resourceUsage().maxRSS,
    providerFiles: providerFiles.length,
    providerRootLoaded: providerFiles.some((file) => /[\\/]@cdktf[\\/]provider-[^\\/]+[\\/]lib[\\/]index\.js$/.test(file)),
  };
}

const [command, ...args] = process.argv.slice(2);
if (command === "synth") {
  process.stdout.write(`${JSON.stringify(synth(args[0], Number(args[1]), args[2]))}\n`);
} else if (command === "import") {
  process.stdout.write(`${JSON.stringify(importModules(args))}\n`);
} else {
  process.stderr.write("usage: synth-worker.js synth <construct|baseline> <N> <outdir> | import <module>...\n");
  process.exit(2);
}
