export * from "./mail-connect/mail-connect";
export * from "./errors";
export { PROVIDER_BINDINGS, BindingNotInstalledError, type BindingPackage } from "./providers/binding-loader";
export * from "./mail-connect/options";
export * from "./plan/record-plan";
export * from "./plan/cidr";
export { planMailConnectRecords, RECORD_OPTION_KEYS } from "./plan/plan-records";
export { splitCharacterStrings, MAX_CHARACTER_STRING_BYTES, MAX_TXT_TEXT_LENGTH } from "./plan/txt-strings";
export * from "./firewall";
export * from "./zone-file";
export { planToRrsets, quoteCharacterString, type DnsRrset } from "./plan/dns-rrset";
export * from "./providers";
export * from "./construct/mail-connect-domain";
export * from "./mail-connect/mail-client-settings";
export * from "./construct/dns-conflict-validation";
export * from "./providers/published";
export { readLiveMailZone, normaliseMailDomain, MAIL_CONNECT_SPF_TEXT, type ReadLiveMailZoneOptions } from "./onboard/read-live-mail-zone";
export { guessDnsProvider, zoneNameServers, type DnsProviderGuess } from "./onboard/dns-provider-guess";
export { onboardOutcome, essentialQuestions, unreadEssentials, ONBOARD_EXIT } from "./onboard/onboard-outcome";
export type { OnboardOutcome, OnboardOutcomeOptions, OnboardStatus, OnboardExitCode } from "./onboard/onboard-outcome";
export { onboardToJson, onboardJsonText, ONBOARD_JSON_SCHEMA, type OnboardJson } from "./onboard/onboard-json";
export { formatOnboardReport, onboardVerdict, type OnboardReportOptions } from "./onboard/onboard-report";

export * from "./verify";
export { planOnboarding } from "./onboard/plan-onboarding";
export { unreadableQuestions } from "./onboard/live-answers";
export { onboardingQuestions, KNOWN_DKIM_SELECTORS, CLIENT_HOST_LABELS, type OnboardingQuestion } from "./onboard/onboarding-questions";
export { HOSTED_MAIL_PROVIDERS, type HostedMailProvider } from "./onboard/hosted-mail-providers";
export type {
  LiveAnswer,
  LiveMailZone,
  OnboardingOptions,
  OnboardingAction,
  OnboardingChange,
  OnboardingSeverity,
  OnboardingRisk,
  OnboardingStep,
  OldMailHost,
  OnboardingSpf,
  OnboardingPlan,
} from "./onboard/onboarding-plan";
