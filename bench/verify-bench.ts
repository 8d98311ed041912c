/**
 * The verify figure of `npm run bench`: 500 domains checked against a local BIND on loopback
 * (an authoritative-only server for the domains, a second one standing in for the recursive
 * resolver), each run in a fresh `node` process (bench/verify-worker.ts). Reports checks per
 * second and peak memory (medians), and that the text report keeps one line per domain
 * within 100 columns.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startBindServer } from "../__tests__/support/bind-server";
import { mailConnectZone } from "../__tests__/support/mail-connect-zone";
import { liveZone, plannedRrsets } from "../__tests__/verify/support/live-zones";
import { VerifySample } from "./verify-worker";

/** What the bench reports. */
export interface VerifyBenchResult {
  readonly domains: number;
  readonly checks: number;
  readonly runs: number;
  /** Medians over the runs. */
  readonly runMs: number;
  readonly checksPerSecond: number;
  readonly maxRssMb: number;
  readonly widestLine: number;
  readonly lines: number;
  readonly samples: readonly VerifySample[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the verify bench: `domains` domains (products mixed), `reps` runs. */
export async function runVerifyBench(domains = 500, reps = 3): Promise<VerifyBenchResult> {
  const products = ["pro", "team", "secgate", "mailing"] as const;
  const options = Array.from({ length: domains }, (_, i) => ({ domain: `kunde${i + 1}.example`, product: products[i % products.length] }));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-bench-"));
  const config = path.join(tmp, "domains.json");
  fs.writeFileSync(config, JSON.stringify(options));
  const [records, recursive] = await Promise.all([startBindServer(options.map((o) => liveZone(o.domain, plannedRrsets(o))), { startTimeoutMs: 60000 }), startBindServer([mailConnectZone()])]);
  try {
    const worker = path.join(__dirname, "verify-worker.js");
    const samples: VerifySample[] = [];
    for (let i = 0; i < reps; i++) {
      const run = spawnSync(process.execPath, [worker, config, records.address, recursive.address], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      if (run.status !== 0) throw new Error(`verify worker failed (${run.status}):\n${run.stderr}`);
      const sample = JSON.parse(run.stdout.trim().split("\n").pop()!) as VerifySample;
      if (sample.exitCode !== 0) throw new Error(`verify of the bench zones did not pass (exit ${sample.exitCode})`);
      samples.push(sample);
    }
    const runMs = median(samples.map((s) => s.runMs));
    return {
      domains,
      checks: samples[0].checks,
      runs: reps,
      runMs,
      checksPerSecond: Math.round(samples[0].checks / (runMs / 1000)),
      maxRssMb: Math.round(median(samples.map((s) => s.maxRssKb)) / 1024),
      widestLine: Math.max(...samples.map((s) => s.widestLine)),
      lines: samples[0].lines,
      samples,
    };
  } finally {
    await Promise.all([records.stop(), recursive.stop()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
