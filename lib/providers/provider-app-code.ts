/**
 * How a user's cdktf app is written for one DNS provider: the binding's provider class and
 * its configuration statement, the `DnsZone` factory call, the values only the user knows
 * (named constants the generated app holds as placeholders), and how existing records are
 * adopted. The TypeScript `onboard` prints is written from this (lib/onboard/); each provider
 * folder holds its own. No cdktf import: the CLI loads it.
 */

/** A value only the user knows, written as a named constant at the top of the app. */
export interface AppCodeConstant {
  /** `AZURE_RESOURCE_GROUP`. */
  readonly name: string;
  /** What to put there and where to find it, one line, for the zone `zone`. */
  readonly comment: (zone: string) => string;
  /**
   * Whether `cdktf synth` refuses a placeholder here (the library checks the value); when
   * false only the provider reads it, at plan.
   */
  readonly checkedAtSynth: boolean;
}

/** One option of the `DnsZone` factory call: the zone's name, or a named constant. */
export type AppCodeZoneValue = { readonly zoneName: true } | { readonly constant: string };

/** How existing records are adopted on this provider. */
export type AppCodeAdoption =
  /** Import ids computed from zone, name and type: `factory([...purposes])`. */
  | { readonly importIds: "computed"; readonly factory: string }
  /** Import ids only the provider's API knows: `factory({ purpose: "<record id>", text: { value: "<record id>" } })`. */
  | {
      readonly importIds: "given";
      readonly factory: string;
      /** Where the user finds a record id, one line. */
      readonly idSource: string;
      /** The API call that lists the records of `type` at `name` with their ids. */
      readonly listCall: (type: string, name: string) => string;
    };

/** How a user's app is written for one provider. */
export interface ProviderAppCode {
  /** The adapter's `kind`. */
  readonly kind: string;
  /** The provider's name for people (`Azure DNS`). */
  readonly title: string;
  /** The binding's provider class (`AzurermProvider`). */
  readonly providerClass: string;
  /** The module the class is imported from, by its deep path (`@cdktf/provider-azurerm/lib/provider`). */
  readonly providerModule: string;
  /** The statement that configures the provider in the stack (`this`), using the constants' names. */
  readonly providerStatement: string;
  /** Where the provider's credentials come from at plan/apply, one sentence. */
  readonly credentials: string;
  readonly constants: readonly AppCodeConstant[];
  /** The `DnsZone` factory (`DnsZone.azureDns`), the adapter's `factory`. */
  readonly zoneFactory: string;
  /** The factory's options, in the order written. */
  readonly zoneOptions: readonly (readonly [string, AppCodeZoneValue])[];
  readonly adoption: AppCodeAdoption;
}
