/**
 * `cdktf-mail-connect onboard`: reads the domain's live DNS (`readLiveMailZone`), plans the
 * move (`onboardOutcome`: `planOnboarding`, the provider, `onboardingTypeScript`) and prints
 * the report or the JSON document, the verdict on stderr. Only this file does I/O; `runCli`
 * (lib/cli.ts) dispatches here and prints bad arguments.
 */
import { serverOptionsOf } from "../verify/server-flags";
import { CliStreams, ProgressStream } from "../cli-program";
import { outputWidth } from "../verify/report-table";
import { ONBOARD_USAGE } from "./onboard-usage";
import { parseOnboardArgs } from "./onboard-args";
import { onboardJsonText } from "./onboard-json";
import { ONBOARD_EXIT, onboardOutcome } from "./onboard-outcome";
import { ONBOARD_PIPE_WIDTH, formatOnboardReport, onboardVerdict } from "./onboard-report";
import { readLiveMailZone } from "./read-live-mail-zone";

/** A progress line on a terminal's stderr while the questions are answered (`reading firma.de: 40/75 questions`); nothing on a pipe. */
function readingProgress(stream: ProgressStream, domain: string): { update: (done: number, total: number) => void; finish: () => void } | undefined {
  if (stream.isTTY !== true) return undefined;
  return {
    update: (done, total) => stream.write(`\r\x1b[Kreading ${domain}: ${done}/${total} questions`),
    finish: () => stream.write("\r\x1b[K"),
  };
}

/**
 * Runs `onboard` (`argv` after the command word) and returns its exit code: 0 ready, 1
 * blocking risks, 2 could not read DNS.
 * @throws VerifyInputError or MailConnectValidationError for bad arguments (`runCli` prints them, exit 2)
 */
export async function onboardCommand(argv: readonly string[], streams: CliStreams): Promise<number> {
  const command = parseOnboardArgs(argv);
  if (command.kind === "help") {
    streams.stdout.write(ONBOARD_USAGE);
    return ONBOARD_EXIT.ready;
  }
  const progress = readingProgress(streams.stderr, command.domain);
  let live;
  try {
    live = await readLiveMailZone(command.domain, { ...serverOptionsOf(command), onProgress: progress?.update });
  } finally {
    progress?.finish();
  }
  const outcome = onboardOutcome(live, { product: command.product, ...(command.provider !== undefined ? { provider: command.provider } : {}) });
  const width = outputWidth(streams.stdout, command.wide === true, process.env, ONBOARD_PIPE_WIDTH);
  streams.stdout.write(command.json ? onboardJsonText(outcome) : formatOnboardReport(outcome, { width }));
  streams.stderr.write(onboardVerdict(outcome));
  return outcome.exitCode;
}
