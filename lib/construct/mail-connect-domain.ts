/**
 * `MailConnectDomain`: the DNS records mail-connect requires for one domain, published in a
 * zone of any DNS provider. The planner decides what to publish; the zone's provider adapter
 * (lib/providers/) decides how.
 */
import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { addDnsConflictValidation } from "./dns-conflict-validation";
import { registerProblemSource } from "./app-validation";
import { claimDomain } from "./domain-ownership";
import { MailConnectValidationError, ReasonCollector, ValidationReason } from "../errors";
import { checkFirewallOptions, MailConnectFirewallProps } from "../firewall/firewall-props";
import { MailConnectFirewall } from "../firewall/mail-connect-firewall";
import { describeSecurityGroupId, checkSecurityGroupId } from "../firewall/security-group-id";
import { mailConnectFirewallFor, sharedFirewallReasons } from "../firewall/shared-firewall";
import { MailClientSettings, mailClientSettings } from "../mail-connect/mail-client-settings";
import { MailConnectRecordOptions } from "../mail-connect/options";
import { planMailConnectRecords, RECORD_OPTION_KEYS } from "../plan/plan-records";
import { DNS_ZONE_EXAMPLE, DnsZone } from "../providers/dns-zone";
import type { PublishSettings } from "../providers/dns-provider-adapter";
import { publishRecords, PublishRecordsOptions } from "../providers/publish-records";
import { RecordAdoption } from "../providers/record-adoption";
import { RenderedResource } from "../providers/render-context";
import { MailConnectRecordPlan, PlanWarning, RecordPurpose } from "../plan/record-plan";

/** Props of `MailConnectDomain`: the planner's options plus where and how to publish. */
export interface MailConnectDomainProps extends MailConnectRecordOptions {
  /** The zone the records go into, from one of `DnsZone`'s factories (one per DNS provider). */
  readonly zone: DnsZone;
  /**
   * The AWS security group of your own mail server, for product `secgate`: gets SMTP (25/tcp)
   * in from mail-connect's network through the stack's shared `MailConnectFirewall` for that
   * group (several domains on one group share its rules). Other products may use it for
   * `clientEgress`; for them `smtpIngress` defaults to false.
   * @default - no firewall rules; `secgate` then gets a warning that your server must accept
   *   TCP 25 from mail-connect's network
   */
  readonly firewall?: MailConnectFirewallProps;
  /**
   * Adopt records that already exist in the zone instead of creating them (Terraform `import`
   * blocks; needs Terraform >= 1.6): `RecordAdoption.recordSets()` where the provider's
   * import ids are computed, or the record ids the provider's API gives (README "Adopting
   * existing records").
   * @default - every record is created; what happens to an existing record depends on the
   *   provider (README, the provider's section)
   */
  readonly adopt?: RecordAdoption;
  /**
   * Only for providers with an overwrite switch (README): every record set replaces an
   * existing set of the same name and type as a whole (UPSERT). Prefer `adopt`, which shows
   * the change in the plan.
   * @default false
   */
  readonly allowOverwrite?: boolean;
  /**
   * Declares a move between DNS providers: `movingFrom` is the `MailConnectDomain` that
   * publishes this same domain in the zone you are leaving, and this one publishes it in the
   * new zone before the name servers switch. Without it, a domain published by two
   * `MailConnectDomain`s anywhere in the app is refused at synth. Remove the old domain (and
   * this prop) once the name servers point at the new zone.
   * @default - this is the domain's only owner in the app
   */
  readonly movingFrom?: MailConnectDomain;
}

/** The FQDNs of the published records (lowercase punycode, no trailing dot). */
export interface MailConnectFqdns {
  /** The domain itself: owner of the MX, SPF and extra TXT records. */
  readonly domain: string;
  readonly mx: string;
  readonly spf: string;
  readonly dkim: string;
  readonly dmarc: string;
  /** @default - not published (products other than `pro`, or `autoSetup: false`) */
  readonly autoconfig?: string;
  /** @default - not published (products other than `pro`, or `autoSetup: false`) */
  readonly autodiscover?: string;
  /** @default - not published (no `serverNames.incoming`) */
  readonly incoming?: string;
  /** @default - not published (no `serverNames.outgoing`) */
  readonly outgoing?: string;
}

/** Fails to compile if the planner gains an option that RECORD_OPTION_KEYS (and so recordOptions) leaves out. */
type UnpassedOptionKeys = Exclude<keyof MailConnectRecordOptions, (typeof RECORD_OPTION_KEYS)[number]>;
const ALL_OPTION_KEYS_PASSED: [UnpassedOptionKeys] extends [never] ? true : never = true;
void ALL_OPTION_KEYS_PASSED;

