/**
 * The arguments of `cdktf-mail-connect verify`, read with `util.parseArgs`. Record flags map
 * onto the options `MailConnectDomain` takes (repeatable flags for lists); `--config` takes
 * the options as JSON; `--synth` reads synthesized stacks instead.
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { MailConnectRecordOptions } from "../mail-connect/options";
import { LabelledOptions } from "./expected-from-options";
import { SERVER_FLAG_OPTIONS, readServerFlags } from "./server-flags";
import { VerifyInputError } from "./verify-input-error";

/** Where the expectation comes from. */
export type ExpectationSource =
  | { readonly mode: "options"; readonly list: readonly LabelledOptions[] }
  | { readonly mode: "synth"; readonly dir: string; readonly stacks: readonly string[] };

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "verify";
      readonly source: ExpectationSource;
      readonly resolver?: string;
      readonly recursiveResolver?: string;
      readonly authoritative?: true;
      /** `--nameserver NAME=IP[:PORT]`, by name. */
      readonly nameServers?: Readonly<Record<string, string>>;
      readonly timeoutMs: number;
      readonly retries: number;
      readonly json: boolean;
      /** `--junit FILE`: where to write the JUnit XML report. */
      readonly junit?: string;
      /** `--wide`: whole values, no fitting to the terminal. */
      readonly wide?: true;
      /** `--all-checks`: every row of every domain, passing ones too. */
      readonly allChecks?: true;
    };

const RECORD_FLAGS = {
  product: { type: "string" },
  "no-auto-setup": { type: "boolean" },
  "server-incoming": { type: "string" },
  "server-outgoing": { type: "string" },
  "spf-include": { type: "string", multiple: true },
  "spf-ip4": { type: "string", multiple: true },
  "spf-ip6": { type: "string", multiple: true },
  "spf-a": { type: "boolean" },
  "spf-mx": { type: "boolean" },
  "spf-all": { type: "string" },
  "dkim-selector": { type: "string" },
  "dkim-key": { type: "string" },
  "dmarc-policy": { type: "string" },
  "dmarc-subdomain-policy": { type: "string" },
  "dmarc-rua": { type: "string", multiple: true },
  "dmarc-ruf": { type: "string", multiple: true },
  "dmarc-no-ruf": { type: "boolean" },
  "extra-txt": { type: "string", multiple: true },
} as const;

const OPTIONS = {
  ...RECORD_FLAGS,
  domain: { type: "string" },
  config: { type: "string" },
  synth: { type: "string" },
  stack: { type: "string", multiple: true },
  ...SERVER_FLAG_OPTIONS,
  json: { type: "boolean" },
  junit: { type: "string" },
  wide: { type: "boolean" },
  "all-checks": { type: "boolean" },
  version: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** `--spf-all` takes the option's words or the SPF qualifiers themselves. */
const SPF_ALL: Record<string, string> = { neutral: "neutral", softfail: "softfail", fail: "fail", "?all": "neutral", "~all": "softfail", "-all": "fail" };

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** The planner's options from the record flags (only the given ones, so defaults apply). */
function optionsFromFlags(v: Values, problems: string[]): MailConnectRecordOptions {
  const spf: Record<string, unknown> = {};
  if (v["spf-include"]) spf.include = v["spf-include"];
  if (v["spf-ip4"]) spf.ip4 = v["spf-ip4"];
  if (v["spf-ip6"]) spf.ip6 = v["spf-ip6"];
  if (v["spf-a"]) spf.a = true;
  if (v["spf-mx"]) spf.mx = true;
  if (v["spf-all"] !== undefined) {
    const all = SPF_ALL[v["spf-all"]];
    if (all === undefined) problems.push(`--spf-all: got "${v["spf-all"]}"; it must be neutral (?all), softfail (~all) or fail (-all).`);
    else spf.all = all;
  }
  const dkim: Record<string, unknown> = {};
  if (v["dkim-selector"] !== undefined) dkim.selector = v["dkim-selector"];
  if (v["dkim-key"] !== undefined) dkim.publicKey = v["dkim-key"];
  const dmarc: Record<string, unknown> = {};
  if (v["dmarc-policy"] !== undefined) dmarc.policy = v["dmarc-policy"];
  if (v["dmarc-subdomain-policy"] !== undefined) dmarc.subdomainPolicy = v["dmarc-subdomain-policy"];
  if (v["dmarc-rua"]) dmarc.rua = v["dmarc-rua"];
  if (v["dmarc-ruf"] && v["dmarc-no-ruf"]) problems.push("--dmarc-ruf and --dmarc-no-ruf contradict each other; give one.");
  if (v["dmarc-ruf"]) dmarc.ruf = v["dmarc-ruf"];
  if (v["dmarc-no-ruf"]) dmarc.ruf = [];
  const serverNames: Record<string, unknown> = {};
  if (v["server-incoming"] !== undefined) serverNames.incoming = v["server-incoming"];
  if (v["server-outgoing"] !== undefined) serverNames.outgoing = v["server-outgoing"];
  const options: Record<string, unknown> = { domain: v.domain };
  if (v.product !== undefined) options.product = v.product;
  if (v["no-auto-setup"]) options.autoSetup = false;
  if (Object.keys(serverNames).length > 0) options.serverNames = serverNames;
  if (Object.keys(spf).length > 0) options.spf = spf;
  if (Object.keys(dkim).length > 0) options.dkim = dkim;
  if (Object.keys(dmarc).length > 0) options.dmarc = dmarc;
  if (v["extra-txt"]) options.extraTxt = v["extra-txt"];
  return options as unknown as MailConnectRecordOptions;
}

/** The option sets in a `--config` file: one object or an array of them. */
function readConfig(file: string): LabelledOptions[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new VerifyInputError([`--config: cannot read "${file}" as JSON: ${(error as Error).message}`]);
  }
  const list = Array.isArray(json) ? json : [json];
  const bad = list.findIndex((entry) => entry === null || typeof entry !== "object" || Array.isArray(entry));
  if (bad >= 0 || list.length === 0) {
    throw new VerifyInputError([`--config: "${file}" must hold one options object or a non-empty array of them ({ "domain": "firma.de", ... })${bad >= 0 ? `; entry ${bad} is not an object` : ""}.`]);
  }
  return list.map((options, index) => ({ options: options as MailConnectRecordOptions, source: Array.isArray(json) ? `config[${index}]` : "config" }));
}

