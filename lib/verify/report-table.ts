/**
 * The report as people read it, at any number of domains: a passing domain is one line (its
 * notes shortened on it), a failing domain gets a heading and its failing checks expanded
 * (expected, found, the hint wrapped), the summary line last. Everything fits the width
 * (`--wide`: whole values; `--json`: everything), and every piece of DNS data is escaped.
 */
import { displayDomain, elide, firstDifference, printable, wrap } from "./terminal-text";
import { VerifyCheck, VerifyDomainReport, VerifyReport, VerifyStatus } from "./verify-report";

/** The mark of each status. */
export const STATUS_MARK: Record<VerifyStatus, string> = { ok: "✔", mismatch: "✘", error: "?", skipped: "–" };

/** How to lay the report out. */
export interface TableOptions {
  /**
   * Columns to fit; `Infinity` for whole values (`--wide`).
   * @default 100
   */
  readonly width?: number;
  /**
   * Every check of every domain, passing ones too (`--all-checks`).
   * @default false
   */
  readonly allChecks?: boolean;
}

/** The default width when the output is not a terminal and `COLUMNS` is not set. */
export const DEFAULT_WIDTH = 100;
const NONE = "(none)";
const INDENT = "  ";
const DETAIL = "      ";

/** The width for the output: `--wide` → unlimited; a terminal's columns; `COLUMNS`; else `fallback` (100). */
export function outputWidth(stream: { readonly isTTY?: boolean; readonly columns?: number }, wide: boolean, env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_WIDTH): number {
  if (wide) return Infinity;
  if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : fallback;
}

function fit(text: string, width: number): string {
  return Number.isFinite(width) ? elide(text, width) : text;
}