/** The props this construct reads besides the planner's options. */
const PUBLISHING_KEYS = ["zone", "firewall", "adopt", "allowOverwrite", "movingFrom"] as const;

/** The planner's options out of the props, and nothing else (the planner refuses unknown keys). */
function recordOptions(props: MailConnectDomainProps): MailConnectRecordOptions {
  const picked: Record<string, unknown> = {};
  for (const key of RECORD_OPTION_KEYS) {
    // Own properties only: a polluted Object.prototype must not add options.
    if (Object.hasOwn(props, key) && props[key] !== undefined) picked[key] = props[key];
  }
  return picked as unknown as MailConnectRecordOptions;
}

function fqdnsOf(plan: MailConnectRecordPlan): MailConnectFqdns {
  const name = (purpose: RecordPurpose) => plan.records.find((record) => record.purpose === purpose)?.name;
  return {
    domain: plan.domain,
    mx: name("mx")!,
    spf: name("spf")!,
    dkim: name("dkim")!,
    dmarc: name("dmarc")!,
    ...(name("autoconfig") ? { autoconfig: name("autoconfig") } : {}),
    ...(name("autodiscover") ? { autodiscover: name("autodiscover") } : {}),
    ...(name("incoming") ? { incoming: name("incoming") } : {}),
    ...(name("outgoing") ? { outgoing: name("outgoing") } : {}),
  };
}

/** Problems with `props.firewall`, with paths under `firewall.` (the shared firewall checks them again). */
function firewallReasons(scope: Construct, firewall: unknown): ValidationReason[] {
  if (firewall === undefined) return [];
  if (firewall === null || typeof firewall !== "object" || Array.isArray(firewall)) {
    return [{ path: "firewall", value: firewall, rule: "must be an object", fix: 'Pass firewall: { securityGroupId: "sg-..." } or leave it out.' }];
  }
  const props = firewall as MailConnectFirewallProps;
  const collector = new ReasonCollector();
  checkSecurityGroupId(props.securityGroupId, collector);
  // An unset smtpIngress that would leave no rules gets the domain's own message (publishingReasons).
  checkFirewallOptions(Object.assign(Object.create(null), props, { smtpIngress: props.smtpIngress ?? true }), collector);
  const reasons = collector.count > 0 ? collector.reasons : sharedFirewallReasons(props, MailConnectFirewall.find(scope, props.securityGroupId));
  return reasons.map((reason) => ({ ...reason, path: `firewall.${reason.path}` }));
}

