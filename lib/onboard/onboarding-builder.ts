/**
 * Collects what the planner finds, section by section: changes (planned records first, in the
 * planner's order, then the others), risks (most severe first, otherwise in the order found) and
 * steps (in the order of the switch).
 */
import { RecordPurpose } from "../plan/record-plan";
import { OnboardingChange, OnboardingRisk, OnboardingSeverity, OnboardingStep } from "./onboarding-plan";

/** The order of the planner's records (`planMailConnectRecords`). */
const PURPOSE_ORDER: readonly RecordPurpose[] = ["mx", "autoconfig", "autodiscover", "spf", "text", "dkim", "dmarc", "incoming", "outgoing"];
const SEVERITY_ORDER: readonly OnboardingSeverity[] = ["blocking", "warning", "info"];

/** When a step happens, in the order of the switch. */
export type StepTime = "resolve" | "before" | "review" | "switch" | "after" | "later";

/** Builds the changes, risks and steps of one plan. */
export class OnboardingBuilder {
  private readonly changeList: OnboardingChange[] = [];
  private readonly riskList: OnboardingRisk[] = [];
  private readonly stepList: { readonly time: StepTime; readonly step: OnboardingStep }[] = [];

  /** Adds a change (the order is fixed in `changes`). */
  public change(change: OnboardingChange): void {
    this.changeList.push(change);
  }

  /** Adds a risk; a second risk with the same id and message is dropped. */
  public risk(id: string, severity: OnboardingSeverity, message: string, action: string): void {
    if (this.riskList.some((r) => r.id === id && r.message === message)) return;
    this.riskList.push({ id, severity, message, action });
  }

  /** Adds a step at `time`; `when` is what the plan shows (`1 day before`). */
  public step(time: StepTime, when: string, what: string): void {
    this.stepList.push({ time, step: { when, what } });
  }

  /** Whether any risk is blocking. */
  public get blocked(): boolean {
    return this.riskList.some((r) => r.severity === "blocking");
  }

  /** Planned records first, in the planner's order; then the others, in the order found. */
  public changes(): OnboardingChange[] {
    const rank = (c: OnboardingChange): number => (c.purpose === "other" ? PURPOSE_ORDER.length : PURPOSE_ORDER.indexOf(c.purpose));
    return this.changeList.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i).map(({ c }) => c);
  }

  /** Most severe first, otherwise in the order found. */
  public risks(): OnboardingRisk[] {
    return this.riskList.map((r, i) => ({ r, i })).sort((x, y) => SEVERITY_ORDER.indexOf(x.r.severity) - SEVERITY_ORDER.indexOf(y.r.severity) || x.i - y.i).map(({ r }) => r);
  }

  /** In the order of the switch. */
  public steps(): OnboardingStep[] {
    const order: readonly StepTime[] = ["resolve", "before", "review", "switch", "after", "later"];
    return this.stepList.map((s, i) => ({ s, i })).sort((x, y) => order.indexOf(x.s.time) - order.indexOf(y.s.time) || x.i - y.i).map(({ s }) => s.step);
  }
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A duration in seconds as people say it (`300 s`, `1 hour`, `2 days`). */
export function durationText(seconds: number): string {
  if (seconds % 86400 === 0) return seconds === 86400 ? "1 day" : `${seconds / 86400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  return `${seconds} s`;
}