/**
 * Reads the command line (without `node` and the script).
 * @throws VerifyInputError listing every problem
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new VerifyInputError([(error as Error).message.replace(/\. To specify a positional argument.*$/s, ".")]);
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals[0] === "help") return { kind: "help" };
  if (v.version) return { kind: "version" };
  const problems: string[] = [];
  if (positionals.length === 0) throw new VerifyInputError(["no command given; the command is verify."]);
  if (positionals[0] !== "verify") throw new VerifyInputError([`unknown command "${positionals[0]}"; the command is verify.`]);
  if (positionals.length > 1) problems.push(`unexpected argument${positionals.length > 2 ? "s" : ""} ${positionals.slice(1).map((p) => `"${p}"`).join(" ")}; flags start with --.`);

  const modes = (["domain", "config", "synth"] as const).filter((m) => v[m] !== undefined);
  if (modes.length !== 1) {
    problems.push(modes.length === 0 ? "say what to expect: --domain NAME (with record flags), --config FILE or --synth DIR." : `--${modes.join(" and --")} cannot be combined; give one of them.`);
  }
  const recordFlags = Object.keys(RECORD_FLAGS).filter((flag) => v[flag as keyof Values] !== undefined);
  if (v.domain === undefined && recordFlags.length > 0) {
    problems.push(`${recordFlags.map((f) => `--${f}`).join(", ")} ${recordFlags.length === 1 ? "belongs" : "belong"} to --domain; with --config put the options in the file, with --synth they come from the stacks.`);
  }
  if (v.stack !== undefined && v.synth === undefined) problems.push("--stack needs --synth DIR.");
  const servers = readServerFlags(v, problems);
  const flagOptions = v.domain !== undefined ? optionsFromFlags(v, problems) : undefined;
  if (problems.length > 0) throw new VerifyInputError(problems);

  let source: ExpectationSource;
  if (v.synth !== undefined) source = { mode: "synth", dir: v.synth, stacks: v.stack ?? [] };
  else if (v.config !== undefined) source = { mode: "options", list: readConfig(v.config) };
  else source = { mode: "options", list: [{ options: flagOptions!, source: "--domain" }] };
  return {
    kind: "verify",
    source,
    ...servers,
    json: v.json === true,
    ...(v.junit !== undefined ? { junit: v.junit } : {}),
    ...(v.wide ? { wide: true as const } : {}),
    ...(v["all-checks"] ? { allChecks: true as const } : {}),
  };
}
