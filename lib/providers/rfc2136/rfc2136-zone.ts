/**
 * An RFC 2136 zone: any DNS server that accepts TSIG-signed dynamic updates (BIND, PowerDNS,
 * Knot, Windows DNS), written through the hashicorp/dns provider 3.4.3. The provider has no
 * zone data source, so the zone is given by its name only.
 */
import { TerraformProvider } from "cdktf";
import { DnsZoneCommonOptions } from "../dns-provider-adapter";
import { checkZoneName } from "../zone-name";

/** Where `DnsZone.rfc2136` publishes. */
export interface Rfc2136ZoneOptions extends DnsZoneCommonOptions {
  /**
   * The zone's apex name as the server knows it (`firma.de`; written `firma.de.`). Every
   * domain published in it must equal it or lie under it.
   */
  readonly zoneName: string;
}

/** The zone as the records reference it. */
export interface Rfc2136Target {
  /** The zone name, lowercase punycode, no trailing dot. */
  readonly zoneName: string;
  readonly provider?: TerraformProvider;
}

export const RFC2136_FACTORY = "DnsZone.rfc2136";

/** The zone name, normalised, or undefined when it is invalid (see `rfc2136ZoneReasons`). */
export function rfc2136ZoneName(zone: Rfc2136ZoneOptions): string | undefined {
  return checkZoneName(zone?.zoneName, RFC2136_FACTORY, true).name;
}
