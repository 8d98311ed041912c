/**
 * The arguments of `cdktf-mail-connect onboard`, read with `util.parseArgs`: the domain, the
 * product, the DNS provider, the output, and the server flags `verify` has too.
 */
import { parseArgs } from "util";
import { MailConnectProduct } from "../mail-connect/options";
import { normaliseHostName } from "../plan/host-names";
import type { DnsProviderKind } from "../providers/dns-zone";
import { PROVIDER_NAME_SERVERS } from "../providers/provider-name-servers";
import { SERVER_FLAG_OPTIONS, ServerFlags, readServerFlags } from "../verify/server-flags";
import { VerifyInputError } from "../verify/verify-input-error";

/** The products `--product` takes. */
export const ONBOARD_PRODUCTS: readonly MailConnectProduct[] = ["pro", "team", "secgate", "mailing"];
/** The providers `--provider` takes. */
export const ONBOARD_PROVIDERS: readonly DnsProviderKind[] = PROVIDER_NAME_SERVERS.map((p) => p.kind);

/** What `onboard` is asked to do. */
export type OnboardCommand =
  | { readonly kind: "help" }
  | (ServerFlags & {
      readonly kind: "onboard";
      /** The domain as given (normalised by `readLiveMailZone`). */
      readonly domain: string;
      readonly product: MailConnectProduct;
      /**
       * `--provider`.
       * @default - guessed from the zone's name servers
       */
      readonly provider?: DnsProviderKind;
      /** `--json`: the JSON document instead of the report. */
      readonly json: boolean;
      /**
       * `--wide`: whole values, no fitting to the terminal.
       * @default - fitted to the terminal
       */
      readonly wide?: true;
    });

const OPTIONS = {
  domain: { type: "string" },
  product: { type: "string" },
  provider: { type: "string" },
  json: { type: "boolean" },
  wide: { type: "boolean" },
  ...SERVER_FLAG_OPTIONS,
  help: { type: "boolean", short: "h" },
} as const;

function choice<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[], problems: string[]): T | undefined {
  if (raw === undefined || (allowed as readonly string[]).includes(raw)) return raw as T | undefined;
  problems.push(`--${flag}: got "${raw}"; it must be one of ${allowed.join(", ")}.`);
  return undefined;
}

/**
 * Reads the arguments after `onboard`.
 * @throws VerifyInputError listing every problem, each naming its flag
 */
export function parseOnboardArgs(argv: readonly string[]): OnboardCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new VerifyInputError([(error as Error).message.replace(/\. To specify a positional argument.*$/s, ".")]);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: "help" };
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`unexpected argument${positionals.length > 1 ? "s" : ""} ${positionals.map((p) => `"${p}"`).join(" ")}; flags start with -- (the domain goes after --domain).`);
  if (v.domain === undefined) problems.push("--domain NAME is required: the mail domain to move to mail-connect, e.g. --domain firma.de.");
  else {
    const checked = normaliseHostName(v.domain, 2);
    if (!checked.ok) problems.push(`--domain: got "${v.domain}"; ${checked.rule}. Give the mail domain itself, e.g. firma.de or müller.de.`);
  }
  const product = choice("product", v.product, ONBOARD_PRODUCTS, problems);
  const provider = choice("provider", v.provider, ONBOARD_PROVIDERS, problems);
  const servers = readServerFlags(v, problems);
  if (problems.length > 0) throw new VerifyInputError(problems);
  return {
    kind: "onboard",
    domain: v.domain!,
    product: product ?? "pro",
    ...(provider !== undefined ? { provider } : {}),
    json: v.json === true,
    ...(v.wide ? { wide: true as const } : {}),
    ...servers,
  };
}
