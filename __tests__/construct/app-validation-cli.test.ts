/**
 * What `npx cdktf synth` really prints for a portfolio with three invalid customers: each
 * problem once, under its construct path, and a failing exit.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

test("npx cdktf synth prints every problem of every invalid domain exactly once, and fails", () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-portfolio-"));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" };
    const app = "node --require ./scripts/swc-register.js __tests__/fixtures/portfolio-app.ts";
    const result = spawnSync("npx", ["cdktf", "synth", "--app", app, "--output", outDir], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
    const output = `${result.stdout}\n${result.stderr}`;
    const count = (text: string) => output.split(text).length - 1;
    expect(result.status).not.toBe(0);
    for (const pathOf of ["customers/kunde-b", "customers/kunde-c", "customers/kunde-d"]) {
      expect({ pathOf, errorLines: count(`ERROR [${pathOf}]: invalid mail-connect options (1 problem):`) }).toEqual({ pathOf, errorLines: 1 });
    }
    expect(count('  - domain: got "kunde b.de"; must be a domain name')).toBe(1);
    expect(count("  - ttl: got 5; must be a whole number of seconds from 60 to 86400.")).toBe(1);
    expect(count('  - dmarc.rua[0]: got "mailto:a@kunde-d.de,mailto:b@kunde-d.de"; must be one address per entry')).toBe(1);
    expect(output).not.toContain("kunde-e.de\"; ");
    expect(output).not.toContain("reasons:"); // no dumped error properties
    expect(output).not.toContain("    at "); // no stack frames
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}, 130_000);
