/**
 * A user's app on Cloudflare: the zone by name (looked up), the API token from the
 * environment, and adoption by record id (Cloudflare's record ids cannot be computed).
 * No cdktf import: the CLI loads it.
 */
import { ProviderAppCode } from "../provider-app-code";

export const CLOUDFLARE_APP_CODE: ProviderAppCode = {
  kind: "cloudflare",
  title: "Cloudflare",
  providerClass: "CloudflareProvider",
  providerModule: "@cdktf/provider-cloudflare/lib/provider",
  providerStatement: 'new CloudflareProvider(this, "cloudflare");',
  credentials: "The API token comes from CLOUDFLARE_API_TOKEN at plan/apply (synth needs none).",
  constants: [],
  zoneFactory: "DnsZone.cloudflare",
  zoneOptions: [["zoneName", { zoneName: true }]],
  adoption: {
    importIds: "given",
    factory: "RecordAdoption.cloudflare",
    idSource: "The ids (32 hex digits) of the records there now, from the Cloudflare API (GET as noted) or each record's edit page.",
    // developers.cloudflare.com/api/resources/dns/subresources/records/methods/list/
    listCall: (type, name) => `GET /zones/{zone_id}/dns_records?type=${type}&name=${name}`,
  },
};
