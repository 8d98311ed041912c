/**
 * Loads many zones with one real BIND process: `named-checkconf -z` reads a generated
 * named.conf that lists every zone as a primary and loads each file, with host-name and MX
 * checks made fatal. One process for hundreds of zones keeps the adversarial suite fast;
 * `check-zone.ts` is the one-zone, strictest form.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findBindProgram } from "./bind-binaries";

/** One zone to load: its origin and the zone-file text. */
export interface ZoneToCheck {
  readonly origin: string;
  readonly text: string;
}

/** The outcome: the zones that failed to load, with BIND's messages about them. */
export interface CheckZonesResult {
  readonly failed: readonly { readonly origin: string; readonly text: string; readonly messages: string }[];
  readonly output: string;
}

/**
 * Loads every zone (origins must be distinct). Integrity checks that would look names up
 * are off (`check-integrity no`): nothing leaves the machine.
 */
export function checkZones(zones: readonly ZoneToCheck[]): CheckZonesResult {
  if (zones.length === 0) return { failed: [], output: "" };
  const program = findBindProgram("named-checkconf");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-checkzones-"));
  try {
    const conf = [`options { directory "${dir}"; check-names primary fail; check-mx fail; check-mx-cname fail; check-srv-cname fail; check-integrity no; };`];
    zones.forEach((zone, index) => {
      fs.writeFileSync(path.join(dir, `z${index}.db`), zone.text);
      conf.push(`zone "${zone.origin}" { type primary; file "z${index}.db"; };`);
    });
    fs.writeFileSync(path.join(dir, "named.conf"), `${conf.join("\n")}\n`);
    const run = spawnSync(program, ["-z", path.join(dir, "named.conf")], { encoding: "utf8", timeout: 60000 });
    if (run.error) throw run.error;
    const output = `${run.stdout}${run.stderr}`;
    const failed = zones
      .map((zone, index) => ({ ...zone, messages: output.split("\n").filter((line) => line.includes(`z${index}.db:`) || line.includes(`zone ${zone.origin}/IN: not loaded`) || line.includes(`zone ${zone.origin}/IN: loading`)).join("\n") }))
      .filter((zone) => !output.includes(`zone ${zone.origin}/IN: loaded serial`));
    if (run.status !== 0 && failed.length === 0) throw new Error(`named-checkconf failed without a failed zone:\n${output}`);
    return { failed, output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
