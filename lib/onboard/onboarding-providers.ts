/**
 * What the generated app writes for each DNS provider: the binding's provider class and its
 * configuration block, the `DnsZone` factory call, and the named constants for values only the
 * user knows. Every placeholder is `ONBOARDING_PLACEHOLDER`, chosen so that the library's
 * own checks refuse it at synth with a `MailConnectValidationError` naming the option to fill
 * in (`zone.resourceGroupName`, `zone.managedZone`, `adopt.mx`, ...). Values the library never
 * reads (the RFC 2136 server and TSIG key name go to the hashicorp/dns provider only) cannot
 * be checked at synth: their placeholders synthesize and fail at `cdktf plan`.
 * Nothing here imports cdktf: this is text.
 */
import type { DnsProviderKind } from "../providers/dns-zone";
import { TsCall, TsCode, tsString } from "./typescript-source";

/**
 * The placeholder the generated app holds where only the user knows the value. Angle brackets
 * make it invalid as a resource group, managed zone, project, subscription id and Cloudflare
 * record id, so synth refuses it; search the file for it.
 */
export const ONBOARDING_PLACEHOLDER = "<CHANGE-ME>";

/** A named constant at the top of the generated file. */
export interface OnboardingConstant {
  /** `AZURE_RESOURCE_GROUP`. */
  readonly name: string;
  /** The value (the placeholder for values only the user knows). */
  readonly value: string;
  /** What to put there and where to find it, one line. */
  readonly comment: string;
}

/** The provider-specific parts of a generated app. */
export interface OnboardingProviderSetup {
  /** `import ... from "@cdktf/provider-.../lib/provider";` */
  readonly importLine: string;
  readonly constants: readonly OnboardingConstant[];
  /** Statements in the stack's constructor before the domain (comments included), without indent. */
  readonly providerBlock: readonly string[];
  /** The `DnsZone` factory call. */
  readonly zone: TsCall;
  /** The adoption factory for computed import ids; undefined where record ids must be given (Cloudflare). */
  readonly computedAdoption?: "route53" | "recordSets";
  /** Where the provider's credentials come from (a comment above the provider block). */
  readonly credentials: string;
}

/** The setup of the generated app for `provider`, for the zone `zone` (lowercase ASCII, no trailing dot). */
export function onboardingProviderSetup(provider: DnsProviderKind, zone: string): OnboardingProviderSetup {
  switch (provider) {
    case "cloudflare":
      return {
        importLine: 'import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";',
        constants: [],
        providerBlock: ['new CloudflareProvider(this, "cloudflare");'],
        zone: new TsCall("DnsZone.cloudflare", { zoneName: zone }),
        credentials: "The API token comes from CLOUDFLARE_API_TOKEN at plan/apply (synth needs none).",
      };
    case "route53":
      return {
        importLine: 'import { AwsProvider } from "@cdktf/provider-aws/lib/provider";',
        constants: [],
        providerBlock: ['new AwsProvider(this, "aws", { region: "eu-central-1" }); // Route53 is global: any region works'],
        zone: new TsCall("DnsZone.route53", { zoneName: zone }),
        computedAdoption: "route53",
        credentials: "Credentials come from the usual AWS environment variables at plan/apply (synth needs none).",
      };
    case "rfc2136":
      return {
        importLine: 'import { DnsProvider } from "@cdktf/provider-dns/lib/provider";',
        constants: [
          { name: "DNS_SERVER", value: ONBOARDING_PLACEHOLDER, comment: `The server that accepts TSIG-signed updates for ${zone} (e.g. its primary, the SOA's MNAME); only checked at plan` },
          { name: "TSIG_KEY_NAME", value: ONBOARDING_PLACEHOLDER, comment: 'The TSIG key allowed to update the zone (e.g. "terraform."); only checked at plan' },
        ],
        providerBlock: [
          'new DnsProvider(this, "dns", { update: [{ server: DNS_SERVER, keyName: TSIG_KEY_NAME, keyAlgorithm: "hmac-sha256" }] });',
        ],
        zone: new TsCall("DnsZone.rfc2136", { zoneName: zone }),
        computedAdoption: "recordSets",
        credentials: "The TSIG key's secret comes from DNS_UPDATE_KEYSECRET at plan/apply (synth needs none).",
      };
    case "azure-dns":
      return {
        importLine: 'import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";',
        constants: [
          { name: "AZURE_SUBSCRIPTION_ID", value: ONBOARDING_PLACEHOLDER, comment: `The subscription (a GUID) that holds the zone ${zone}: the zone's overview in the Azure portal` },
          { name: "AZURE_RESOURCE_GROUP", value: ONBOARDING_PLACEHOLDER, comment: `The resource group that holds the zone ${zone}: az network dns zone list -o table` },
        ],
        providerBlock: ['new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: AZURE_SUBSCRIPTION_ID, resourceProviderRegistrations: "none" });'],
        zone: new TsCall("DnsZone.azureDns", { zoneName: zone, resourceGroupName: new TsCode("AZURE_RESOURCE_GROUP"), subscriptionId: new TsCode("AZURE_SUBSCRIPTION_ID") }),
        computedAdoption: "recordSets",
        credentials: "Credentials come from az login or the ARM_* environment variables at plan/apply (synth needs none).",
      };
    case "google-cloud-dns":
      return {
        importLine: 'import { GoogleProvider } from "@cdktf/provider-google/lib/provider";',
        constants: [
          { name: "GOOGLE_PROJECT", value: ONBOARDING_PLACEHOLDER, comment: `The project id that holds the managed zone for ${zone}` },
          {
            name: "GOOGLE_MANAGED_ZONE",
            value: ONBOARDING_PLACEHOLDER,
            comment: `The managed zone's resource name, not its DNS name (often ${tsString(zone.replace(/\./g, "-"))}): gcloud dns managed-zones list`,
          },
        ],
        providerBlock: ['new GoogleProvider(this, "google", { project: GOOGLE_PROJECT });'],
        zone: new TsCall("DnsZone.googleCloudDns", { managedZone: new TsCode("GOOGLE_MANAGED_ZONE"), zoneName: zone, project: new TsCode("GOOGLE_PROJECT") }),
        computedAdoption: "recordSets",
        credentials: "Credentials come from gcloud auth application-default login or GOOGLE_CREDENTIALS at plan/apply (synth needs none).",
      };
    default:
      throw new RangeError(`onboardingTypeScript: unknown provider ${tsString(String(provider))}; use cloudflare, route53, rfc2136, azure-dns or google-cloud-dns`);
  }
}
