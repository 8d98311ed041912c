/** STUB (replaced by the planner branch): `planOnboarding`. */
import { LiveMailZone, OnboardingOptions, OnboardingPlan } from "./onboarding-plan";

/** Plans the move of a domain to mail-connect from its live records. Pure: no I/O. */
export function planOnboarding(live: LiveMailZone, options: OnboardingOptions = {}): OnboardingPlan {
  void live;
  void options;
  throw new Error("planOnboarding: not implemented yet");
}
