/**
 * The `cdktf-mail-connect` command line. `runCli` returns the exit code instead of exiting,
 * so tests and other tools can call it. No cdktf or provider import on this path: startup
 * stays fast.
 */
import { MailConnectValidationError } from "../errors";
import { parseCliArgs } from "./cli-args";
import { VERIFY_USAGE } from "./cli-usage";
import { ExpectedMailDomain } from "./expected-domain";
import { expectedFromOptionsList } from "./expected-from-options";
import { reportJsonText } from "./report-json";
import { writeJunit } from "./report-junit";
import { formatReportTable, outputWidth } from "./report-table";
import { printable, wrap } from "./terminal-text";
import { expectedFromSynth } from "./synth-expected";
import { verifyDomains } from "./verify-domains";
import { VerifyInputError } from "./verify-input-error";
import { VERIFY_EXIT, VerifyReport } from "./verify-report";

/** Where the command line writes (`columns` of a terminal sets the width of the report). */
export interface CliStreams {
  readonly stdout: ProgressStream & { readonly columns?: number };
  readonly stderr: ProgressStream;
}

const PROGRAM = "cdktf-mail-connect";

/** The package's version, from its package.json (two levels up from lib/verify and from dist/verify alike). */
function packageVersion(): string {
  const json = JSON.parse(require("fs").readFileSync(require("path").join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return json.version;
}

/** The reasons checks could not be made, each once, with how many checks it stopped. */
function problemsOf(report: VerifyReport): string[] {
  const byReason = new Map<string, string[]>();
  for (const domain of report.domains) {
    for (const check of domain.checks.filter((c) => c.status === "error")) {
      const reason = (check.hint ?? "could not check").replace(/^Could not check: /, "").replace(/\.$/, "");
      byReason.set(reason, [...(byReason.get(reason) ?? []), check.label]);
    }
  }
  const lines = [...byReason].map(([reason, labels]) => `${reason} (${labels.length === 1 ? labels[0] : `${labels.length} checks, e.g. ${labels[0]}`})`);
  return lines.length > 5 ? [...lines.slice(0, 5), `... and ${lines.length - 5} more`] : lines;
}

async function verify(argv: readonly string[], streams: CliStreams): Promise<number> {
  const command = parseCliArgs(argv);
  if (command.kind === "help") {
    streams.stdout.write(VERIFY_USAGE);
    return VERIFY_EXIT.ok;
  }
  if (command.kind === "version") {
    streams.stdout.write(`${PROGRAM} ${packageVersion()}\n`);
    return VERIFY_EXIT.ok;
  }
  let expected: ExpectedMailDomain[];
  if (command.source.mode === "synth") {
    const synth = expectedFromSynth(command.source.dir, { stacks: command.source.stacks });
    for (const skipped of synth.skipped) streams.stderr.write(`${PROGRAM}: skipped (not a literal record): ${skipped}\n`);
    if (synth.domains.length === 0) {
      throw new VerifyInputError([`--synth: the stacks ${synth.stacks.map((s) => `"${s}"`).join(", ")} publish no MX record, so no mail domain to check.`]);
    }
    expected = synth.domains;
  } else {
    expected = expectedFromOptionsList(command.source.list);
  }
  const progress = progressLine(streams.stderr, expected.length);
  const report = await verifyDomains(expected, {
    resolver: command.resolver,
    recursiveResolver: command.recursiveResolver,
    authoritative: command.authoritative,
    nameServers: command.nameServers,
    timeoutMs: command.timeoutMs,
    retries: command.retries,
    onProgress: progress?.update,
  });
  progress?.finish();
  if (command.junit !== undefined) writeJunit(command.junit, report);
  const width = outputWidth(streams.stdout, command.wide === true);
  streams.stdout.write(command.json ? reportJsonText(report) : formatReportTable(report, { width, allChecks: command.allChecks === true }));
  if (report.exitCode === VERIFY_EXIT.error) {
    const problems = problemsOf(report).map((p) => wrap(printable(p), width - 4).map((line, i) => `${i === 0 ? "  - " : "    "}${line}\n`).join(""));
    streams.stderr.write(`${PROGRAM}: could not check ${report.summary.errorChecks} of ${report.domains.reduce((n, d) => n + d.checks.length, 0)} checks:\n${problems.join("")}`);
  } else if (report.exitCode === VERIFY_EXIT.mismatch) {
    const failing = report.domains.filter((d) => d.status !== "ok").map((d) => printable(d.domain));
    const named = failing.length > 10 ? `${failing.slice(0, 10).join(", ")} and ${failing.length - 10} more` : failing.join(", ");
    streams.stderr.write(`${PROGRAM}: live DNS differs in ${report.summary.failedChecks} ${report.summary.failedChecks === 1 ? "check" : "checks"} for ${named}.\n`);
  }
  return report.exitCode;
}

/**
 * Runs the command line and returns its exit code: 0 everything matches, 1 mismatches,
 * 2 could not check (bad arguments, unreachable resolver, timeouts, SERVFAIL).
 */
export async function runCli(argv: readonly string[], streams: CliStreams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    return await verify(argv, streams);
  } catch (error) {
    if (error instanceof VerifyInputError || error instanceof MailConnectValidationError) {
      const lines = error instanceof VerifyInputError ? error.problems : error.messages;
      streams.stderr.write(`${lines.map((l) => `${PROGRAM}: ${l}\n`).join("")}Run "${PROGRAM} verify --help" for the flags.\n`);
      return VERIFY_EXIT.error;
    }
    streams.stderr.write(`${PROGRAM}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return VERIFY_EXIT.error;
  }
}

/**
 * A one-line progress indicator on stderr (`[ 12/200] checked firma.de`), only when stderr
 * is a terminal and many domains are checked, so pipes and logs stay clean.
 */
/** From this many domains on, a terminal gets a progress line. */
export const PROGRESS_MIN_DOMAINS = 5;

/** The stream the progress line is written to. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** A progress callback for `verifyDomains` and a function that clears the line, or undefined when none is shown. */
export function progressLine(stream: ProgressStream, total: number): { update: (done: number, total: number, domain: string) => void; finish: () => void } | undefined {
  if (stream.isTTY !== true || total < PROGRESS_MIN_DOMAINS) return undefined;
  const width = String(total).length;
  return {
    update: (done, all, domain) => stream.write(`\r\x1b[K[${String(done).padStart(width)}/${all}] checked ${domain}`),
    finish: () => stream.write("\r\x1b[K"),
  };
}
