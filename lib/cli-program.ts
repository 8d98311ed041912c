/**
 * What every command of the `cdktf-mail-connect` command line shares: the program's name and
 * version, and the streams it writes to (tests pass their own).
 */
import * as fs from "fs";
import * as path from "path";

/** The program's name, as messages start with it. */
export const PROGRAM = "cdktf-mail-connect";

/** A stream the command line writes to; a terminal (`isTTY`) gets progress lines. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Where the command line writes (`columns` of a terminal sets the width of the report). */
export interface CliStreams {
  readonly stdout: ProgressStream & { readonly columns?: number };
  readonly stderr: ProgressStream;
}

/** The package's version, from its package.json (one level up from lib/ and from dist/ alike). */
export function packageVersion(): string {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
  return json.version;
}
