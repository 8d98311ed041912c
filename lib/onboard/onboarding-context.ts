/**
 * What the sections of `planOnboarding` share: the context they read and write, and the
 * comparison of live with planned values.
 */
import { MailConnectProduct } from "../mail-connect/options";
import { PlannedRecord } from "../plan/record-plan";
import { canonicalRdata } from "../verify/rdata";
import { DmarcMerge } from "./dmarc-merge";
import { LiveAnswers } from "./live-answers";
import { FoundSelector, OldHost } from "./old-mail-host";
import { OnboardingBuilder } from "./onboarding-builder";
import { OnboardingAction } from "./onboarding-plan";
import { SpfMerge } from "./spf-merge";

/** What every section reads and writes. */
export interface OnboardingContext {
  /** The mail domain: lowercase ASCII, no trailing dot. */
  readonly domain: string;
  readonly product: MailConnectProduct;
  /** The live answers. */
  readonly answers: LiveAnswers;
  /** Where the sections put changes, risks and steps. */
  readonly b: OnboardingBuilder;
  /** The mail host that serves the domain today, if any. */
  readonly old?: OldHost;
  /** The live SPF record(s) mapped onto the options. */
  readonly spf: SpfMerge;
  /** The live DMARC record(s) mapped onto the options. */
  readonly dmarc: DmarcMerge;
  /** DKIM selectors found besides mail-connect's. */
  readonly selectors: readonly FoundSelector[];
}

/** The TTL the plan advises for the MX record the day before the switch. */
export const SWITCH_TTL = 300;
/** How long the old host's DKIM selectors stay after the switch. */
export const OLD_SELECTOR_DAYS = 30;

/** A planned record's values in presentation form (`10 mx.mail-connect.net.`, TXT as its text). */
export function presentValues(record: PlannedRecord): string[] {
  switch (record.type) {
    case "MX":
      return record.values.map((v) => `${v.preference} ${v.exchange}.`);
    case "CNAME":
      return record.values.map((v) => `${v.target}.`);
    case "SRV":
      return record.values.map((v) => `${v.priority} ${v.weight} ${v.port} ${v.target}.`);
    case "TXT":
      return record.values.map((v) => v.text);
  }
}

function normalised(type: string, value: string): string {
  if (type === "TXT") return value.split(";").map((s) => s.trim().replace(/\s+/g, " ")).filter((s) => s !== "").join("; ");
  return canonicalRdata(type, value);
}

/** add / unchanged / replace, comparing values as sets in canonical form. */
export function actionFor(type: string, current: readonly string[], planned: readonly string[]): OnboardingAction {
  if (current.length === 0) return "add";
  const a = new Set(current.map((v) => normalised(type, v)));
  const b = new Set(planned.map((v) => normalised(type, v)));
  return a.size === b.size && [...a].every((v) => b.has(v)) ? "unchanged" : "replace";
}

/** The planned record of `purpose`, if the plan has one. */
export function plannedRecord(records: readonly PlannedRecord[], purpose: PlannedRecord["purpose"]): PlannedRecord | undefined {
  return records.find((r) => r.purpose === purpose);
}

/** The note of a change whose live values could not be read (the plan treats them as absent). */
export function unreadNote(ctx: OnboardingContext, name: string, type: "MX" | "TXT"): { note: string } | Record<string, never> {
  const why = ctx.answers.unreadableReason(name, type);
  return why === undefined ? {} : { note: `could not be read, treated as absent: ${why}` };
}
