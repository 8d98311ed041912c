/**
 * OnboardingPlans built by hand for the TypeScript generator's tests, without the planner:
 * `handMadePlan` checks the options with `planMailConnectRecords` (so they are valid), and
 * makes one change per planned record from the live values given per purpose.
 */
import { MailConnectRecordOptions } from "../../../lib/mail-connect/options";
import { OnboardingChange, OnboardingPlan, OnboardingRisk } from "../../../lib/onboard/onboarding-plan";
import { planToRrsets } from "../../../lib/plan/dns-rrset";
import { planMailConnectRecords } from "../../../lib/plan/plan-records";
import { RecordPurpose } from "../../../lib/plan/record-plan";

/** What a hand-made plan is built from. */
export interface HandMadePlanInput {
  readonly options: MailConnectRecordOptions;
  /** @default - the domain */
  readonly zone?: string;
  readonly unicodeDomain?: string;
  /** Live values per planned purpose (presentation form; TXT as its text). */
  readonly live?: Partial<Record<RecordPurpose, readonly string[]>>;
  /** Notes per planned purpose. */
  readonly notes?: Partial<Record<RecordPurpose, string>>;
  /** Records the plan does not write (old autodiscover, other DKIM selectors). */
  readonly others?: readonly OnboardingChange[];
  /** @default - every purpose with live values */
  readonly adopt?: readonly RecordPurpose[];
  readonly risks?: readonly OnboardingRisk[];
}

/** A valid OnboardingPlan for `input` (throws MailConnectValidationError for invalid options). */
export function handMadePlan(input: HandMadePlanInput): OnboardingPlan {
  const records = planMailConnectRecords(input.options);
  const live = input.live ?? {};
  const changes: OnboardingChange[] = records.records.map((record) => {
    const current = live[record.purpose] ?? [];
    const [rrset] = planToRrsets({ ...records, records: [record] });
    const planned = record.type === "TXT" ? record.values.map((value) => value.text) : [...rrset.rdata];
    const same = current.length === planned.length && current.every((value) => planned.includes(value));
    return {
      purpose: record.purpose,
      name: record.name,
      type: record.type,
      current,
      planned,
      action: current.length === 0 ? "add" : same ? "unchanged" : "replace",
      ...(input.notes?.[record.purpose] !== undefined ? { note: input.notes[record.purpose] } : {}),
    };
  });
  const risks = input.risks ?? [];
  const spfRecord = records.records.find((record) => record.purpose === "spf");
  return {
    domain: records.domain,
    ...(input.unicodeDomain !== undefined ? { unicodeDomain: input.unicodeDomain } : {}),
    zone: input.zone ?? records.domain,
    product: input.options.product ?? "pro",
    status: risks.some((risk) => risk.severity === "blocking") ? "blocked" : "ready",
    options: input.options,
    adopt: input.adopt ?? (Object.keys(live) as RecordPurpose[]).filter((purpose) => records.records.some((record) => record.purpose === purpose)),
    changes: [...changes, ...(input.others ?? [])],
    spf: { text: spfRecord?.type === "TXT" ? spfRecord.values[0].text : "", lookups: 1, limit: 10, breakdown: [], unread: [] },
    risks,
    steps: [],
  };
}
