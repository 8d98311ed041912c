/**
 * `--junit FILE`: the report as JUnit XML, which GitLab, GitHub Actions reporters and Jenkins
 * show natively: one `<testsuite>` per domain, one `<testcase>` per check; a mismatch is a
 * `<failure>` (message: the hint; text: expected and found), a check that could not be made
 * an `<error>`, a skipped one `<skipped>`. Text that XML 1.0 cannot hold (control
 * characters) is written as visible escapes.
 */
import * as fs from "fs";
import { printable } from "./terminal-text";
import { VerifyCheck, VerifyReport } from "./verify-report";
import { VerifyInputError } from "./verify-input-error";

/** XML-escaped, with characters XML 1.0 forbids and terminal controls shown as escapes. */
function xml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function details(check: VerifyCheck): string {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join("\n          ") : "(none)");
  return [`expected: ${list(check.expected)}`, `found:    ${list(check.found)}`, ...(check.note !== undefined ? [`note:     ${check.note}`] : [])].join("\n");
}

function testcase(domain: string, check: VerifyCheck): string {
  const open = `    <testcase classname="${xml(domain)}" name="${xml(check.label)}"`;
  const message = check.hint ?? (check.status === "error" ? "could not check" : "differs");
  switch (check.status) {
    case "mismatch":
      return `${open}>\n      <failure message="${xml(message)}" type="${check.check}">${xml(details(check))}</failure>\n    </testcase>`;
    case "error":
      return `${open}>\n      <error message="${xml(message)}" type="${check.check}">${xml(details(check))}</error>\n    </testcase>`;
    case "skipped":
      return `${open}>\n      <skipped message="${xml(check.hint ?? "nothing to check")}"/>\n    </testcase>`;
    default:
      return check.note !== undefined ? `${open}>\n      <system-out>${xml(`note: ${check.note}`)}</system-out>\n    </testcase>` : `${open}/>`;
  }
}

/** The report as a JUnit XML document. */
export function reportToJunit(report: VerifyReport): string {
  const count = (checks: readonly VerifyCheck[], status: VerifyCheck["status"]) => checks.filter((c) => c.status === status).length;
  const all = report.domains.flatMap((d) => d.checks);
  const suites = report.domains.map((d) => {
    const attributes = `name="${xml(d.domain)}" tests="${d.checks.length}" failures="${count(d.checks, "mismatch")}" errors="${count(d.checks, "error")}" skipped="${count(d.checks, "skipped")}"`;
    return `  <testsuite ${attributes}>\n${d.checks.map((c) => testcase(d.domain, c)).join("\n")}\n  </testsuite>`;
  });
  const totals = `tests="${all.length}" failures="${count(all, "mismatch")}" errors="${count(all, "error")}" skipped="${count(all, "skipped")}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cdktf-mail-connect verify" ${totals}>\n${suites.join("\n")}\n</testsuites>\n`;
}

/**
 * Writes the JUnit report to `file`.
 * @throws VerifyInputError when the file cannot be written
 */
export function writeJunit(file: string, report: VerifyReport): void {
  try {
    fs.writeFileSync(file, reportToJunit(report));
  } catch (error) {
    throw new VerifyInputError([`--junit: cannot write "${file}": ${(error as Error).message}`]);
  }
}
