/**
 * Loads many zones with one real BIND process: `named-checkconf -z` reads a generated
 * named.conf that lists every zone as a primary, each in a view of its own (so one origin may
 * come many times), and loads each file, with host-name and MX checks made fatal. One process for hundreds of zones keeps the adversarial suite fast;
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
 * Loads every zone. Integrity checks that would look names up are off (`check-integrity no`):
 * nothing leaves the machine.
 */
export function checkZones(zones: readonly ZoneToCheck[]): CheckZonesResult {
  if (zones.length === 0) return { failed: [], output: "" };
  const program = findBindProgram("named-checkconf");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-checkzones-"));
  try {
    const conf = [`options { directory "${dir}"; check-names primary fail; check-mx fail; check-mx-cname fail; check-srv-cname fail; check-integrity no; };`];
    zones.forEach((zone, index) => {
      fs.writeFileSync(path.join(dir, `z${index}.db`), zone.text);
      conf.push(`view "v${index}" { match-clients { none; }; zone "${zone.origin}" { type primary; file "z${index}.db"; }; };`);
    });
    fs.writeFileSync(path.join(dir, "named.conf"), `${conf.join("\n")}\n`);
    const run = spawnSync(program, ["-z", path.join(dir, "named.conf")], { encoding: "utf8", timeout: 60000 });
    if (run.error) throw run.error;
    const output = `${run.stdout}${run.stderr}`;
    const lines = output.split("\n");
    // Every failure names the file: "z3.db:5: bad name", "loading from master file z3.db failed".
    const failed = zones
      .map((zone, index) => ({ ...zone, messages: lines.filter((line) => line.includes(`z${index}.db:`) || line.includes(`file z${index}.db failed`)).join("\n") }))
      .filter((zone) => zone.messages !== "");
    // Some failures ("NS has no address records") name only the zone: then report them all.
    const unnamed = lines.filter((line) => /^zone .*: /.test(line) && !line.includes("loaded serial"));
    if (run.status !== 0 && failed.length === 0) return { failed: [{ origin: "(not named by BIND)", text: "", messages: unnamed.join("\n") }], output };
    return { failed, output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
