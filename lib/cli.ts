/**
 * The `cdktf-mail-connect` command line: `runCli` reads the command word and runs `verify` or
 * `onboard`, printing bad arguments the same way for both. It returns the exit code instead
 * of exiting, so tests and other tools can call it. No cdktf or provider import on this path:
 * startup stays fast.
 */
import { CliStreams, PROGRAM, packageVersion } from "./cli-program";
import { MailConnectValidationError } from "./errors";
import { onboardCommand } from "./onboard/onboard-cli";
import { ONBOARD_USAGE } from "./onboard/onboard-usage";
import { verifyCommand } from "./verify/cli";
import { VERIFY_USAGE } from "./verify/cli-usage";
import { VerifyInputError } from "./verify/verify-input-error";

export type { CliStreams } from "./cli-program";

/** The help text of the program: its commands. */
export const CLI_USAGE = `Usage: ${PROGRAM} <command> [flags]

Commands:
  verify    check live DNS against the records mail-connect needs, or against what a
            synthesized cdktf app deploys
  onboard   read a domain's live DNS and plan its move to mail-connect: what changes, the
            risks of the switch, and a MailConnectDomain to paste

Run "${PROGRAM} <command> --help" for a command's flags and examples.

Options:
  --version     print the version
  -h, --help    show this help

Exit codes: 0 ok, 1 mismatches (verify) or blocking risks (onboard), 2 could not check or
read DNS, or bad arguments.
`;

/** The commands, their help texts and how each runs (`argv` without the program, with the command word). */
const COMMANDS: Readonly<Record<string, { readonly usage: string; readonly run: (argv: readonly string[], streams: CliStreams) => Promise<number> }>> = {
  verify: { usage: VERIFY_USAGE, run: verifyCommand },
  onboard: { usage: ONBOARD_USAGE, run: (argv, streams) => onboardCommand(argv.slice(1), streams) },
};

const NAMES = Object.keys(COMMANDS).join(" and ");

/** A usage problem of the program itself (no command, an unknown one). */
function usageProblem(streams: CliStreams, problem: string): number {
  streams.stderr.write(`${PROGRAM}: ${problem}\nRun "${PROGRAM} --help" for the commands.\n`);
  return 2;
}

/**
 * Runs the command line (`argv` without `node` and the script) and returns its exit code.
 * `verify`: 0 everything matches, 1 mismatches, 2 could not check. `onboard`: 0 ready, 1
 * blocking risks, 2 could not read DNS. Bad arguments: 2, every problem on stderr.
 */
export async function runCli(argv: readonly string[], streams: CliStreams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [first, second] = argv;
  if (first === undefined) return usageProblem(streams, `no command given; the commands are ${NAMES}.`);
  if (first === "--help" || first === "-h" || first === "help") {
    const command = second !== undefined ? COMMANDS[second] : undefined;
    if (second !== undefined && command === undefined) return usageProblem(streams, `unknown command "${second}"; the commands are ${NAMES}.`);
    streams.stdout.write(command?.usage ?? CLI_USAGE);
    return 0;
  }
  if (first === "--version") {
    streams.stdout.write(`${PROGRAM} ${packageVersion()}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (command === undefined) {
    return usageProblem(streams, first.startsWith("-") ? `the command comes first: ${PROGRAM} ${Object.keys(COMMANDS).join("|")} [flags] (got "${first}").` : `unknown command "${first}"; the commands are ${NAMES}.`);
  }
  try {
    return await command.run(argv, streams);
  } catch (error) {
    if (error instanceof VerifyInputError || error instanceof MailConnectValidationError) {
      const lines = error instanceof VerifyInputError ? error.problems : error.messages;
      streams.stderr.write(`${lines.map((l) => `${PROGRAM}: ${l}\n`).join("")}Run "${PROGRAM} ${first} --help" for the flags.\n`);
      return 2;
    }
    streams.stderr.write(`${PROGRAM}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
