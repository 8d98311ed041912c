/**
 * `onboard --json`: one stable document per run. Every key is always present (`null` when
 * there is nothing); new keys may be added, none removed or renamed without a new `schema`.
 */
import { LookupType } from "../verify/live-dns";
import { terminalSafeJson } from "../verify/terminal-text";
import { MailConnectProduct } from "../mail-connect/options";
import type { DnsProviderKind } from "../providers/dns-zone";
import { OnboardingPlan } from "./onboarding-plan";
import { OnboardExitCode, OnboardOutcome, OnboardStatus } from "./onboard-outcome";

/** The schema id in every document. */
export const ONBOARD_JSON_SCHEMA = "cdktf-mail-connect/onboard@1";

/** The document `onboard --json` prints. */
export interface OnboardJson {
  readonly schema: typeof ONBOARD_JSON_SCHEMA;
  /** The mail domain: lowercase ASCII (punycode). */
  readonly domain: string;
  /** The zone that holds it, or null when it could not be found. */
  readonly zone: string | null;
  readonly product: MailConnectProduct;
  /** The DNS provider the TypeScript is written for. */
  readonly provider: DnsProviderKind;
  /** Whether `provider` was guessed from the zone's name servers (no `--provider`). */
  readonly providerGuessed: boolean;
  /** Why that provider was guessed, or null when it was given. */
  readonly providerReason: string | null;
  /** Where the domain's records were read. */
  readonly source: string;
  readonly status: OnboardStatus;
  readonly exitCode: OnboardExitCode;
  /** The essential questions that could not be answered (status `unreadable`). */
  readonly unread: ReadonlyArray<{ readonly name: string; readonly type: LookupType; readonly message: string }>;
  /** The plan, or null when DNS could not be read. */
  readonly plan: OnboardingPlan | null;
  /** The TypeScript app, or null when there is no plan. */
  readonly typescript: string | null;
}

/** The document for `outcome`. */
export function onboardToJson(outcome: OnboardOutcome): OnboardJson {
  return {
    schema: ONBOARD_JSON_SCHEMA,
    domain: outcome.live.domain,
    zone: outcome.live.zone ?? null,
    product: outcome.product,
    provider: outcome.provider,
    providerGuessed: outcome.providerGuess !== undefined,
    providerReason: outcome.providerGuess?.reason ?? null,
    source: outcome.live.source,
    status: outcome.status,
    exitCode: outcome.exitCode,
    unread: outcome.unread.map((a) => ({ name: a.name, type: a.type, message: a.result.status === "error" ? a.result.message : a.result.status })),
    plan: outcome.plan ?? null,
    typescript: outcome.typescript ?? null,
  };
}

/**
 * The document as text: indented, one trailing newline. Characters that terminals treat
 * specially (C1 controls, bidirectional and invisible format characters) are written as
 * `\u` escapes, which JSON readers turn back into the same text.
 */
export function onboardJsonText(outcome: OnboardOutcome): string {
  return `${terminalSafeJson(JSON.stringify(onboardToJson(outcome), null, 2))}\n`;
}
