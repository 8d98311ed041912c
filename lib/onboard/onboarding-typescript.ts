/** STUB (replaced by the TypeScript-generator branch): `onboardingTypeScript`. */
import type { DnsProviderKind } from "../providers/dns-zone";
import { OnboardingPlan } from "./onboarding-plan";

/** Options of `onboardingTypeScript`. */
export interface OnboardingTypeScriptOptions {
  /** The DNS provider the zone is at (picks the `DnsZone` factory and the adoption). */
  readonly provider: DnsProviderKind;
}

/** A ready-to-paste TypeScript app with the plan's `MailConnectDomain`. */
export function onboardingTypeScript(plan: OnboardingPlan, options: OnboardingTypeScriptOptions): string {
  void plan;
  void options;
  throw new Error("onboardingTypeScript: not implemented yet");
}
