/**
 * An Azure DNS zone, given by its name and resource group (what every azurerm record resource
 * references; the `azurerm_dns_zone` data source would look it up by the same two).
 */
import { TerraformProvider, Token } from "cdktf";
import { ValidationReason } from "../../errors";
import { DnsZoneCommonOptions } from "../dns-provider-adapter";
import { checkZoneName } from "../zone-name";

/** Where `DnsZone.azureDns` publishes. */
export interface AzureDnsZoneOptions extends DnsZoneCommonOptions {
  /** The zone's apex name (`firma.de`). Every domain published in it must equal it or lie under it. */
  readonly zoneName: string;
  /** The resource group that holds the zone: a literal or a token (`group.name`). */
  readonly resourceGroupName: string;
  /**
   * The subscription that holds the zone (a GUID), needed only to adopt existing record sets:
   * azurerm import ids start with `/subscriptions/<id>/`.
   * @default - no adoption possible
   */
  readonly subscriptionId?: string;
}

/** The zone as the records reference it. */
export interface AzureDnsTarget {
  /** The zone name, lowercase punycode, no trailing dot. */
  readonly zoneName: string;
  readonly resourceGroupName: string;
  readonly subscriptionId?: string;
  readonly provider?: TerraformProvider;
}

export const AZURE_DNS_FACTORY = "DnsZone.azureDns";

// Azure resource group names: 1-90 letters, digits, underscores, hyphens, periods and
// parentheses, not ending in a period (Azure naming rules for Microsoft.Resources/resourcegroups).
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems with the zone options (paths under `zone`). */
export function azureDnsZoneReasons(zone: AzureDnsZoneOptions): ValidationReason[] {
  const reasons = [...checkZoneName(zone?.zoneName, AZURE_DNS_FACTORY, true).reasons];
  const group: unknown = zone?.resourceGroupName;
  if (!(typeof group === "string" && (Token.isUnresolved(group) || RESOURCE_GROUP.test(group)))) {
    reasons.push({
      path: "zone.resourceGroupName",
      value: group,
      rule: "must be an Azure resource group name (1-90 letters, digits, _ - . ( ), not ending in a period)",
      fix: 'Pass the resource group that holds the zone, e.g. resourceGroupName: "rg-dns", or its token (group.name).',
    });
  }
  const subscription: unknown = zone?.subscriptionId;
  if (subscription !== undefined && !(typeof subscription === "string" && (Token.isUnresolved(subscription) || SUBSCRIPTION_ID.test(subscription)))) {
    reasons.push({ path: "zone.subscriptionId", value: subscription, rule: "must be a subscription id (a GUID)", fix: "Copy the Subscription ID from the zone's overview in the Azure portal, or leave it out." });
  }
  return reasons;
}

/** The target of valid zone options. */
export function azureDnsTarget(zone: AzureDnsZoneOptions): AzureDnsTarget {
  return {
    zoneName: checkZoneName(zone.zoneName, AZURE_DNS_FACTORY, true).name!,
    resourceGroupName: zone.resourceGroupName,
    subscriptionId: zone.subscriptionId === undefined || Token.isUnresolved(zone.subscriptionId) ? zone.subscriptionId : zone.subscriptionId.toLowerCase(),
    provider: zone.provider,
  };
}