/** `text` cut at the end (a line whose start matters most: the domain and its verdict). */
function fitEnd(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join("")}…`;
}

function failedCount(report: VerifyDomainReport): string {
  const total = report.checks.length;
  const count = (status: VerifyStatus) => report.checks.filter((c) => c.status === status).length;
  if (report.status === "ok") return `all ${total} checks passed`;
  if (report.status === "mismatch") return `${count("mismatch")} of ${total} checks failed`;
  return `${count("error")} of ${total} checks could not be made${count("mismatch") > 0 ? `, ${count("mismatch")} failed` : ""}`;
}

function heading(report: VerifyDomainReport): string {
  const source = report.source !== undefined ? ` (${printable(report.source)})` : "";
  return `${STATUS_MARK[report.status === "ok" ? "ok" : report.status]} ${displayDomain(report.domain)}${source}: ${failedCount(report)}`;
}

/** The short name of a check for a one-line note: `DKIM`, `SPF`, `MX`. */
function shortName(check: VerifyCheck): string {
  const names: Partial<Record<VerifyCheck["check"], string>> = { spf: "SPF", txt: "TXT", dkim: "DKIM", dmarc: "DMARC", mx: "MX", "spf-lookups": "SPF lookups" };
  return names[check.check] ?? check.label;
}

/** The one line of a passing domain, with its record notes (the SPF breakdown is left to --all-checks). */
function passingLine(report: VerifyDomainReport, width: number): string {
  const notes = report.checks.filter((c) => c.note !== undefined && c.check !== "spf-lookups").map((c) => `${shortName(c)}: ${printable(c.note!)}`);
  return fitEnd(`${heading(report)}${notes.length > 0 ? ` · ${notes.join("; ")}` : ""}`, width);
}

/** A passing row in one line: mark, label, what was found, the note. */
function passingRow(check: VerifyCheck, width: number): string {
  const found = check.found.length > 0 ? check.found.map(printable).join(", ") : NONE;
  const note = check.note !== undefined ? ` (${printable(check.note)})` : "";
  return fitEnd(`${INDENT}${STATUS_MARK[check.status]} ${printable(check.label)}  ${found}${note}`, width);
}

/** A failing row: the label, expected and found values (shortened around the difference), the hint wrapped. */
function failingRow(check: VerifyCheck, width: number): string[] {
  const lines = [fit(`${INDENT}${STATUS_MARK[check.status]} ${printable(check.label)}`, width)];
  const expected = check.expected.map(printable);
  const found = check.found.map(printable);
  const valueWidth = width - DETAIL.length - "expected  ".length;
  const values = (title: string, list: readonly string[], other: readonly string[]) =>
    (list.length > 0 ? list : [NONE]).map((v, i) => {
      const counterpart = other[i] ?? other[0];
      const focus = counterpart !== undefined ? firstDifference(v, counterpart) : undefined;
      return `${DETAIL}${i === 0 ? title.padEnd(10) : " ".repeat(10)}${Number.isFinite(valueWidth) ? elide(v, valueWidth, focus) : v}`;
    });
  if (check.status !== "error" || check.found.length > 0) lines.push(...values("expected", expected, found), ...values("found", found, expected));
  for (const text of [check.hint, check.note]) {
    if (text !== undefined) lines.push(...wrap(printable(text), width - DETAIL.length).map((l) => `${DETAIL}${l}`));
  }
  return lines;
}

/**
 * Checks that could not be made for the same reason (an unreachable server stops them all),
 * as one block: their labels and the reason once. Undefined when the reason is not shared.
 */
function sharedErrorBlock(errors: readonly VerifyCheck[], width: number): string[] | undefined {
  if (errors.length < 2 || errors.some((c) => c.hint !== errors[0].hint)) return undefined;
  const labels = errors.map((c) => printable(c.label)).join(", ");
  return [fitEnd(`${INDENT}${STATUS_MARK.error} ${errors.length} checks could not be made: ${labels}`, width), ...wrap(printable(errors[0].hint ?? ""), width - DETAIL.length).map((l) => `${DETAIL}${l}`)];
}

/** Whether a domain takes one line: it passed, or nothing could be checked for one reason (given once on stderr). */
function oneLine(report: VerifyDomainReport, options: TableOptions): boolean {
  if (options.allChecks) return false;
  if (report.status === "ok") return true;
  return report.checks.length > 0 && report.checks.every((c) => c.status === "error" && c.hint === report.checks[0].hint);
}

/** The reason shared by every check of a domain, for its one line. */
function reasonOf(check: VerifyCheck): string {
  return printable((check.hint ?? "").replace(/^Could not check: /, "").replace(/\.$/, ""));
}

/** The lines of one domain. */
export function formatDomainTable(report: VerifyDomainReport, options: TableOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  if (report.status === "ok" && !options.allChecks) return passingLine(report, width);
  if (oneLine(report, options)) return fitEnd(`${heading(report)}: ${reasonOf(report.checks[0])}`, width);
  const lines = [fit(heading(report), width)];
  if (report.nameServers !== undefined && options.allChecks) lines.push(fit(`${INDENT}zone ${report.nameServers.zone}, name servers ${report.nameServers.servers.join(", ")}`, width));
  const errors = report.checks.filter((c) => c.status === "error");
  const shared = options.allChecks ? undefined : sharedErrorBlock(errors, width);
  for (const check of report.checks) {
    if (check.status === "error" && shared !== undefined) continue;
    const failing = check.status === "mismatch" || check.status === "error";
    if (failing) lines.push(...failingRow(check, width));
    else if (options.allChecks || (check.note !== undefined && check.check !== "spf-lookups")) lines.push(passingRow(check, width));
  }
  return [...lines, ...(shared ?? [])].join("\n");
}

/** The closing line: how many domains passed, failed, or could not be checked. */
export function formatSummary(report: VerifyReport): string {
  const { summary } = report;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const checked = `${plural(summary.domains, "domain", "domains")} checked against ${printable(report.resolver)}`;
  if (report.exitCode === 0) return `${STATUS_MARK.ok} ${checked}: everything matches.`;
  const domains = [`${summary.ok} ok`, ...(summary.mismatch > 0 ? [`${summary.mismatch} with mismatches`] : []), ...(summary.error > 0 ? [`${summary.error} not fully checked`] : [])];
  const checks = [
    ...(summary.failedChecks > 0 ? [plural(summary.failedChecks, "failed check", "failed checks")] : []),
    ...(summary.errorChecks > 0 ? [`${summary.errorChecks} not made`] : []),
  ];
  const mark = report.exitCode === 2 ? STATUS_MARK.error : STATUS_MARK.mismatch;
  return `${mark} ${checked}: ${domains.join(", ")} (${checks.join(", ")}).`;
}

/**
 * The whole report as text: one line per passing domain (and per domain that could not be
 * checked at all, for one reason), failing domains expanded (a blank line around each), where
 * other names were asked when that differs, and the summary last.
 */
export function formatReportTable(report: VerifyReport, options: TableOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const blocks: string[] = [];
  let passing: string[] = [];
  for (const domain of report.domains) {
    const text = formatDomainTable(domain, options);
    if (oneLine(domain, options)) {
      passing.push(text);
      continue;
    }
    if (passing.length > 0) blocks.push(passing.join("\n"));
    passing = [];
    blocks.push(text);
  }
  if (passing.length > 0) blocks.push(passing.join("\n"));
  const recursive = report.recursiveResolver !== report.resolver ? wrap(`Other names (SPF includes, mail-connect's hosts) asked through ${printable(report.recursiveResolver)}.`, width) : [];
  const summary = wrap(formatSummary(report), width).join("\n");
  return `${[...blocks, [...recursive, summary].join("\n")].join("\n\n")}\n`;
}
