/**
 * The provider's part of a generated app, from its `ProviderAppCode` (each provider folder
 * holds its own): the import, the provider statement, the `DnsZone` factory call, and the
 * named constants for values only the user knows. Every such constant holds
 * `ONBOARDING_PLACEHOLDER`, chosen so that the library's own checks refuse it at synth with a
 * `MailConnectValidationError` naming the option to fill in (`zone.resourceGroupName`,
 * `zone.managedZone`, `adopt.mx`, ...). Values the library never reads (those only the
 * binding's provider gets) cannot be checked at synth: their placeholders synthesize and fail
 * at `cdktf plan`, and their comments say so. Nothing here imports cdktf: this is text.
 */
import type { DnsProviderKind } from "../providers/dns-zone";
import { PROVIDER_BINDINGS } from "../providers/binding-loader";
import { AppCodeAdoption } from "../providers/provider-app-code";
import { PROVIDER_APP_CODES } from "../providers/provider-app-codes";
import { TsCall, TsCode, tsString } from "./typescript-source";

/**
 * The placeholder the generated app holds where only the user knows the value. Angle brackets
 * make it invalid as every zone option and record id the library checks, so synth refuses
 * it; search the file for it.
 */
export const ONBOARDING_PLACEHOLDER = "<CHANGE-ME>";

/** A named constant at the top of the generated file. */
export interface OnboardingConstant {
  /** `AZURE_RESOURCE_GROUP`. */
  readonly name: string;
  /** The value: the placeholder. */
  readonly value: string;
  /** What to put there and where to find it, one line. */
  readonly comment: string;
}

/** The provider-specific parts of a generated app. */
export interface OnboardingProviderSetup {
  /** The provider's name for people, for the header. */
  readonly title: string;
  /** `import { ... } from "<binding>/lib/provider";` */
  readonly importLine: string;
  /** The command that installs the binding the app imports (`npm install @cdktf/provider-dns@^9`). */
  readonly bindingInstall: string;
  readonly constants: readonly OnboardingConstant[];
  /** Where the credentials come from (a comment above the provider statement). */
  readonly credentials: string;
  /** The statement that configures the provider, without indent. */
  readonly providerStatement: string;
  /** The `DnsZone` factory call. */
  readonly zone: TsCall;
  readonly adoption: AppCodeAdoption;
}

/** `a, b, c or d`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** `npm install <package>@<range>` for the binding a deep import path (`@cdktf/provider-dns/lib/provider`) belongs to. */
function bindingInstall(modulePath: string): string {
  const packageName = modulePath.split("/").slice(0, 2).join("/");
  const binding = Object.values(PROVIDER_BINDINGS).find((candidate) => candidate.packageName === packageName);
  return `npm install ${packageName}${binding !== undefined ? `@${binding.range}` : ""}`;
}

/** The setup of the generated app for `provider`, for the zone `zone` (lowercase ASCII, no trailing dot). */
export function onboardingProviderSetup(provider: DnsProviderKind, zone: string): OnboardingProviderSetup {
  const code = PROVIDER_APP_CODES.find((candidate) => candidate.kind === provider);
  if (code === undefined) {
    throw new RangeError(`onboardingTypeScript: unknown provider ${tsString(String(provider))}; use ${listed(PROVIDER_APP_CODES.map((candidate) => candidate.kind))}`);
  }
  const zoneOptions = Object.fromEntries(code.zoneOptions.map(([key, value]) => [key, "zoneName" in value ? zone : new TsCode(value.constant)]));
  return {
    title: code.title,
    importLine: `import { ${code.providerClass} } from ${tsString(code.providerModule)};`,
    bindingInstall: bindingInstall(code.providerModule),
    constants: code.constants.map((constant) => ({
      name: constant.name,
      value: ONBOARDING_PLACEHOLDER,
      comment: `${constant.comment(zone)}${constant.checkedAtSynth ? "" : "; checked at plan, not at synth"}`,
    })),
    credentials: code.credentials,
    providerStatement: code.providerStatement,
    zone: new TsCall(code.zoneFactory, zoneOptions),
    adoption: code.adoption,
  };
}
