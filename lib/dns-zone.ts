/**
 * Where a mail-connect domain is published: a Cloudflare zone or a Route53 hosted zone,
 * chosen through static factories (`DnsZone.cloudflare({...})`, `DnsZone.route53({...})`).
 * A zone given only by name is looked up with the provider's data source, once per stack.
 */
import { createHash } from "crypto";
import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { ReasonCollector, ValidationReason } from "./errors";
import { cloudflareZoneDataClass, route53ZoneDataClass } from "./provider-bindings";
import { resolveText } from "./resolve-text";
import { isWithinDomain, normaliseHostName } from "./plan/host-names";
import { ownProperty } from "./plan/own-options";

/** The DNS providers this library renders for. */
export type DnsProviderKind = "cloudflare" | "route53";

/** How to find the zone, for either provider. */
export interface DnsZoneOptions {
  /**
   * The zone's id: a literal (Cloudflare: 32 hex digits; Route53: `Z...`) or a token from
   * another resource (`zone.id`, `zone.zoneId`).
   * @default - looked up by `zoneName` with the provider's zone data source
   */
  readonly zoneId?: string;
  /**
   * The zone's apex name (`firma.de`). Without `zoneId` the zone is looked up by this name;
   * when it is a literal, every domain published in the zone must equal it or lie under it.
   * @default - no lookup and no check; `zoneId` is then required
   */
  readonly zoneName?: string;
  /**
   * The provider instance (e.g. an aliased one for a second account) that every record
   * resource and the zone data source use.
   * @default - the stack's default provider of that type
   */
  readonly provider?: TerraformProvider;
}

/** The `zone_id` token of each lookup data source this library made or reused. */
const lookupZoneIds = new WeakMap<IConstruct, string>();

const CLOUDFLARE_ZONE_ID = /^[0-9a-f]{32}$/;
const ROUTE53_ZONE_ID = /^[A-Z0-9]{1,32}$/;

/** A Cloudflare zone or a Route53 hosted zone. Create one with `DnsZone.cloudflare` or `DnsZone.route53`. */
export class DnsZone {
  /**
   * A Cloudflare zone, by id or by name (looked up with the `cloudflare_zone` data source).
   * Problems (neither `zoneId` nor `zoneName`, a malformed one, or no options object at all)
   * are reported by the `MailConnectDomain` that uses the zone, together with every other
   * problem; this factory never throws.
   */
  public static cloudflare(options: DnsZoneOptions): DnsZone {
    return new DnsZone("cloudflare", options);
  }

  /**
   * A Route53 public hosted zone, by id or by name (looked up with the `aws_route53_zone` data source).
   * Problems are reported by the `MailConnectDomain` that uses the zone (see `cloudflare`).
   */
  public static route53(options: DnsZoneOptions): DnsZone {
    return new DnsZone("route53", options);
  }

  /** Which provider renders the records. */
  public readonly kind: DnsProviderKind;
  /** The zone id as given (literal or token), if given. */
  public readonly zoneId?: string;
  /** The zone name, normalised (lowercase punycode, no trailing dot) unless it is a token. */
  public readonly zoneName?: string;
  /** The provider instance passed to every resource and data source, if given. */
  public readonly provider?: TerraformProvider;

