/**
 * One verify measurement, run by `verify-bench.ts` in a fresh child process (compiled
 * JavaScript, plain `node`):
 *   node verify-worker.js <config.json> <resolver> <recursive-resolver>
 * Runs `verifyDomains` for every domain in the config file and prints one JSON line: the
 * time of the run, the number of checks and their outcome, and `process.resourceUsage().maxRSS`.
 */
import * as fs from "fs";
import { performance } from "perf_hooks";
import { expectedFromOptionsList, formatReportTable, verifyDomains } from "../lib/verify";

/** What a verify measurement reports. */
export interface VerifySample {
  readonly domains: number;
  readonly checks: number;
  readonly exitCode: number;
  /** verifyDomains and formatting the report, ms. */
  readonly runMs: number;
  readonly maxRssKb: number;
  /** The longest line of the text report (it must fit 100 columns). */
  readonly widestLine: number;
  /** Lines of the text report (one per passing domain, plus the summary). */
  readonly lines: number;
}

async function main(): Promise<void> {
  const [config, resolver, recursiveResolver] = process.argv.slice(2);
  const list = (JSON.parse(fs.readFileSync(config, "utf8")) as unknown[]).map((options, i) => ({ options: options as never, source: `config[${i}]` }));
  const expected = expectedFromOptionsList(list);
  const started = performance.now();
  const report = await verifyDomains(expected, { resolver, recursiveResolver, timeoutMs: 2000, retries: 1 });
  const text = formatReportTable(report, { width: 100 });
  const runMs = performance.now() - started;
  const lines = text.trimEnd().split("\n");
  const sample: VerifySample = {
    domains: report.summary.domains,
    checks: report.domains.reduce((n, d) => n + d.checks.length, 0),
    exitCode: report.exitCode,
    runMs,
    maxRssKb: process.resourceUsage().maxRSS,
    widestLine: Math.max(...lines.map((l) => [...l].length)),
    lines: lines.length,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
