/**
 * What `onboard` makes of a domain's live records: the plan (when the answers it needs could be
 * read), the TypeScript for the chosen DNS provider, the status and the exit code. Both
 * outputs (the report and `--json`) are printed from it. No I/O.
 */
import { MailConnectProduct } from "../mail-connect/options";
import type { DnsProviderKind } from "../providers/dns-zone";
import { DnsProviderGuess, guessDnsProvider, zoneNameServers } from "./dns-provider-guess";
import { LiveAnswer, LiveMailZone, OnboardingOptions, OnboardingPlan } from "./onboarding-plan";
import { OnboardingQuestion } from "./onboarding-questions";
import { OnboardingTypeScriptOptions, onboardingTypeScript } from "./onboarding-typescript";
import { planOnboarding } from "./plan-onboarding";

/** The exit codes of `onboard`, as `verify`'s: 0 ready, 1 blocking risks, 2 could not read DNS (or bad arguments). */
export const ONBOARD_EXIT = { ready: 0, blocked: 1, error: 2 } as const;

/** An exit code of `onboard`. */
export type OnboardExitCode = (typeof ONBOARD_EXIT)[keyof typeof ONBOARD_EXIT];

/** `ready`: no blocking risk; `blocked`: at least one; `unreadable`: the answers the plan needs could not be read (no plan). */
export type OnboardStatus = "ready" | "blocked" | "unreadable";

/** What `onboard` found and planned for one domain. */
export interface OnboardOutcome {
  readonly live: LiveMailZone;
  readonly product: MailConnectProduct;
  /** The DNS provider the TypeScript is written for. */
  readonly provider: DnsProviderKind;
  /**
   * How the provider was guessed.
   * @default - none: the provider was given (`--provider`)
   */
  readonly providerGuess?: DnsProviderGuess;
  /** The essential answers that are errors (see `essentialQuestions`); any of them means no plan and exit code 2. */
  readonly unread: readonly LiveAnswer[];
  /**
   * The plan.
   * @default - none when `unread` is not empty
   */
  readonly plan?: OnboardingPlan;
  /**
   * The TypeScript app with the plan's `MailConnectDomain`.
   * @default - none when there is no plan
   */
  readonly typescript?: string;
  readonly status: OnboardStatus;
  readonly exitCode: OnboardExitCode;
}

/** Options of {@link onboardOutcome}. */
export interface OnboardOutcomeOptions {
  /**
   * The mail-connect product.
   * @default "pro"
   */
  readonly product?: MailConnectProduct;
  /**
   * The DNS provider the zone is at.
   * @default - guessed from the zone's NS records (`guessDnsProvider`)
   */
  readonly provider?: DnsProviderKind;
  /**
   * The planner.
   * @default planOnboarding
   */
  readonly planner?: (live: LiveMailZone, options: OnboardingOptions) => OnboardingPlan;
  /**
   * The TypeScript generator.
   * @default onboardingTypeScript
   */
  readonly generator?: (plan: OnboardingPlan, options: OnboardingTypeScriptOptions) => string;
}

/**
 * The questions a plan cannot be made without: the domain's SOA, MX and TXT (SPF and the
 * values kept beside it) and its DMARC record. When one could not be answered (a timeout,
 * SERVFAIL, a refusal) a plan would replace records it never saw.
 */
export function essentialQuestions(domain: string): OnboardingQuestion[] {
  return [
    { name: domain, type: "SOA" },
    { name: domain, type: "MX" },
    { name: domain, type: "TXT" },
    { name: `_dmarc.${domain}`, type: "TXT" },
  ];
}

/** The essential answers of `live` that are errors. */
export function unreadEssentials(live: LiveMailZone): LiveAnswer[] {
  return essentialQuestions(live.domain).flatMap((q) => live.answers.filter((a) => a.name === q.name && a.type === q.type && a.result.status === "error"));
}

/** Plans the move from the live records, when the essential ones were read; picks the provider; sets status and exit code. */
export function onboardOutcome(live: LiveMailZone, options: OnboardOutcomeOptions = {}): OnboardOutcome {
  const product = options.product ?? "pro";
  const providerGuess = options.provider === undefined ? guessDnsProvider(zoneNameServers(live)) : undefined;
  const provider = options.provider ?? providerGuess!.provider;
  const base = { live, product, provider, ...(providerGuess !== undefined ? { providerGuess } : {}) };
  const unread = unreadEssentials(live);
  if (unread.length > 0) return { ...base, unread, status: "unreadable", exitCode: ONBOARD_EXIT.error };
  const plan = (options.planner ?? planOnboarding)(live, { product });
  const typescript = (options.generator ?? onboardingTypeScript)(plan, { provider });
  const blocked = plan.status === "blocked";
  return { ...base, unread, plan, typescript, status: blocked ? "blocked" : "ready", exitCode: blocked ? ONBOARD_EXIT.blocked : ONBOARD_EXIT.ready };
}
