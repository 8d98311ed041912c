/**
 * The `--json` output: a stable, documented shape for pipelines. Every key is always present
 * (`hint` and `source` are `null` when empty); new keys may be added, none removed or renamed
 * without a new `schema`.
 */
import { VerifyCheckKind, VerifyDomainStatus, VerifyExitCode, VerifyReport, VerifyStatus, VerifySummary } from "./verify-report";

/** The schema id in every JSON document. */
export const VERIFY_JSON_SCHEMA = "cdktf-mail-connect/verify@1";

/** One row, as JSON. */
export interface VerifyJsonCheck {
  readonly check: VerifyCheckKind;
  readonly label: string;
  readonly name: string;
  readonly type: string;
  readonly status: VerifyStatus;
  readonly expected: readonly string[];
  readonly found: readonly string[];
  readonly hint: string | null;
}

/** The JSON document `verify --json` prints. */
export interface VerifyJson {
  readonly schema: typeof VERIFY_JSON_SCHEMA;
  readonly exitCode: VerifyExitCode;
  readonly resolver: string;
  readonly summary: VerifySummary;
  readonly domains: ReadonlyArray<{
    readonly domain: string;
    readonly source: string | null;
    readonly status: VerifyDomainStatus;
    readonly checks: readonly VerifyJsonCheck[];
  }>;
}

/** The report in its JSON shape (keys in a fixed order). */
export function reportToJson(report: VerifyReport): VerifyJson {
  return {
    schema: VERIFY_JSON_SCHEMA,
    exitCode: report.exitCode,
    resolver: report.resolver,
    summary: report.summary,
    domains: report.domains.map((d) => ({
      domain: d.domain,
      source: d.source ?? null,
      status: d.status,
      checks: d.checks.map((c) => ({ check: c.check, label: c.label, name: c.name, type: c.type, status: c.status, expected: c.expected, found: c.found, hint: c.hint ?? null })),
    })),
  };
}
