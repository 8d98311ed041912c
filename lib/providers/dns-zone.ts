/**
 * Where a mail-connect domain is published: a zone of one DNS provider, chosen through static
 * factories (`DnsZone.cloudflare({...})`, `DnsZone.route53({...})`, `DnsZone.rfc2136({...})`,
 * `DnsZone.azureDns({...})`, `DnsZone.googleCloudDns({...})`). A zone holds its provider's
 * adapter and the options as given; the adapter checks, looks up and renders.
 */
import { TerraformProvider, Token } from "cdktf";
import { IConstruct } from "constructs";
import { ValidationReason } from "../errors";
import { normaliseHostName } from "../plan/host-names";
import { ownProperty } from "../plan/own-options";
import { AzureDnsZoneOptions } from "./azure-dns/azure-dns-zone";
import { azureDnsAdapter } from "./azure-dns/azure-dns-adapter";
import { cloudflareAdapter } from "./cloudflare/cloudflare-adapter";
import { DnsProviderAdapter, DnsZoneCommonOptions } from "./dns-provider-adapter";
import { googleCloudDnsAdapter } from "./google-cloud-dns/google-cloud-dns-adapter";
import { GoogleCloudDnsZoneOptions } from "./google-cloud-dns/google-cloud-dns-zone";
import { AnyDnsProviderAdapter } from "./provider-registry";
import { rfc2136Adapter } from "./rfc2136/rfc2136-adapter";
import { Rfc2136ZoneOptions } from "./rfc2136/rfc2136-zone";
import { route53Adapter } from "./route53/route53-adapter";
import { DnsZoneOptions } from "./zone-id-or-name";

export type { DnsZoneOptions } from "./zone-id-or-name";

/** The DNS providers this library renders for (an adapter's `kind`). */
export type DnsProviderKind = "cloudflare" | "route53" | "rfc2136" | "azure-dns" | "google-cloud-dns";

/** Two factory calls, for messages that say how to make a zone. */
export const DNS_ZONE_EXAMPLE = 'DnsZone.cloudflare({ zoneId: "..." }) or DnsZone.route53({ zoneName: "firma.de" })';

/** A copy of the options with own properties only (a polluted Object.prototype adds nothing); non-objects stay as they are, for the reasons. */
function ownOptions<T>(options: T): T {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return options;
  return Object.assign(Object.create(null), options) as T;
}

/**
 * A zone of one DNS provider. Create one with a static factory. Factories never throw:
 * problems with the options are reported by the `MailConnectDomain` that uses the zone,
 * together with every other problem, at synth.
 */
export class DnsZone {
  /** A Cloudflare zone, by id or by name (looked up with the `cloudflare_zone` data source). */
  public static cloudflare(options: DnsZoneOptions): DnsZone {
    return new DnsZone(cloudflareAdapter, options);
  }

  /** A Route53 public hosted zone, by id or by name (looked up with the `aws_route53_zone` data source). */
  public static route53(options: DnsZoneOptions): DnsZone {
    return new DnsZone(route53Adapter, options);
  }

  /** Your own DNS servers (BIND, PowerDNS, Knot, Windows DNS): hashicorp/dns record sets written as TSIG-signed RFC 2136 dynamic updates. */
  public static rfc2136(options: Rfc2136ZoneOptions): DnsZone {
    return new DnsZone(rfc2136Adapter, options);
  }

  /** An Azure DNS zone, by name and resource group. */
  public static azureDns(options: AzureDnsZoneOptions): DnsZone {
    return new DnsZone(azureDnsAdapter, options);
  }

  /** A Google Cloud DNS managed zone, by its resource name (`zoneName` checks the domain, or comes from the zone's `dns_name`). */
  public static googleCloudDns(options: GoogleCloudDnsZoneOptions): DnsZone {
    return new DnsZone(googleCloudDnsAdapter, options);
  }

  /** The provider's adapter. */
  public readonly adapter: AnyDnsProviderAdapter;
  /** The options as given (own properties, copied). */
  public readonly options: DnsZoneCommonOptions;
  /** Problems with the zone's own options; reported by `MailConnectDomain`. */
  public readonly reasons: readonly ValidationReason[];

  private constructor(adapter: DnsProviderAdapter<never, unknown>, options: unknown) {
    this.adapter = adapter;
    this.options = ownOptions(options) as DnsZoneCommonOptions;
    this.reasons = adapter.zoneReasons(this.options as never);
  }

  /** The zone id as given (literal or token), for providers whose zones have one. */
  public get zoneId(): string | undefined {
    const zoneId = ownProperty(this.options, "zoneId");
    return typeof zoneId === "string" ? zoneId : undefined;
  }

  /** The zone name, normalised (lowercase punycode, no trailing dot) unless it is a token; undefined when not given or invalid. */
  public get zoneName(): string | undefined {
    const zoneName = ownProperty(this.options, "zoneName");
    if (typeof zoneName === "string" && Token.isUnresolved(zoneName)) return zoneName;
    const normalised = normaliseHostName(zoneName, 2);
    return normalised.ok ? normalised.ascii : undefined;
  }

  /** The provider instance passed to every resource and data source, if given. */
  public get provider(): TerraformProvider | undefined {
    const provider = ownProperty(this.options, "provider");
    return provider instanceof TerraformProvider ? provider : undefined;
  }

  /** Which provider renders the records (the adapter's `kind`). */
  public get kind(): DnsProviderKind {
    return this.adapter.kind as DnsProviderKind;
  }

  /** Problems with publishing `domain` (normalised) in this zone, e.g. a domain outside a literal zone name. */
  public domainReasons(domain: string): ValidationReason[] {
    if (this.reasons.length > 0) return [];
    return this.adapter.domainReasons(this.options as never, domain);
  }

  /** What identifies this zone in `scope`'s app (equal for the same zone). */
  public identity(scope: IConstruct): string {
    return this.adapter.zoneKey(scope, this.options as never);
  }

  /**
   * Where the records go in `scope`'s stack (zone id or name, provider instance); creates the
   * lookup data source on first use, once per zone and stack.
   */
  public targetFor(scope: IConstruct): unknown {
    return this.adapter.zoneTarget(scope, this.options as never);
  }

  /**
   * The zone id to reference from a resource in `scope`'s stack, for zones that have one
   * (`zoneId` or a lookup); undefined for zones given by name only.
   */
  public zoneIdFor(scope: IConstruct): string {
    return (this.targetFor(scope) as { zoneId?: string }).zoneId as string;
  }
}
