/**
 * The report as people read it: one table per domain (record, expected, found, ✔/✘, hint),
 * long values shortened in the middle (the `--json` output has them whole), then a summary.
 */
import { VerifyCheck, VerifyDomainReport, VerifyReport, VerifyStatus } from "./verify-report";

/** The mark of each status in the ✔/✘ column. */
export const STATUS_MARK: Record<VerifyStatus, string> = { ok: "✔", mismatch: "✘", error: "?", skipped: "–" };

const MAX_LABEL = 60;
const MAX_VALUE = 48;
const NONE = "(none)";

/** `text` cut to `max` characters with "…" in the middle, so both ends stay readable. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function domainHeading(report: VerifyDomainReport): string {
  const total = report.checks.length;
  const count = (status: VerifyStatus) => report.checks.filter((c) => c.status === status).length;
  const source = report.source !== undefined ? ` (${report.source})` : "";
  let verdict = `${STATUS_MARK.ok} all ${total} checks passed`;
  if (report.status === "mismatch") verdict = `${STATUS_MARK.mismatch} ${count("mismatch")} of ${total} checks failed`;
  if (report.status === "error") {
    const failed = count("mismatch") > 0 ? `, ${count("mismatch")} failed` : "";
    verdict = `${STATUS_MARK.error} ${count("error")} of ${total} checks could not be made${failed}`;
  }
  return `${report.domain}${source}: ${verdict}`;
}

/** The lines of one row: one per value, the hint on the first. */
function rowLines(check: VerifyCheck, widths: readonly number[]): string[] {
  const expected = check.expected.length > 0 ? check.expected.map((v) => shorten(v, MAX_VALUE)) : [NONE];
  const found = check.found.length > 0 ? check.found.map((v) => shorten(v, MAX_VALUE)) : [NONE];
  const lines: string[] = [];
  for (let i = 0; i < Math.max(expected.length, found.length); i++) {
    const cells = [i === 0 ? shorten(check.label, MAX_LABEL) : "", expected[i] ?? "", found[i] ?? "", i === 0 ? STATUS_MARK[check.status] : ""];
    const hint = i === 0 && check.hint !== undefined ? check.hint : "";
    lines.push(`  ${cells.map((c, j) => pad(c, widths[j])).join("  ")}  ${hint}`.trimEnd());
  }
  return lines;
}

/** The table of one domain. */
export function formatDomainTable(report: VerifyDomainReport): string {
  const header = ["record", "expected", "found", "✔/✘"];
  const widths = header.map((h) => h.length);
  for (const check of report.checks) {
    const cells = [
      [shorten(check.label, MAX_LABEL)],
      check.expected.length > 0 ? check.expected.map((v) => shorten(v, MAX_VALUE)) : [NONE],
      check.found.length > 0 ? check.found.map((v) => shorten(v, MAX_VALUE)) : [NONE],
      [STATUS_MARK[check.status]],
    ];
    cells.forEach((values, j) => values.forEach((v) => (widths[j] = Math.max(widths[j], [...v].length))));
  }
  const head = `  ${header.map((h, j) => pad(h, widths[j])).join("  ")}  hint`;
  return [domainHeading(report), head, ...report.checks.flatMap((c) => rowLines(c, widths))].join("\n");
}

/** The closing line: how many domains passed, failed, or could not be checked. */
export function formatSummary(report: VerifyReport): string {
  const { summary } = report;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const checked = `${plural(summary.domains, "domain", "domains")} checked against ${report.resolver}`;
  if (report.exitCode === 0) return `${STATUS_MARK.ok} ${checked}: everything matches.`;
  const domains = [`${summary.ok} ok`, ...(summary.mismatch > 0 ? [`${summary.mismatch} with mismatches`] : []), ...(summary.error > 0 ? [`${summary.error} not fully checked`] : [])];
  const checks = [
    ...(summary.failedChecks > 0 ? [plural(summary.failedChecks, "failed check", "failed checks")] : []),
    ...(summary.errorChecks > 0 ? [`${plural(summary.errorChecks, "check", "checks")} could not be made`] : []),
  ];
  const mark = report.exitCode === 2 ? STATUS_MARK.error : STATUS_MARK.mismatch;
  return `${mark} ${checked}: ${domains.join(", ")} (${checks.join(", ")}).`;
}

/** The whole report as text: the domain tables, a blank line between them, and the summary. */
export function formatReportTable(report: VerifyReport): string {
  return [...report.domains.map(formatDomainTable), formatSummary(report)].join("\n\n") + "\n";
}
