/**
 * A Cloudflare zone, by id or by name (looked up with the `cloudflare_zone` data source, once
 * per zone name, provider and stack).
 */
import type { DataCloudflareZone } from "@cdktf/provider-cloudflare/lib/data-cloudflare-zone";
import { BindingPackage, lazyBindingClass, PROVIDER_BINDINGS } from "../binding-loader";
import { ZoneIdRules } from "../zone-id-or-name";

export const CLOUDFLARE_FACTORY = "DnsZone.cloudflare";

/** The binding; an optional peer for users. */
export const CLOUDFLARE_BINDING: BindingPackage = PROVIDER_BINDINGS.cloudflare;

const zoneDataClass = lazyBindingClass(
  CLOUDFLARE_BINDING,
  `${CLOUDFLARE_FACTORY} (the zone lookup by name)`,
  () => (require("@cdktf/provider-cloudflare/lib/data-cloudflare-zone") as { DataCloudflareZone: typeof DataCloudflareZone }).DataCloudflareZone,
);

/** How Cloudflare zone ids look and how a zone is looked up by name. */
export const CLOUDFLARE_ZONE_RULES: ZoneIdRules = {
  kind: "cloudflare",
  factory: CLOUDFLARE_FACTORY,
  zoneIdPattern: /^[0-9a-f]{32}$/,
  zoneIdRule: "a Cloudflare zone id is 32 lowercase hex digits",
  zoneIdFix: "Copy the Zone ID from the zone's overview page in the Cloudflare dashboard, or pass zoneName instead.",
  providerExample: "new CloudflareProvider(...) or new AwsProvider(...)",
  lookup: (stack, id, existing, zoneName, provider) => {
    const DataZone = zoneDataClass();
    const zone = existing instanceof DataZone ? existing : new DataZone(stack, id, { filter: { name: zoneName }, provider });
    // `zone_id`, not `id`: with `filter` the v5 data source leaves `id` empty, and the
    // maintainers say `id` is not guaranteed to be the zone id
    // (cloudflare/terraform-provider-cloudflare#5189, #5245, #6111).
    return zone.zoneId;
  },
};
