/**
 * `cdktf-mail-connect verify`: reads the expectation (flags, a config file or a synthesized
 * app), checks live DNS and prints the report. `runCli` (lib/cli.ts) dispatches here. No
 * cdktf or provider import on this path: startup stays fast.
 */
import { serverOptionsOf } from "./server-flags";
import { CliStreams, PROGRAM, ProgressStream, packageVersion } from "../cli-program";
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

export type { CliStreams, ProgressStream } from "../cli-program";

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

/**
 * Runs `verify` (`argv` with the command word, as `parseCliArgs` reads it) and returns its exit
 * code: 0 everything matches, 1 mismatches, 2 could not check.
 * @throws VerifyInputError or MailConnectValidationError for bad arguments (`runCli` prints them, exit 2)
 */
export async function verifyCommand(argv: readonly string[], streams: CliStreams): Promise<number> {
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
  const report = await verifyDomains(expected, { ...serverOptionsOf(command), onProgress: progress?.update });
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
 * A one-line progress indicator on stderr (`[ 12/200] checked firma.de`), only when stderr
 * is a terminal and many domains are checked, so pipes and logs stay clean.
 */
/** From this many domains on, a terminal gets a progress line. */
export const PROGRESS_MIN_DOMAINS = 5;

/** A progress callback for `verifyDomains` and a function that clears the line, or undefined when none is shown. */
export function progressLine(stream: ProgressStream, total: number): { update: (done: number, total: number, domain: string) => void; finish: () => void } | undefined {
  if (stream.isTTY !== true || total < PROGRESS_MIN_DOMAINS) return undefined;
  const width = String(total).length;
  return {
    update: (done, all, domain) => stream.write(`\r\x1b[K[${String(done).padStart(width)}/${all}] checked ${domain}`),
    finish: () => stream.write("\r\x1b[K"),
  };
}
