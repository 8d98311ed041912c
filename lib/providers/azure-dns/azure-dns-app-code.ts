/**
 * A user's app on Azure DNS: the zone by name and resource group, the subscription (for the
 * provider and the import ids) as constants, computed import ids. No cdktf import: the CLI
 * loads it.
 */
import { ProviderAppCode } from "../provider-app-code";

export const AZURE_DNS_APP_CODE: ProviderAppCode = {
  kind: "azure-dns",
  title: "Azure DNS",
  providerClass: "AzurermProvider",
  providerModule: "@cdktf/provider-azurerm/lib/provider",
  providerStatement: 'new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: AZURE_SUBSCRIPTION_ID, resourceProviderRegistrations: "none" });',
  credentials: "Credentials come from az login or the ARM_* environment variables at plan/apply (synth needs none).",
  constants: [
    { name: "AZURE_SUBSCRIPTION_ID", comment: (zone) => `The subscription (a GUID) that holds the zone ${zone}: the zone's overview in the Azure portal`, checkedAtSynth: true },
    { name: "AZURE_RESOURCE_GROUP", comment: (zone) => `The resource group that holds the zone ${zone}: az network dns zone list -o table`, checkedAtSynth: true },
  ],
  zoneFactory: "DnsZone.azureDns",
  zoneOptions: [
    ["zoneName", { zoneName: true }],
    ["resourceGroupName", { constant: "AZURE_RESOURCE_GROUP" }],
    ["subscriptionId", { constant: "AZURE_SUBSCRIPTION_ID" }],
  ],
  adoption: { importIds: "computed", factory: "RecordAdoption.recordSets" },
};