  private constructor(kind: DnsProviderKind, options: DnsZoneOptions) {
    this.kind = kind;
    const reasons = new ReasonCollector();
    const example = `DnsZone.${kind}({ zoneId: "..." }) or DnsZone.${kind}({ zoneName: "firma.de" })`;
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      reasons.add("zone", options, "must be created from an options object", `Pass ${example}.`);
    }
    // Own properties only: a polluted Object.prototype must not pick the zone.
    const zoneId = ownProperty(options, "zoneId");
    const zoneName = ownProperty(options, "zoneName");
    const provider = ownProperty(options, "provider");
    if (provider !== undefined && !(provider instanceof TerraformProvider)) {
      reasons.add("zone.provider", provider, "must be a provider construct (e.g. new CloudflareProvider(...) or new AwsProvider(...))", "Pass the provider instance or leave it out to use the stack's default provider.");
    } else {
      this.provider = provider;
    }
    if (reasons.count === 0 && zoneId === undefined && zoneName === undefined) {
      reasons.add("zone", options, "needs a zoneId or a zoneName", `Pass ${example}.`);
    }
    if (zoneId !== undefined && !(typeof zoneId === "string" && Token.isUnresolved(zoneId))) {
      const pattern = kind === "cloudflare" ? CLOUDFLARE_ZONE_ID : ROUTE53_ZONE_ID;
      if (typeof zoneId !== "string" || !pattern.test(zoneId)) {
        reasons.add(
          "zone.zoneId",
          zoneId,
          kind === "cloudflare" ? "a Cloudflare zone id is 32 lowercase hex digits" : "a Route53 hosted zone id is upper-case letters and digits (e.g. Z0123456789ABCDEFGHIJ)",
          kind === "cloudflare"
            ? "Copy the Zone ID from the zone's overview page in the Cloudflare dashboard, or pass zoneName instead."
            : 'Pass the id without the "/hostedzone/" prefix, or pass zoneName instead.',
        );
      }
    }
    this.zoneId = zoneId as string | undefined;
    if (zoneName !== undefined && !(typeof zoneName === "string" && Token.isUnresolved(zoneName))) {
      const normalised = normaliseHostName(zoneName, 2);
      if (normalised.ok) {
        this.zoneName = normalised.ascii;
      } else {
        reasons.add("zone.zoneName", zoneName, normalised.rule, "Pass the zone's apex name, e.g. \"firma.de\".");
      }
    } else {
      this.zoneName = zoneName as string | undefined;
    }
    // Kept, not thrown: MailConnectDomain reports them together with every other problem.
    this.reasons = reasons.reasons;
  }

  /** Problems with the zone's own options (missing or malformed id or name); reported by `MailConnectDomain`. */
  public readonly reasons: readonly ValidationReason[];

  /**
   * Problems with publishing `domain` (normalised) in this zone: with a literal `zoneName`,
   * the domain must equal it or lie under it.
   */
  public domainReasons(domain: string): ValidationReason[] {
    if (this.reasons.length > 0 || this.zoneName === undefined || Token.isUnresolved(this.zoneName)) return [];
    if (isWithinDomain(domain, this.zoneName)) return [];
    return [
      {
        path: "zone.zoneName",
        value: this.zoneName,
        rule: `must be the domain "${domain}" or one of its parent domains`,
        fix: `Publish "${domain}" in its own zone (the zone whose apex is "${domain}" or a parent of it).`,
      },
    ];
  }

  /**
   * What identifies this zone in `scope`'s app: the provider kind, the zone id (a token as the
   * expression it resolves to) or else the zone name, and the provider instance.
   */
  public identity(scope: IConstruct): string {
    const stack = TerraformStack.of(scope);
    const zone = this.zoneId !== undefined ? `id:${resolveText(stack, this.zoneId)}` : `name:${resolveText(stack, this.zoneName)}`;
    return JSON.stringify([this.kind, zone, this.provider?.node.path ?? ""]);
  }

  /**
   * The zone id to reference from a resource in `scope`'s stack: the given id, or the
   * lookup data source's id. The data source is created on first use, one per zone name,
   * provider and stack, however many domains use it.
   */
  public zoneIdFor(scope: IConstruct): string {
    if (this.zoneId !== undefined) return this.zoneId;
    const stack = TerraformStack.of(scope);
    const id = this.lookupId(stack);
    const existing = stack.node.tryFindChild(id);
    if (existing !== undefined) {
      // Every `zoneId` read makes a new token (and captures a stack trace); one per lookup is enough.
      const known = lookupZoneIds.get(existing);
      if (known !== undefined) return known;
    }
    let zoneId: string;
    if (this.kind === "cloudflare") {
      const DataCloudflareZone = cloudflareZoneDataClass();
      const zone = existing instanceof DataCloudflareZone ? existing : new DataCloudflareZone(stack, id, { filter: { name: this.zoneName! }, provider: this.provider });
      // `zone_id`, not `id`: with `filter` the v5 data source leaves `id` empty, and the
      // maintainers say `id` is not guaranteed to be the zone id
      // (cloudflare/terraform-provider-cloudflare#5189, #5245, #6111).
      zoneId = zone.zoneId;
      lookupZoneIds.set(zone, zoneId);
    } else {
      const DataAwsRoute53Zone = route53ZoneDataClass();
      const zone = existing instanceof DataAwsRoute53Zone ? existing : new DataAwsRoute53Zone(stack, id, { name: this.zoneName!, provider: this.provider });
      zoneId = zone.zoneId;
      lookupZoneIds.set(zone, zoneId);
    }
    return zoneId;
  }

  /** The stack-level construct id of the lookup data source (no dots: cdktf drops them from addresses). */
  private lookupId(stack: TerraformStack): string {
    // A token zone name (another resource's attribute) is keyed by a hash of its reference.
    const name = Token.isUnresolved(this.zoneName!)
      ? `ref_${createHash("sha256").update(resolveText(stack, this.zoneName)).digest("hex").slice(0, 8)}`
      : this.zoneName!.replace(/\./g, "_");
    const alias = this.provider?.alias;
    const providerPart = this.provider === undefined ? "" : `_${alias !== undefined && !Token.isUnresolved(alias) ? alias : this.provider.node.id}`;
    return `mail-connect-zone_${this.kind}_${name}${providerPart}`;
  }
}
