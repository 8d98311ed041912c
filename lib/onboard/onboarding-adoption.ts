/**
 * The `adopt` of the generated app: the plan's adopted purposes as
 * `RecordAdoption.route53([...])` / `RecordAdoption.recordSets([...])` where the provider
 * computes import ids, or `RecordAdoption.cloudflare({...})` with one placeholder per existing
 * record where only the provider's API knows the record ids, each with the API call that lists
 * it (the provider's `ProviderAppCode.adoption` says which).
 */
import { PlannedRecord, RecordPurpose } from "../plan/record-plan";
import { changeFor, changeSummary } from "./onboarding-comments";
import { OnboardingPlan } from "./onboarding-plan";
import { ONBOARDING_PLACEHOLDER, OnboardingProviderSetup } from "./onboarding-providers";
import { TsCall, ValuePath } from "./typescript-source";

/** The `adopt` value and the comments on its parts (paths under `adopt`). */
export interface OnboardingAdoption {
  readonly value: TsCall;
  readonly comments: ReadonlyMap<ValuePath, string>;
}

/** The plan's adopted purposes, each once, in the plan's order. */
function adoptedPurposes(plan: OnboardingPlan): RecordPurpose[] {
  return [...new Set(plan.adopt)];
}

/** The adoption for the plan, or undefined when nothing exists that must be adopted. */
export function onboardingAdoption(plan: OnboardingPlan, setup: OnboardingProviderSetup, records: readonly PlannedRecord[]): OnboardingAdoption | undefined {
  const purposes = adoptedPurposes(plan);
  if (purposes.length === 0) return undefined;
  const comments = new Map<ValuePath, string>();
  const adoption = setup.adoption;
  if (adoption.importIds === "computed") {
    comments.set("adopt", "Existing record sets are imported (Terraform >= 1.6), not created; each gets exactly the planned values.");
    purposes.forEach((purpose, index) => {
      const summary = changeSummary(changeFor(plan, purpose));
      if (summary !== undefined) comments.set(`adopt[${index}]`, summary);
    });
    return { value: new TsCall(adoption.factory, purposes), comments };
  }
  comments.set("adopt", adoption.idSource);
  const ids: Record<string, unknown> = {};
  for (const purpose of purposes.filter((candidate) => candidate !== "text")) {
    const record = records.find((candidate) => candidate.purpose === purpose);
    const change = changeFor(plan, purpose);
    const type = record?.type ?? change?.type ?? "TXT";
    const name = record?.name ?? change?.name ?? plan.domain;
    ids[purpose] = ONBOARDING_PLACEHOLDER;
    const which = purpose === "spf" ? ", the v=spf1 record" : purpose === "mx" && (change?.current.length ?? 0) > 1 ? `, one of the ${change!.current.length} there now; delete the others when you deploy` : "";
    comments.set(`adopt.${purpose}`, `${adoption.listCall(type, name)}${which}`);
  }
  if (purposes.includes("text")) {
    const extra = plan.options.extraTxt ?? [];
    const live = new Set(plan.changes.filter((change) => change.type === "TXT" && change.name === plan.domain).flatMap((change) => change.current));
    const existing = extra.filter((text) => live.has(text));
    // No prototype: an extraTxt value "__proto__" must become a key like any other.
    const text = Object.create(null) as Record<string, unknown>;
    for (const value of existing.length > 0 ? existing : extra) {
      text[value] = ONBOARDING_PLACEHOLDER;
      comments.set(`adopt.text.${value}`, `${adoption.listCall("TXT", plan.domain)}, the record with this value`);
    }
    ids.text = text;
  }
  return { value: new TsCall(adoption.factory, ids), comments };
}
