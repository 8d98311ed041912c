/**
 * The test command sets BIND up itself (jest's global setup, __tests__/support/global-setup.ts):
 * where a BIND program is missing, root installs the Debian/Ubuntu packages with apt-get;
 * anyone else gets one line with the exact command, and the run stops. Never a skip.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import { BindProgram, findBindProgram } from "./bind-binaries";

/** Every BIND program the tests run. */
export const BIND_PROGRAMS: readonly BindProgram[] = ["named", "named-checkzone", "named-checkconf", "dig"];
/** The Debian/Ubuntu packages that hold them (named; named-checkzone and named-checkconf; dig). */
export const BIND_PACKAGES = ["bind9", "bind9-utils", "bind9-dnsutils"] as const;

/** What the global setup does about BIND. */
export type BindSetupStep =
  | { readonly action: "ready" }
  | { readonly action: "install"; readonly commands: readonly (readonly string[])[] }
  | { readonly action: "stop"; readonly line: string };

/** The BIND programs that cannot be found. */
export function missingBindPrograms(): BindProgram[] {
  return BIND_PROGRAMS.filter((program) => {
    try {
      findBindProgram(program);
      return false;
    } catch {
      return true;
    }
  });
}

/** Decides the step for the programs `missing`, as root or not, with or without apt-get. */
export function bindSetupStep(missing: readonly BindProgram[], isRoot: boolean, hasAptGet: boolean): BindSetupStep {
  if (missing.length === 0) return { action: "ready" };
  const what = `BIND is missing (${missing.join(", ")} not found) and the DNS tests run a real BIND`;
  if (!hasAptGet) return { action: "stop", line: `${what}: install BIND 9 (${BIND_PROGRAMS.join(", ")}) with this system's package manager, then run npm test again.` };
  const install = ["apt-get", "install", "-y", "--no-install-recommends", ...BIND_PACKAGES];
  if (isRoot) return { action: "install", commands: [["apt-get", "update"], install] };
  return { action: "stop", line: `${what}: run \`sudo apt-get update && sudo ${install.join(" ")}\`, then npm test again.` };
}

function hasAptGet(): boolean {
  return ["/usr/bin/apt-get", "/bin/apt-get"].some((file) => fs.existsSync(file));
}

/**
 * Makes sure BIND is there: installs it as root, or writes the one line with the command
 * and exits 1.
 */
export function ensureBind(): void {
  const step = bindSetupStep(missingBindPrograms(), process.getuid?.() === 0, hasAptGet());
  if (step.action === "ready") return;
  if (step.action === "install") {
    process.stderr.write(`BIND is missing; installing ${BIND_PACKAGES.join(" ")} with apt-get (once).\n`);
    for (const [command, ...args] of step.commands) {
      const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (result.status !== 0) {
        process.stderr.write(`\`${[command, ...args].join(" ")}\` failed (exit ${result.status ?? result.signal}); install ${BIND_PACKAGES.join(" ")} by hand, then run npm test again.\n`);
        process.exit(1);
      }
    }
    const still = missingBindPrograms();
    if (still.length === 0) return;
    process.stderr.write(`apt-get installed ${BIND_PACKAGES.join(" ")}, but ${still.join(", ")} is still not found.\n`);
    process.exit(1);
  }
  process.stderr.write(`${step.line}\n`);
  process.exit(1);
}
