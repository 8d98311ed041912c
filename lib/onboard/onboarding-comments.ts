/**
 * The comments of the generated app, from the plan's changes and risks: what is kept from
 * live DNS (`kept: site verification`), what the plan decided per record (`replace: old host
 * ...`), and the risk ids to look up in the onboard report. Everything from DNS goes through
 * `commentText` when written (see typescript-source.ts).
 */
import { RecordPurpose } from "../plan/record-plan";
import { OnboardingChange, OnboardingPlan } from "./onboarding-plan";
import { ValuePath } from "./typescript-source";

/** Lowercase, for comparing SPF terms and names. */
const lower = (text: string) => text.toLowerCase();

/** The change for a planned purpose (the first one: the planner lists planned records first). */
export function changeFor(plan: OnboardingPlan, purpose: RecordPurpose): OnboardingChange | undefined {
  return plan.changes.find((change) => change.purpose === purpose);
}

/** `action` and the plan's note, e.g. `replace: old host: Microsoft 365`. */
export function changeSummary(change: OnboardingChange | undefined): string | undefined {
  if (change === undefined) return undefined;
  return change.note === undefined || change.note === "" ? change.action : `${change.action}: ${change.note}`;
}

/** The TXT values at the domain's own name now (SPF and others). */
function apexTexts(plan: OnboardingPlan): string[] {
  return plan.changes.filter((change) => change.type === "TXT" && lower(change.name) === lower(plan.domain)).flatMap((change) => change.current);
}

/** The terms of the SPF records now, lowercase, without qualifiers. */
function currentSpfTerms(plan: OnboardingPlan): Set<string> {
  const terms = apexTexts(plan)
    .filter((text) => /^v=spf1(\s|$)/i.test(text))
    .flatMap((text) => text.split(/\s+/).slice(1))
    .map((term) => lower(term.replace(/^[-+~?]/, "")));
  return new Set(terms);
}

/** Ids of the risks whose message or action names `text` (a host name, an SPF term). */
function risksNaming(plan: OnboardingPlan, text: string): string[] {
  const needle = lower(text);
  return [...new Set(plan.risks.filter((risk) => lower(`${risk.message} ${risk.action}`).includes(needle)).map((risk) => risk.id))];
}

/** What a kept TXT value is, when it is a common kind (the plan keeps it either way). */
function textKind(text: string): string | undefined {
  if (/verification|verify|^ms=/i.test(text)) return "site verification";
  return undefined;
}

/**
 * Comments for the options as `tsValueLines` lays them out: on `spf` and `dmarc` the plan's
 * note for that record, on each SPF term and `extraTxt` value whether it is kept from live DNS
 * and which risks name it.
 */
export function optionComments(plan: OnboardingPlan): Map<ValuePath, string> {
  const comments = new Map<ValuePath, string>();
  const options = plan.options;
  for (const purpose of ["spf", "dmarc"] as const) {
    const note = changeFor(plan, purpose)?.note;
    if (note !== undefined && note !== "") comments.set(purpose, note);
  }
  const spfTerms = currentSpfTerms(plan);
  for (const [mechanism, entries] of [
    ["include", options.spf?.include],
    ["ip4", options.spf?.ip4],
    ["ip6", options.spf?.ip6],
  ] as const) {
    (entries ?? []).forEach((entry, index) => {
      const kept = spfTerms.has(lower(`${mechanism}:${entry}`)) ? ["kept"] : [];
      const risks = risksNaming(plan, entry).map((id) => `risk ${id}`);
      if (kept.length + risks.length > 0) comments.set(`spf.${mechanism}[${index}]`, [...kept, ...risks].join("; "));
    });
  }
  const texts = new Set(apexTexts(plan));
  (options.extraTxt ?? []).forEach((text, index) => {
    if (!texts.has(text)) return;
    const kind = textKind(text);
    comments.set(`extraTxt[${index}]`, kind === undefined ? "kept" : `kept: ${kind}`);
  });
  return comments;
}

/** Comment width of the header: its lines are wrapped at spaces to this many characters. */
const HEADER_WIDTH = 100;

/** `text` wrapped at spaces to `width` characters (a longer word stays whole on its line). */
function wrapComment(text: string, width = HEADER_WIDTH): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * The header: what the file is, the binding it imports, the plan's status, each risk with what
 * to do, and what is left to do by hand; wrapped to lines of at most 100 characters (a risk's
 * continuation lines are indented).
 */
export function headerComments(plan: OnboardingPlan, providerTitle: string, placeholders: boolean, bindingInstall?: string): string[] {
  const idn = plan.unicodeDomain !== undefined && plan.unicodeDomain !== plan.domain ? ` (${plan.unicodeDomain})` : "";
  const lines = [
    `mail-connect ${plan.product.toUpperCase()} for ${plan.domain}${idn}; DNS zone ${plan.zone} at ${providerTitle}.`,
    "Written by `cdktf-mail-connect onboard` from the domain's live DNS: review it, run `cdktf diff`",
    "(adopted records show as imports with their changes), then `cdktf deploy`.",
  ];
  if (bindingInstall !== undefined) lines.push(`Needs the provider binding: ${bindingInstall}`);
  if (placeholders) lines.push("Fill in every placeholder (<CHANGE-ME>) first: `cdktf synth` names each one it can check.");
  const blocking = plan.risks.filter((risk) => risk.severity === "blocking");
  lines.push(plan.status === "blocked" || blocking.length > 0 ? `Status: BLOCKED (${blocking.map((risk) => risk.id).join(", ") || "see the report"}): resolve this before deploying.` : "Status: ready.");
  for (const risk of plan.risks) lines.push(...wrapComment(`Risk ${risk.id} (${risk.severity}): ${risk.action}`).map((line, i) => (i === 0 ? line : `  ${line}`)));
  const byHand = plan.changes.filter((change) => change.action === "remove-by-hand" || change.action === "conflict");
  for (const change of byHand) {
    lines.push(...wrapComment(`${change.action === "conflict" ? "Conflict" : "Remove by hand"}: ${change.name} ${change.type}${change.note ? `: ${change.note}` : ""}.`).map((line, i) => (i === 0 ? line : `  ${line}`)));
  }
  return lines;
}
