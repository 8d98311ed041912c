/**
 * A user's app on their own DNS servers (RFC 2136): the zone by name, the server and TSIG
 * key name as constants (only the hashicorp/dns provider reads them, so a placeholder there
 * fails at plan, not at synth), the key's secret from DNS_UPDATE_KEYSECRET, computed import
 * ids. No cdktf import: the CLI loads it.
 */
import { ProviderAppCode } from "../provider-app-code";

export const RFC2136_APP_CODE: ProviderAppCode = {
  kind: "rfc2136",
  title: "your own DNS servers (RFC 2136)",
  providerClass: "DnsProvider",
  providerModule: "@cdktf/provider-dns/lib/provider",
  providerStatement: 'new DnsProvider(this, "dns", { update: [{ server: DNS_SERVER, keyName: TSIG_KEY_NAME, keyAlgorithm: "hmac-sha256" }] });',
  credentials: "The TSIG key's secret comes from DNS_UPDATE_KEYSECRET at plan/apply (synth needs none).",
  constants: [
    {
      name: "DNS_SERVER",
      comment: (zone) => `The server that accepts TSIG-signed updates for ${zone} (e.g. its primary, the SOA's MNAME)`,
      checkedAtSynth: false,
    },
    { name: "TSIG_KEY_NAME", comment: () => 'The TSIG key allowed to update the zone (e.g. "terraform.")', checkedAtSynth: false },
  ],
  zoneFactory: "DnsZone.rfc2136",
  zoneOptions: [["zoneName", { zoneName: true }]],
  adoption: { importIds: "computed", factory: "RecordAdoption.recordSets" },
};
