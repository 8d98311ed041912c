/**
 * The `--json` output: a stable, documented shape for pipelines. Every key is always present
 * (`null` when empty); new keys may be added, none removed or renamed without a new `schema`.
 *
 * Schema 2 (`cdktf-mail-connect/verify@2`) adds to schema 1: `recursiveResolver`; per domain
 * `unicode` and `nameServers`; per check `note` and `servers`. A TXT record with the expected
 * text in other character-strings is `ok` with a `note` (schema 1 called it a mismatch); the
 * SPF lookup row's `found` reads `"1, 0 void"` (schema 1: `"1"`).
 */
import { domainToUnicode } from "url";
import { terminalSafeJson } from "./terminal-text";
import { VerifyCheckKind, VerifyDomainStatus, VerifyExitCode, VerifyReport, VerifyServerView, VerifyStatus, VerifySummary } from "./verify-report";

/** The schema id in every JSON document. */
export const VERIFY_JSON_SCHEMA = "cdktf-mail-connect/verify@2";

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
  /** Since schema 2. */
  readonly note: string | null;
  /** Since schema 2: each name server's view when they disagree (`--authoritative`). */
  readonly servers: readonly VerifyServerView[] | null;
}

/** The JSON document `verify --json` prints. */
export interface VerifyJson {
  readonly schema: typeof VERIFY_JSON_SCHEMA;
  readonly exitCode: VerifyExitCode;
  readonly resolver: string;
  /** Since schema 2. */
  readonly recursiveResolver: string;
  readonly summary: VerifySummary;
  readonly domains: ReadonlyArray<{
    readonly domain: string;
    /** Since schema 2: the domain in Unicode when it is an IDN, else null. */
    readonly unicode: string | null;
    readonly source: string | null;
    /** Since schema 2: with `--authoritative`, the zone and the name servers asked. */
    readonly nameServers: { readonly zone: string; readonly servers: readonly string[] } | null;
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
    recursiveResolver: report.recursiveResolver,
    summary: report.summary,
    domains: report.domains.map((d) => {
      const unicode = domainToUnicode(d.domain);
      return {
        domain: d.domain,
        unicode: unicode !== "" && unicode !== d.domain ? unicode : null,
        source: d.source ?? null,
        nameServers: d.nameServers ?? null,
        status: d.status,
        checks: d.checks.map((c) => ({
          check: c.check,
          label: c.label,
          name: c.name,
          type: c.type,
          status: c.status,
          expected: c.expected,
          found: c.found,
          hint: c.hint ?? null,
          note: c.note ?? null,
          servers: c.servers ?? null,
        })),
      };
    }),
  };
}

/**
 * The JSON text: `JSON.stringify` escapes C0 controls; DEL, C1 controls and invisible or
 * bidirectional format characters are escaped too (`\u009b`), so `cat report.json` on a
 * terminal shows DNS data instead of obeying it. The values are unchanged.
 */
export function reportJsonText(report: VerifyReport): string {
  return `${terminalSafeJson(JSON.stringify(reportToJson(report), null, 2))}\n`;
}
