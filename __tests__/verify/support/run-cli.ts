import { spawn } from "child_process";
import * as path from "path";

/** The package's bin, run exactly as `npx cdktf-mail-connect` runs it. */
export const BIN = path.join(__dirname, "..", "..", "..", "bin", "cdktf-mail-connect.js");

/** What one CLI run gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the run. */
  readonly ms: number;
}

/** Runs the CLI as a child process (asynchronously, so the test's event loop keeps running). */
export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
