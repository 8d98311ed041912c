/**
 * Runs the real `named-checkzone` on zone-file text. The checks that look up names outside
 * the zone are turned off (`-i local`), so nothing leaves the machine; everything else is
 * made fatal, so a warning cannot pass as a load.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findBindProgram } from "./bind-binaries";

/** The outcome of one `named-checkzone` run. */
export interface CheckZoneResult {
  /** True when named-checkzone exited 0 ("OK"). */
  readonly loaded: boolean;
  /** Its stdout and stderr, for the failure message. */
  readonly output: string;
  /** The zone as BIND read it (`-D`: canonical, absolute names, one record per line); empty when not loaded. */
  readonly canonical: string;
}

/**
 * - `-i local`: integrity checks only for names inside the zone (no DNS lookups of
 *   mx.mail-connect.net and the like)
 * - `-k fail -m fail -M fail -n fail -S fail -r fail`: bad host names, MX/NS pointing at
 *   addresses, MX/SRV pointing at CNAMEs and DNSSEC-ambiguous records fail the load
 */
const STRICT_FLAGS = ["-i", "local", "-k", "fail", "-m", "fail", "-M", "fail", "-n", "fail", "-S", "fail", "-r", "fail"];

/** Loads `zoneText` as zone `origin` with named-checkzone; throws when the program is missing. */
export function checkZone(origin: string, zoneText: string): CheckZoneResult {
  const program = findBindProgram("named-checkzone");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-checkzone-"));
  try {
    const file = path.join(dir, "zone.db");
    fs.writeFileSync(file, zoneText);
    const run = spawnSync(program, [...STRICT_FLAGS, "-D", "-o", "-", origin, file], { encoding: "utf8", timeout: 30000 });
    if (run.error) throw run.error;
    const loaded = run.status === 0;
    // With -D the canonical zone goes to stdout and the diagnostics to stderr.
    return { loaded, output: `${run.stderr}`.trim(), canonical: loaded ? run.stdout : "" };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
