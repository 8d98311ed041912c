/** The `verify` feature: live DNS against what mail-connect needs and what was deployed. */
export { verifyDomains } from "./verify-domains";
export type { VerifyOptions } from "./verify-domains";
export type { DnsServerOptions } from "./dns-roles";
export type { ExpectedMailDomain, ForbiddenRecord } from "./expected-domain";
export { expectedFromOptions, expectedFromOptionsList } from "./expected-from-options";
export type { LabelledOptions } from "./expected-from-options";
export { expectedFromSynth } from "./synth-expected";
export type { SynthExpectation, SynthExpectationOptions } from "./synth-expected";
export { groupRrsetsByDomain } from "./synth-expected";
export type { GroupedDomain } from "./synth-expected";
export { VERIFY_EXIT } from "./verify-report";
export type {
  VerifyCheck,
  VerifyCheckKind,
  VerifyDomainReport,
  VerifyDomainStatus,
  VerifyExitCode,
  VerifyReport,
  VerifyServerView,
  VerifyStatus,
  VerifySummary,
} from "./verify-report";
export { reportJsonText, reportToJson, VERIFY_JSON_SCHEMA } from "./report-json";
export { reportToJunit } from "./report-junit";
export type { VerifyJson, VerifyJsonCheck } from "./report-json";
export { formatReportTable, formatDomainTable } from "./report-table";
export type { TableOptions } from "./report-table";
export { countSpfLookups, countSpfLookupsFrom, SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT } from "./spf-lookups";
export type { SpfLookup, SpfLookupCount, SpfLookupRequest, SpfLookupSync, TxtLookup } from "./spf-lookups";
export type { DnsLookup, LookupResult } from "./live-dns";
export { checkDkimKey } from "./policy-checks";
export type { DkimKeyResult } from "./policy-checks";
export { checkDmarcRecords } from "./policy-checks";
export type { DmarcRecordResult } from "./policy-checks";
export { VerifyInputError } from "./verify-input-error";
/** The whole command line (`verify` and `onboard`), kept here where it has always been exported. */
export { runCli } from "../cli";
export type { CliStreams } from "../cli-program";
