/**
 * The onboarding contract: what `readLiveMailZone` reads from live DNS (a `LiveMailZone`, plain
 * data), what `planOnboarding` makes of it (an `OnboardingPlan`, plain data), and what the
 * command line prints and the TypeScript generator writes from the plan. Nothing here does I/O
 * or imports cdktf.
 */
import { MailConnectProduct, MailConnectRecordOptions } from "../mail-connect/options";
import { RecordPurpose } from "../plan/record-plan";
import { LookupResult, LookupType } from "../verify/live-dns";

/** One question asked of live DNS and its answer. */
export interface LiveAnswer {
  /** Owner name asked: lowercase ASCII (punycode), no trailing dot. */
  readonly name: string;
  readonly type: LookupType;
  readonly result: LookupResult;
}

/** A domain's live records as read for onboarding: every question asked, with its answer. */
export interface LiveMailZone {
  /** The mail domain: lowercase ASCII (punycode), no trailing dot. */
  readonly domain: string;
  /**
   * The zone that holds the domain (the owner of the SOA found above or at the domain).
   * @default - unknown (the domain is taken as the zone)
   */
  readonly zone?: string;
  /** Where the answers came from, for the report (`127.0.0.1:5353`, `the zone's name servers`). */
  readonly source: string;
  /**
   * Every answer read: the domain's own names (`onboardingQuestions`) and the SPF records its
   * includes and mail-connect's include lead to. A question that is not here was not asked.
   */
  readonly answers: readonly LiveAnswer[];
}

/** Options of `planOnboarding`. */
export interface OnboardingOptions {
  /**
   * The mail-connect product the domain is booked with.
   * @default "pro"
   */
  readonly product?: MailConnectProduct;
}

/** What happens to one record set at the switch. */
export type OnboardingAction =
  /** Nothing there now; the record is created. */
  | "add"
  /** There now with other values; the planned values replace them (the set is adopted). */
  | "replace"
  /** There now with the planned values already; adopted, nothing changes in DNS. */
  | "unchanged"
  /** There now and left alone by the plan (another sender's DKIM, a record the library does not manage). */
  | "keep"
  /** There now and must go, but the library does not manage it: the user deletes it (see the risks). */
  | "remove-by-hand"
  /** In the way of a planned record, and the plan cannot proceed until it is resolved. */
  | "conflict";

/** One record set, now and after the switch. */
export interface OnboardingChange {
  /** The planned record's purpose, or `other` for a record the plan does not write (another selector's DKIM, `autodiscover.<domain>`). */
  readonly purpose: RecordPurpose | "other";
  /** Owner name: lowercase ASCII (punycode), no trailing dot. */
  readonly name: string;
  readonly type: LookupType;
  /** Live values in presentation form (`10 mx.old-host.example.`, TXT as its text without quotes). */
  readonly current: readonly string[];
  /** Values after the switch in the same form; empty when the plan writes nothing here. */
  readonly planned: readonly string[];
  readonly action: OnboardingAction;
  /** One sentence on why (`kept: the web shop's include`, `old host: Microsoft 365`). */
  readonly note?: string;
}

/** How much a risk weighs: `blocking` stops the switch (exit code 1), `warning` needs a decision, `info` is for the record. */
export type OnboardingSeverity = "blocking" | "warning" | "info";

/** One risk of the switch, with what to do about it. */
export interface OnboardingRisk {
  /**
   * A stable identifier of the kind of risk, for scripts: `mx-switch`, `spf-lookup-limit`,
   * `old-host-spf`, `dkim-alignment`, `dmarc-stricter`, `auto-setup-conflict`,
   * `autodiscover-host`, `dmarc-cname`, `multiple-spf`, `server-name`, `dns-unreadable`,
   * `domain-not-found`, ...
   */
  readonly id: string;
  readonly severity: OnboardingSeverity;
  /** What is at risk, in one or two sentences, naming the records and values involved. */
  readonly message: string;
  /** What to do, and when (before the switch, at it, after it). */
  readonly action: string;
}

/** A step of the switch, in order (lowering the TTL a day ahead, the deploy, removing the old host's terms). */
export interface OnboardingStep {
  /** When: `first` (resolving a blocking risk), `1 day before`, `before the switch`, `the switch`, `after the switch`, `after 30 days`. */
  readonly when: string;
  readonly what: string;
}

/** A recognised hosted-mail provider that serves the domain today. */
export interface OldMailHost {
  /** Its name (`Microsoft 365`, `Google Workspace`, `IONOS`), or the MX host names when it is not recognised. */
  readonly name: string;
  /** Whether it was recognised from the known providers (MX, SPF include, DKIM selectors), or only seen in the MX. */
  readonly recognised: boolean;
  /** The live values that gave it away (`MX 0 firma-de.mail.protection.outlook.com.`, `include:spf.protection.outlook.com`). */
  readonly evidence: readonly string[];
}

/** The SPF record after the switch and its DNS-lookup cost. */
export interface OnboardingSpf {
  /** The planned SPF text (`v=spf1 include:spf.protection.outlook.com include:_spf.mail-connect.net ?all`). */
  readonly text: string;
  /** DNS lookups the planned record costs, through its includes (RFC 7208 §4.6.4). */
  readonly lookups: number;
  /** The limit (10). */
  readonly limit: number;
  /** Top-level terms that cost lookups, most expensive first (`include:spf.shop.example 4`). */
  readonly breakdown: readonly string[];
  /** The count is incomplete: some include could not be read (named in `unread`). */
  readonly unread: readonly string[];
}

/** The whole onboarding plan for one domain. */
export interface OnboardingPlan {
  /** The mail domain: lowercase ASCII (punycode), no trailing dot. */
  readonly domain: string;
  /** The domain in Unicode, when it is an IDN. */
  readonly unicodeDomain?: string;
  /** The zone that holds the domain, as read. */
  readonly zone: string;
  readonly product: MailConnectProduct;
  /** `ready` when no risk is blocking, else `blocked`. */
  readonly status: "ready" | "blocked";
  /** The `MailConnectDomain` options that keep what must stay (without `zone` and `adopt`). Valid for `planMailConnectRecords`. */
  readonly options: MailConnectRecordOptions;
  /** Record purposes whose sets exist now and must be adopted (imported) rather than created. */
  readonly adopt: readonly RecordPurpose[];
  /** Per record set: now and after the switch. Planned records first, in the planner's order, then the others. */
  readonly changes: readonly OnboardingChange[];
  readonly spf: OnboardingSpf;
  /** The mail host that serves the domain today; undefined when the domain has no MX or already points at mail-connect. */
  readonly oldMailHost?: OldMailHost;
  /** Most severe first. */
  readonly risks: readonly OnboardingRisk[];
  readonly steps: readonly OnboardingStep[];
  /**
   * The questions about the domain's own names that could not be read, as `name TYPE: why`
   * (see `unreadableQuestions`). The plan treats them as absent; when one of the apex MX/TXT or
   * the DMARC TXT is among them there is a blocking `dns-unreadable` risk (the command line
   * exits 2).
   * @default [] (everything was read)
   */
  readonly unreadable?: readonly string[];
}