/** Problems with the props the planner does not see (zone, adopt, allowOverwrite, firewall, movingFrom). */
function publishingReasons(scope: Construct, props: MailConnectDomainProps, plan: MailConnectRecordPlan | undefined): ValidationReason[] {
  const reasons: ValidationReason[] = [];
  const known: readonly string[] = [...RECORD_OPTION_KEYS, ...PUBLISHING_KEYS];
  for (const key of Object.keys(props)) {
    // A misspelt key (`produkt: "team"`) would otherwise be dropped silently and the default used.
    if (!known.includes(key)) reasons.push({ path: key, value: (props as unknown as Record<string, unknown>)[key], rule: "is not a known option", fix: `Use one of: ${known.join(", ")}.` });
  }
  const zone = props.zone;
  if (!(zone instanceof DnsZone)) {
    reasons.push({ path: "zone", value: zone, rule: "must be a DnsZone", fix: `Pass a zone from one of DnsZone's factories, e.g. ${DNS_ZONE_EXAMPLE}.` });
  } else {
    reasons.push(...zone.reasons);
  }
  if (props.adopt !== undefined && !(props.adopt instanceof RecordAdoption)) {
    reasons.push({ path: "adopt", value: props.adopt, rule: "must be a RecordAdoption", fix: "Pass one of RecordAdoption's factories (README \"Adopting existing records\")." });
  } else if (props.adopt !== undefined && zone instanceof DnsZone && plan !== undefined) {
    reasons.push(...props.adopt.reasons(zone.kind, plan));
  }
  if (zone instanceof DnsZone && plan !== undefined) reasons.push(...zone.domainReasons(plan.domain));
  if (props.allowOverwrite !== undefined && typeof props.allowOverwrite !== "boolean") {
    reasons.push({ path: "allowOverwrite", value: props.allowOverwrite, rule: "must be true or false", fix: "Write `allowOverwrite: true` to opt in, or leave it out." });
  } else if (zone instanceof DnsZone) {
    reasons.push(...zone.adapter.settingsReasons({ allowOverwrite: props.allowOverwrite }));
  }
  const product = props.product ?? "pro";
  const firewall = props.firewall;
  const firewallProblems = firewallReasons(scope, firewall);
  reasons.push(...firewallProblems);
  if (firewallProblems.length === 0 && firewall !== undefined && product !== "secgate" && firewall.smtpIngress === undefined) {
    const egress = firewall.clientEgress;
    if (egress === undefined || egress === false || (Array.isArray(egress) && egress.length === 0)) {
      reasons.push({
        path: "firewall",
        value: { securityGroupId: describeSecurityGroupId(scope, firewall.securityGroupId) },
        rule: `would make no rules: with product "${product}" mail-connect delivers to its own servers, so no SMTP ingress is needed`,
        fix: "Remove `firewall`, or set `firewall.clientEgress` for a group with locked-down egress.",
      });
    }
  }
  const movingFrom: unknown = props.movingFrom;
  if (movingFrom !== undefined && !(movingFrom instanceof MailConnectDomain)) {
    reasons.push({ path: "movingFrom", value: movingFrom, rule: "must be a MailConnectDomain", fix: "Pass the MailConnectDomain construct that publishes this domain in the zone you are leaving." });
  } else if (movingFrom instanceof MailConnectDomain && plan !== undefined && movingFrom.problems.length === 0 && movingFrom.domain !== plan.domain) {
    reasons.push({
      path: "movingFrom",
      value: movingFrom.node.path,
      rule: `publishes "${movingFrom.domain}", not "${plan.domain}"`,
      fix: "Pass the MailConnectDomain of this same domain, or remove `movingFrom`.",
    });
  }
  return reasons;
}

/** The props as an object of own properties; `null`, `undefined` and other non-objects become a reason. */
function ownProps(props: unknown, reasons: ValidationReason[]): MailConnectDomainProps {
  if (props !== null && typeof props === "object" && !Array.isArray(props)) {
    // Own properties only, in a null-prototype copy: a key inherited from a polluted
    // Object.prototype (`allowOverwrite`, `firewall`, `adopt`) never becomes an option.
    return Object.assign(Object.create(null), props) as MailConnectDomainProps;
  }
  reasons.push({ path: "props", value: props, rule: "must be an object", fix: `Pass { domain: "firma.de", zone: ${DNS_ZONE_EXAMPLE.split(" or ")[0]} }.` });
  return {} as MailConnectDomainProps;
}

/** What a valid `MailConnectDomain` exposes. */
interface PublishedDomain {
  readonly plan: MailConnectRecordPlan;
  readonly fqdns: MailConnectFqdns;
  readonly clientSettings: MailClientSettings;
  readonly resources: { readonly [id: string]: RenderedResource };
  readonly firewall?: MailConnectFirewall;
  readonly warnings: readonly PlanWarning[];
}

/**
 * The DNS records mail-connect requires for one domain (MX, SPF, DKIM, DMARC; auto-setup for
 * PRO; optional client server names), in a zone of any supported DNS provider.
 *
 * The record construct ids `mx`, `autoconfig`, `autodiscover`, `spf`, `dkim`, `dmarc`,
 * `incoming`, `outgoing` (and `text-<hash>` for extra TXT values where the provider stores one record per value) are public
 * API: they decide the Terraform addresses of live records.
 *
 * Invalid props do not throw here: the construct keeps its `problems`, creates no records, and
 * the problems of every invalid `MailConnectDomain` and `MailConnectFirewall` in the app are
 * reported together at synth, in one `MailConnectValidationError` grouped by construct path.
 * Reading `plan`, `domain`, `fqdns`, `clientSettings`, `resources`, `firewall` or `warnings`
 * of an invalid domain throws that error for this domain alone.
 */
export class MailConnectDomain extends Construct {
  /**
   * The problems of the props, found when the construct was created; empty when it is valid.
   * Problems across domains (a second owner of the same domain) are found at synth.
   */
  public readonly problems: readonly ValidationReason[];

  private readonly published?: PublishedDomain;

