/**
 * Zones given by id or by name, for providers whose records reference a zone id (Cloudflare,
 * Route53): the options, their reasons, what identifies the zone in an app, and the lookup
 * data source (created once per zone name, provider and stack, however many domains use it).
 */
import { createHash } from "crypto";
import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { ReasonCollector, ValidationReason } from "../errors";
import { isWithinDomain, normaliseHostName } from "../plan/host-names";
import { ownProperty } from "../plan/own-options";
import { resolveText } from "./resolve-text";
import { DnsZoneCommonOptions } from "./dns-provider-adapter";
import { RenderContext } from "./render-context";

/** How to find a zone that has an id (`DnsZone.cloudflare`, `DnsZone.route53`). */
export interface DnsZoneOptions extends DnsZoneCommonOptions {
  /**
   * The zone's id: a literal (Cloudflare: 32 hex digits; Route53: `Z...`) or a token from
   * another resource (`zone.id`, `zone.zoneId`).
   * @default - looked up by `zoneName` with the provider's zone data source
   */
  readonly zoneId?: string;
  /**
   * The zone's apex name (`firma.de`). Without `zoneId` the zone is looked up by this name;
   * when it is a literal, every domain published in it must equal it or lie under it.
   * @default - no lookup and no check; `zoneId` is then required
   */
  readonly zoneName?: string;
}

/** What differs between the providers whose zones have ids. */
export interface ZoneIdRules {
  /** The adapter's kind (part of the lookup's construct id: public, it decides the address). */
  readonly kind: string;
  /** The factory, e.g. `DnsZone.cloudflare`. */
  readonly factory: string;
  /** A literal zone id's form. */
  readonly zoneIdPattern: RegExp;
  /** The rule and fix for a malformed literal zone id. */
  readonly zoneIdRule: string;
  readonly zoneIdFix: string;
  /** An example of the provider construct, for a `provider` that is not one. */
  readonly providerExample: string;
  /**
   * Creates (or reuses, when `existing` is the provider's data source) the lookup data source
   * of `zoneName` and returns its zone id token.
   */
  readonly lookup: (stack: TerraformStack, id: string, existing: IConstruct | undefined, zoneName: string, provider: TerraformProvider | undefined) => string;
}

/** The options as read (own properties only) with the zone name normalised, and their reasons. */
export interface CheckedZone {
  readonly zoneId?: string;
  readonly zoneName?: string;
  readonly provider?: TerraformProvider;
  readonly reasons: readonly ValidationReason[];
}

const checked = new WeakMap<object, CheckedZone>();

/** Reads and checks the zone options (remembered per options object); never throws. */
export function checkIdOrNameZone(options: DnsZoneOptions, rules: ZoneIdRules): CheckedZone {
  const known = options !== null && typeof options === "object" ? checked.get(options) : undefined;
  if (known !== undefined) return known;
  const reasons = new ReasonCollector();
  const example = `${rules.factory}({ zoneId: "..." }) or ${rules.factory}({ zoneName: "firma.de" })`;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    reasons.add("zone", options, "must be created from an options object", `Pass ${example}.`);
  }
  // Own properties only: a polluted Object.prototype must not pick the zone.
  const zoneId = ownProperty(options, "zoneId");
  const zoneName = ownProperty(options, "zoneName");
  const provider = ownProperty(options, "provider");
  let ownProvider: TerraformProvider | undefined;
  if (provider !== undefined && !(provider instanceof TerraformProvider)) {
    reasons.add("zone.provider", provider, `must be a provider construct (e.g. ${rules.providerExample})`, "Pass the provider instance or leave it out to use the stack's default provider.");
  } else {
    ownProvider = provider;
  }
  if (reasons.count === 0 && zoneId === undefined && zoneName === undefined) {
    reasons.add("zone", options, "needs a zoneId or a zoneName", `Pass ${example}.`);
  }
  if (zoneId !== undefined && !(typeof zoneId === "string" && Token.isUnresolved(zoneId))) {
    if (typeof zoneId !== "string" || !rules.zoneIdPattern.test(zoneId)) reasons.add("zone.zoneId", zoneId, rules.zoneIdRule, rules.zoneIdFix);
  }
  let name = zoneName as string | undefined;
  if (zoneName !== undefined && !(typeof zoneName === "string" && Token.isUnresolved(zoneName))) {
    const normalised = normaliseHostName(zoneName, 2);
    name = normalised.ok ? normalised.ascii : undefined;
    if (!normalised.ok) reasons.add("zone.zoneName", zoneName, normalised.rule, "Pass the zone's apex name, e.g. \"firma.de\".");
  }
  const result: CheckedZone = { zoneId: zoneId as string | undefined, zoneName: name, provider: ownProvider, reasons: reasons.reasons };
  if (options !== null && typeof options === "object") checked.set(options, result);
  return result;
}

