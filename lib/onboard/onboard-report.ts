/**
 * The `onboard` report as people read it: the domain (zone, where it was read, the mail host
 * today, the DNS provider and why), the changes per record set (now → after, the action),
 * the SPF lookup count with the terms that cost it, the risks with what to do, the steps,
 * then the TypeScript to paste. Everything fits the width (`--wide`: whole values; the
 * TypeScript is never cut), and every piece of DNS data is escaped for the terminal. The
 * verdict, one line, goes to stderr.
 */
import { PROGRAM } from "../cli-program";
import { columns, displayDomain, printable, wrap } from "../verify/terminal-text";
import { OnboardingChange, OnboardingPlan, OnboardingRisk, OnboardingSeverity } from "./onboarding-plan";
import { OnboardOutcome } from "./onboard-outcome";

/** The width of the report in a pipe (no terminal, no `COLUMNS`). */
export const ONBOARD_PIPE_WIDTH = 80;

/** How to lay the report out. */
export interface OnboardReportOptions {
  /**
   * Columns to fit; `Infinity` for whole values (`--wide`).
   * @default 80
   */
  readonly width?: number;
}

/** The mark of each severity. */
export const SEVERITY_MARK: Record<OnboardingSeverity, string> = { blocking: "✘", warning: "!", info: "i" };

const PURPOSE_LABEL: Record<OnboardingChange["purpose"], string> = {
  mx: "",
  autoconfig: "auto-setup",
  autodiscover: "auto-setup",
  spf: "SPF",
  dkim: "DKIM",
  dmarc: "DMARC",
  incoming: "incoming server",
  outgoing: "outgoing server",
  text: "other TXT",
  other: "",
};