  constructor(scope: Construct, id: string, props: MailConnectDomainProps) {
    super(scope, id);
    const reasons: ValidationReason[] = [];
    const given = ownProps(props, reasons);
    const firewallGiven: unknown = given.firewall;
    if (firewallGiven !== null && typeof firewallGiven === "object" && !Array.isArray(firewallGiven)) {
      (given as { firewall?: MailConnectFirewallProps }).firewall = Object.assign(Object.create(null), firewallGiven);
    }
    let plan: MailConnectRecordPlan | undefined;
    if (reasons.length === 0) {
      try {
        plan = planMailConnectRecords(recordOptions(given));
      } catch (error) {
        if (!(error instanceof MailConnectValidationError)) throw error;
        reasons.push(...error.reasons);
      }
      reasons.push(...publishingReasons(this, given, plan));
    }
    this.problems = reasons;
    // Registered before the stack-wide DNS checks, so invalid props are reported first.
    registerProblemSource({ construct: this, kind: "MailConnectDomain", problems: () => this.problems });
    if (reasons.length > 0 || plan === undefined) return;
    try {
      this.published = this.publish(given, plan);
    } catch (error) {
      // What only the adapter knows (an import id it cannot compute from these options) is a
      // problem like any other: reported at synth, with every other one.
      if (!(error instanceof MailConnectValidationError)) throw error;
      reasons.push(...error.reasons);
      return;
    }
    claimDomain({ construct: this, domain: plan.domain, zoneKey: given.zone.identity(this), movingFrom: given.movingFrom });
    addDnsConflictValidation(this);
  }

  /** The domain, normalised (lowercase punycode, no trailing dot). */
  public get domain(): string {
    return this.valid().plan.domain;
  }

  /** The provider-neutral plan the records were rendered from. */
  public get plan(): MailConnectRecordPlan {
    return this.valid().plan;
  }

  /** The FQDN of every published record. */
  public get fqdns(): MailConnectFqdns {
    return this.valid().fqdns;
  }

  /** Server names, ports and security for mail clients. */
  public get clientSettings(): MailClientSettings {
    return this.valid().clientSettings;
  }

  /** The record resources, by construct id. */
  public get resources(): { readonly [id: string]: RenderedResource } {
    return this.valid().resources;
  }

  /**
   * The stack's shared firewall for `props.firewall.securityGroupId` (shared with other
   * domains on the same group).
   * @default - undefined when no `firewall` was given
   */
  public get firewall(): MailConnectFirewall | undefined {
    return this.valid().firewall;
  }

  /** The warnings given as cdktf annotations (planner advice and this construct's own). */
  public get warnings(): readonly PlanWarning[] {
    return this.valid().warnings;
  }

  private valid(): PublishedDomain {
    if (this.published === undefined) throw new MailConnectValidationError(`MailConnectDomain "${this.node.path}"`, this.problems);
    return this.published;
  }

  private publish(props: MailConnectDomainProps, plan: MailConnectRecordPlan): PublishedDomain {
    const zone = props.zone;
    const firewallProps = props.firewall;
    const product = props.product ?? "pro";
    // The adapter renders (every provider string), creates the resources in a plain loop and
    // adds the import blocks of adopted records; the props were checked above.
    // Null-prototype options: a polluted Object.prototype (`adopt`, `allowOverwrite`) adds nothing.
    const settings = Object.assign(Object.create(null), props.allowOverwrite === undefined ? {} : { allowOverwrite: props.allowOverwrite }) as PublishSettings;
    const options = Object.assign(Object.create(null), props.adopt?.publishOptions(), { settings }) as PublishRecordsOptions;
    const published = publishRecords(this, zone.adapter, zone.options as never, plan, options);
    const rendered: RenderedResource[] = published.resources.map(({ id, purpose, records, text, resource }) => ({ id, purpose, records, text, resource }));

    // The stack's one firewall per security group (lib/firewall/shared-firewall.ts):
    // domains sharing a group merge their options instead of duplicating rules.
    const firewall = firewallProps === undefined ? undefined : mailConnectFirewallFor(this, { ...firewallProps, smtpIngress: firewallProps.smtpIngress ?? product === "secgate" });

    const warnings: PlanWarning[] = published.warnings.filter((warning) => !(firewallProps !== undefined && warning.code === "secgate-smtp-ingress"));
    for (const warning of warnings) {
      Annotations.of(this).addWarning(`[${warning.code}] ${warning.path}: ${warning.message}`);
    }
    return {
      plan,
      fqdns: fqdnsOf(plan),
      clientSettings: mailClientSettings(plan, product),
      resources: Object.fromEntries(rendered.map((item) => [item.id, item])),
      firewall,
      warnings,
    };
  }
}