/** With a literal `zoneName`, the domain must equal it or lie under it. */
export function idOrNameDomainReasons(zone: CheckedZone, domain: string): ValidationReason[] {
  if (zone.reasons.length > 0 || zone.zoneName === undefined || Token.isUnresolved(zone.zoneName)) return [];
  if (isWithinDomain(domain, zone.zoneName)) return [];
  return [
    {
      path: "zone.zoneName",
      value: zone.zoneName,
      rule: `must be the domain "${domain}" or one of its parent domains`,
      fix: `Publish "${domain}" in its own zone (the zone whose apex is "${domain}" or a parent of it).`,
    },
  ];
}

/** The provider kind, the zone id (a token as the expression it resolves to) or else the name, and the provider instance. */
export function idOrNameZoneKey(scope: IConstruct, zone: CheckedZone, kind: string): string {
  const stack = TerraformStack.of(scope);
  const key = zone.zoneId !== undefined ? `id:${resolveText(stack, zone.zoneId)}` : `name:${resolveText(stack, zone.zoneName)}`;
  return JSON.stringify([kind, key, zone.provider?.node.path ?? ""]);
}

/** The `zone_id` token of each lookup data source this library made or reused. */
const lookupZoneIds = new WeakMap<IConstruct, string>();

/** The stack-level construct id of the lookup data source (no dots: cdktf drops them from addresses). */
function lookupId(stack: TerraformStack, zone: CheckedZone, kind: string): string {
  // A token zone name (another resource's attribute) is keyed by a hash of its reference.
  const name = Token.isUnresolved(zone.zoneName!)
    ? `ref_${createHash("sha256").update(resolveText(stack, zone.zoneName)).digest("hex").slice(0, 8)}`
    : zone.zoneName!.replace(/\./g, "_");
  const alias = zone.provider?.alias;
  const providerPart = zone.provider === undefined ? "" : `_${alias !== undefined && !Token.isUnresolved(alias) ? alias : zone.provider.node.id}`;
  return `mail-connect-zone_${kind}_${name}${providerPart}`;
}

/**
 * Where the records go in `scope`'s stack: the given zone id, or the lookup data source's
 * id (created on first use).
 */
export function idOrNameTarget(scope: IConstruct, zone: CheckedZone, rules: ZoneIdRules): RenderContext {
  if (zone.zoneId !== undefined) return { zoneId: zone.zoneId, provider: zone.provider };
  const stack = TerraformStack.of(scope);
  const id = lookupId(stack, zone, rules.kind);
  const existing = stack.node.tryFindChild(id);
  // Every `zoneId` read makes a new token (and captures a stack trace); one per lookup is enough.
  const known = existing === undefined ? undefined : lookupZoneIds.get(existing);
  if (known !== undefined) return { zoneId: known, provider: zone.provider };
  const zoneId = rules.lookup(stack, id, existing, zone.zoneName!, zone.provider);
  lookupZoneIds.set(stack.node.findChild(id), zoneId);
  return { zoneId, provider: zone.provider };
}