/** Left of a field label, then the value. */
const FIELD = 16;
/** Where values and notes of a change start. */
const VALUES = 8;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `text` cut at the end to `width` (a heading whose start matters most). */
function fitEnd(text: string, width: number): string {
  const chars = [...text];
  return !Number.isFinite(width) || chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join("")}…`;
}

/** Prose wrapped under `indent`, the first line after `first` (which has the indent's width). */
function hanging(first: string, text: string, indent: number, width: number): string[] {
  return wrap(printable(text), Math.max(20, width - indent)).map((line, i) => `${i === 0 ? first.padEnd(indent) : " ".repeat(indent)}${line}`);
}

/** `left` with `right` at the right edge, or after two spaces when the width is unlimited or too small. */
function withRight(left: string, right: string, width: number): string {
  const gap = Number.isFinite(width) ? width - columns(left) - columns(right) : 0;
  return gap >= 2 ? `${left}${" ".repeat(gap)}${right}` : `${fitEnd(left, Number.isFinite(width) ? width - columns(right) - 2 : Infinity)}  ${right}`;
}

function header(outcome: OnboardOutcome, width: number): string[] {
  const { live, plan } = outcome;
  const lines = [fitEnd(`Moving ${displayDomain(live.domain)} to mail-connect ${outcome.product.toUpperCase()}`, width)];
  const field = (label: string, value: string) => lines.push(...hanging(`  ${label}`, value, FIELD, width));
  field("zone", live.zone ?? "not found (the domain is taken as the zone)");
  field("read from", live.source);
  if (plan !== undefined) {
    const host = plan.oldMailHost;
    field("mail today", host === undefined ? "no other mail host (no MX, or it already points at mail-connect)" : `${host.name}${host.recognised ? "" : " (not recognised)"}, seen in:`);
    // Each piece of evidence starts a line of its own, wrapped under the field.
    for (const evidence of host?.evidence ?? []) lines.push(...hanging("", evidence, FIELD, width));
  }
  field("DNS provider", outcome.providerGuess !== undefined ? `${outcome.provider}, guessed: ${outcome.providerGuess.reason}` : `${outcome.provider} (--provider)`);
  return lines;
}

/**
 * One value, under the marker (`→` after, `=` unchanged): wrapped at its spaces to the width, so
 * that every term of an SPF or DMARC record stays visible for review (only a single word longer
 * than the width, a DKIM key, is shortened).
 */
function valueLines(marker: string, value: string, width: number): string[] {
  const room = width - VALUES;
  const shown = printable(value);
  const parts = Number.isFinite(room) ? wrap(shown, Math.max(8, room)) : [shown];
  return parts.map((part, i) => `${" ".repeat(VALUES - 2)}${i === 0 ? marker : " "} ${part}`);
}

function changeLines(change: OnboardingChange, width: number): string[] {
  const label = PURPOSE_LABEL[change.purpose];
  const lines = [withRight(`  ${change.type.padEnd(5)} ${printable(change.name)}${label !== "" ? ` (${label})` : ""}`, change.action, width)];
  if (change.action === "unchanged") {
    lines.push(...change.current.flatMap((v) => valueLines("=", v, width)));
  } else {
    lines.push(...(change.current.length > 0 ? change.current.flatMap((v) => valueLines(" ", v, width)) : valueLines(" ", "(none)", width)));
    if (change.planned.length > 0) lines.push(...change.planned.flatMap((v, i) => valueLines(i === 0 ? "→" : " ", v, width)));
    else if (change.action === "remove-by-hand") lines.push(...valueLines("→", "(to be deleted by hand)", width));
    else if (change.action !== "keep") lines.push(...valueLines("→", "(none)", width));
  }
  if (change.note !== undefined) lines.push(...hanging("", change.note, VALUES, width));
  return lines;
}

function changesSection(plan: OnboardingPlan, width: number): string[] {
  if (plan.changes.length === 0) return ["Changes: none"];
  return [`Changes (${plural(plan.changes.length, "record set")}: now → after)`, withRight("  type  record", "action", width), ...plan.changes.flatMap((c) => changeLines(c, width))];
}

function spfSection(plan: OnboardingPlan, width: number): string[] {
  const { spf } = plan;
  const over = spf.lookups > spf.limit ? " (over the limit: receivers fail SPF with permerror)" : "";
  const lines = [fitEnd(`SPF lookups: ${spf.lookups} of ${spf.limit}${over}`, width)];
  // A term and its count stay on one line (joined by a no-break space while wrapping).
  const terms = spf.breakdown.map((term) => term.replace(/ (\d+)$/, "\u00a0$1"));
  lines.push(...hanging("  ", terms.length > 0 ? terms.join(" · ") : "no term costs a lookup", 2, width).map((line) => line.replace(/\u00a0/g, " ")));
  if (spf.unread.length > 0) lines.push(...hanging("  ", `not counted (could not be read): ${spf.unread.join(", ")}`, 2, width));
  lines.push(...hanging("  planned  ", spf.text, 11, width));
  return lines;
}

function riskLines(risk: OnboardingRisk, width: number): string[] {
  return [fitEnd(`  ${SEVERITY_MARK[risk.severity]} ${risk.severity.padEnd(8)} ${printable(risk.id)}`, width), ...hanging("", risk.message, 4, width), ...hanging("", `What to do: ${risk.action}`, 4, width)];
}

function risksSection(plan: OnboardingPlan, width: number): string[] {
  if (plan.risks.length === 0) return ["Risks: none"];
  const count = (s: OnboardingSeverity) => plan.risks.filter((r) => r.severity === s).length;
  const counts = [`${count("blocking")} blocking`, plural(count("warning"), "warning"), plural(count("info"), "note")].filter((c) => !c.startsWith("0 "));
  return [`Risks (${counts.join(", ")})`, ...plan.risks.flatMap((r) => riskLines(r, width))];
}

function stepsSection(plan: OnboardingPlan, width: number): string[] {
  if (plan.steps.length === 0) return [];
  const number = String(plan.steps.length).length + 2;
  const when = Math.min(20, Math.max(...plan.steps.map((s) => columns(s.when))));
  return ["Steps", ...plan.steps.flatMap((step, i) => hanging(`  ${`${i + 1}.`.padEnd(number)}${printable(step.when).padEnd(when)}  `, step.what, 2 + number + when + 2, width))];
}

function typeScriptSection(outcome: OnboardingOutcomeWithCode, width: number): string[] {
  return [
    ...hanging("", `TypeScript (${outcome.provider}): paste into your cdktf app, review it, run cdktf diff`, 0, width),
    "",
    ...outcome.typescript.replace(/\n$/, "").split("\n").map(printable),
  ];
}

type OnboardingOutcomeWithCode = OnboardOutcome & { readonly typescript: string };

function unreadSection(outcome: OnboardOutcome, width: number): string[] {
  return [
    "Could not read what the plan is made from, so there is no plan:",
    ...outcome.unread.flatMap((a) => hanging("  ? ", `${a.type} ${a.name}: ${a.result.status === "error" ? a.result.message : a.result.status}`, 4, width)),
  ];
}

/** The report for people (stdout). */
export function formatOnboardReport(outcome: OnboardOutcome, options: OnboardReportOptions = {}): string {
  const width = options.width ?? ONBOARD_PIPE_WIDTH;
  const blocks = [header(outcome, width)];
  if (outcome.plan === undefined) blocks.push(unreadSection(outcome, width));
  else {
    blocks.push(changesSection(outcome.plan, width), spfSection(outcome.plan, width), risksSection(outcome.plan, width));
    const steps = stepsSection(outcome.plan, width);
    if (steps.length > 0) blocks.push(steps);
    if (outcome.typescript !== undefined) blocks.push(typeScriptSection(outcome as OnboardingOutcomeWithCode, width));
  }
  return `${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}

/** The one-line verdict (stderr): ready, blocked with the blocking risks, or what could not be read. */
export function onboardVerdict(outcome: OnboardOutcome): string {
  const domain = displayDomain(outcome.live.domain);
  const { plan } = outcome;
  if (plan === undefined) {
    const asked = outcome.unread.map((a) => `${a.type} ${printable(a.name)}`).join(", ");
    const first = outcome.unread[0]?.result;
    const why = first?.status === "error" ? `: ${printable(first.message)}` : "";
    return `${PROGRAM}: could not read the DNS of ${domain} (${asked})${why}.\n`;
  }
  const changed = plan.changes.filter((c) => c.action !== "keep" && c.action !== "unchanged").length;
  const blocking = plan.risks.filter((r) => r.severity === "blocking");
  if (outcome.status === "blocked") {
    return `${PROGRAM}: ${domain} cannot move to mail-connect yet: ${plural(blocking.length, "blocking risk")} (${blocking.map((r) => printable(r.id)).join(", ")}); see Risks.\n`;
  }
  const warnings = plan.risks.filter((r) => r.severity === "warning").length;
  return `${PROGRAM}: ${domain} is ready to move to mail-connect: ${plural(changed, "record set")} to change${warnings > 0 ? `, ${plural(warnings, "warning")} to review` : ""}.\n`;
}
