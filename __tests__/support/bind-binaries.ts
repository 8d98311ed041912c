/**
 * Finds the BIND programs the DNS tests run. A missing program is an error, never a skip:
 * a test suite that silently skips its real-DNS proof proves nothing.
 */
import * as fs from "fs";
import * as path from "path";

/** How to get the programs on Debian/Ubuntu (named, named-checkzone, dig). */
export const BIND_INSTALL_HINT = "Install BIND to run these tests: apt-get install bind9 bind9-utils bind9-dnsutils";

/** The BIND programs the tests use. */
export type BindProgram = "named" | "named-checkzone" | "named-checkconf" | "dig";

const SEARCH_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path of a BIND program: `explicitPath` if given, else the first hit in the
 * usual sbin/bin directories and then `PATH` (Debian puts named in /usr/sbin, which a
 * non-root PATH often lacks).
 * @throws Error naming the program, where it looked and how to install it
 */
export function findBindProgram(program: BindProgram, explicitPath?: string): string {
  const candidates =
    explicitPath !== undefined
      ? [explicitPath]
      : [...SEARCH_DIRS, ...(process.env.PATH ?? "").split(path.delimiter).filter((d) => d !== "")].map((d) => path.join(d, program));
  const found = candidates.find(isExecutable);
  if (found === undefined) {
    throw new Error(`BIND program "${program}" not found (looked at ${[...new Set(candidates)].join(", ")}). ${BIND_INSTALL_HINT}`);
  }
  return found;
}
