/**
 * `MailConnectDomain`: the DNS records mail-connect requires for one domain, published in a
 * Cloudflare zone or a Route53 hosted zone. The planner decides what to publish; one
 * renderer per provider decides how.
 */
import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { RecordAdoption } from "./adoption";
import { addDnsConflictValidation } from "./dns-conflict-validation";
import { DnsZone } from "./dns-zone";
import { MailConnectValidationError, ValidationReason } from "./errors";
import { MailConnectFirewallProps } from "./firewall/firewall-props";
import { MailConnectFirewall } from "./firewall/mail-connect-firewall";
import { mailConnectFirewallFor } from "./firewall/shared-firewall";
import { MailClientSettings, mailClientSettings } from "./mail-client-settings";
import { MailConnectRecordOptions } from "./options";
import { planMailConnectRecords, RECORD_OPTION_KEYS } from "./plan/plan-records";
import { cloudflareDnsRecordClass, route53RecordClass } from "./provider-bindings";
import { MailConnectRecordPlan, PlanWarning, RecordPurpose } from "./record-plan";
import { cloudflareRecordConfigs } from "./render/cloudflare-records";
import { RenderContext, RenderedResource } from "./render/render-context";
import { route53RecordConfigs } from "./render/route53-records";

/** Props of `MailConnectDomain`: the planner's options plus where and how to publish. */
export interface MailConnectDomainProps extends MailConnectRecordOptions {
  /** The zone the records go into: `DnsZone.cloudflare({...})` or `DnsZone.route53({...})`. */
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
   * blocks; needs Terraform >= 1.5): `RecordAdoption.route53()` (ids are computed) or
   * `RecordAdoption.cloudflare({ mx: "<record id>", ... })`.
   * @default - every record is created; an existing Route53 set makes the apply fail,
   *   an existing Cloudflare record stays beside the new one
   */
  readonly adopt?: RecordAdoption;
  /**
   * Route53 only: `allow_overwrite = true` on every record set, so an existing set is
   * silently replaced as a whole (UPSERT). Prefer `adopt`, which shows the change in the plan.
   * @default false
   */
  readonly allowOverwrite?: boolean;
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
const PUBLISHING_KEYS = ["zone", "firewall", "adopt", "allowOverwrite"] as const;

/** The planner's options out of the props, and nothing else (the planner refuses unknown keys). */
function recordOptions(props: MailConnectDomainProps): MailConnectRecordOptions {
  const picked: Record<string, unknown> = {};
  for (const key of RECORD_OPTION_KEYS) {
    if (props[key] !== undefined) picked[key] = props[key];
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

/** Problems with the props the planner does not see (zone, adopt, allowOverwrite, firewall). */
function publishingReasons(props: MailConnectDomainProps, plan: MailConnectRecordPlan | undefined): ValidationReason[] {
  const reasons: ValidationReason[] = [];
  const known: readonly string[] = [...RECORD_OPTION_KEYS, ...PUBLISHING_KEYS];
  for (const key of Object.keys(props)) {
    // A misspelt key (`produkt: "team"`) would otherwise be dropped silently and the default used.
    if (!known.includes(key)) reasons.push({ path: key, value: (props as unknown as Record<string, unknown>)[key], rule: "is not a known option", fix: `Use one of: ${known.join(", ")}.` });
  }
  const zone = props.zone;
  if (!(zone instanceof DnsZone)) {
    reasons.push({ path: "zone", value: zone, rule: "must be a DnsZone", fix: 'Pass DnsZone.cloudflare({ zoneId: "..." }) or DnsZone.route53({ zoneName: "firma.de" }).' });
  } else {
    reasons.push(...zone.reasons);
  }
  if (props.adopt !== undefined && !(props.adopt instanceof RecordAdoption)) {
    reasons.push({ path: "adopt", value: props.adopt, rule: "must be a RecordAdoption", fix: "Pass RecordAdoption.route53(...) or RecordAdoption.cloudflare({ ... })." });
  } else if (props.adopt !== undefined && zone instanceof DnsZone && plan !== undefined) {
    reasons.push(...props.adopt.reasons(zone.kind, plan));
  }
  if (zone instanceof DnsZone && plan !== undefined) reasons.push(...zone.domainReasons(plan.domain));
  if (props.allowOverwrite !== undefined && typeof props.allowOverwrite !== "boolean") {
    reasons.push({ path: "allowOverwrite", value: props.allowOverwrite, rule: "must be true or false", fix: "Write `allowOverwrite: true` to opt in, or leave it out." });
  } else if (props.allowOverwrite !== undefined && zone instanceof DnsZone && zone.kind !== "route53") {
    reasons.push({ path: "allowOverwrite", value: props.allowOverwrite, rule: "exists only on Route53 (Cloudflare provider v5 has no allow_overwrite)", fix: "Remove it and adopt existing records with RecordAdoption.cloudflare({ ... })." });
  }
  const firewall = props.firewall;
  const product = props.product ?? "pro";
  if (firewall !== undefined && product !== "secgate" && firewall.smtpIngress === undefined) {
    const egress = firewall.clientEgress;
    if (egress === undefined || egress === false || (Array.isArray(egress) && egress.length === 0)) {
      reasons.push({
        path: "firewall",
        value: { securityGroupId: firewall.securityGroupId },
        rule: `would make no rules: with product "${product}" mail-connect delivers to its own servers, so no SMTP ingress is needed`,
        fix: "Remove `firewall`, or set `firewall.clientEgress` for a group with locked-down egress.",
      });
    }
  }
  return reasons;
}

/**
 * The DNS records mail-connect requires for one domain (MX, SPF, DKIM, DMARC; auto-setup for
 * PRO; optional client server names), in a Cloudflare or Route53 zone.
 *
 * The record construct ids `mx`, `autoconfig`, `autodiscover`, `spf`, `dkim`, `dmarc`,
 * `incoming`, `outgoing` (and `text-<hash>` for extra TXT values on Cloudflare) are public
 * API: they decide the Terraform addresses of live records.
 */
export class MailConnectDomain extends Construct {
  /** The domain, normalised (lowercase punycode, no trailing dot). */
  public readonly domain: string;
  /** The provider-neutral plan the records were rendered from. */
  public readonly plan: MailConnectRecordPlan;
  /** The FQDN of every published record. */
  public readonly fqdns: MailConnectFqdns;
  /** Server names, ports and security for mail clients. */
  public readonly clientSettings: MailClientSettings;
  /** The record resources, by construct id. */
  public readonly resources: { readonly [id: string]: RenderedResource };
  /**
   * The stack's shared firewall for `props.firewall.securityGroupId` (shared with other
   * domains on the same group).
   * @default - undefined when no `firewall` was given
   */
  public readonly firewall?: MailConnectFirewall;
  /** The warnings given as cdktf annotations (planner advice and this construct's own). */
  public readonly warnings: readonly PlanWarning[];

  constructor(scope: Construct, id: string, props: MailConnectDomainProps) {
    super(scope, id);
    const subject = `MailConnectDomain "${this.node.path}"`;
    const reasons: ValidationReason[] = [];
    let plan: MailConnectRecordPlan | undefined;
    try {
      plan = planMailConnectRecords(recordOptions(props));
    } catch (error) {
      if (!(error instanceof MailConnectValidationError)) throw error;
      reasons.push(...error.reasons);
    }
    reasons.push(...publishingReasons(props, plan));
    const firewall = props.firewall;
    const product = props.product ?? "pro";
    if (reasons.length > 0 || plan === undefined) throw new MailConnectValidationError(subject, reasons);

    const zone = props.zone;
    this.plan = plan;
    this.domain = plan.domain;
    this.fqdns = fqdnsOf(plan);
    this.clientSettings = mailClientSettings(plan, product);

    const context: RenderContext = { zoneId: zone.zoneIdFor(this), provider: zone.provider };
    // The resources are created right here, in plain loops: every provider resource captures
    // the whole call stack several times while it is built (cdktf tokens), so each frame
    // between the app and `new DnsRecord` costs time at synth (bench/, README "Performance").
    // The renderers decide the configs (and every provider string in them).
    const rendered: RenderedResource[] = [];
    if (zone.kind === "cloudflare") {
      for (const planned of cloudflareRecordConfigs(plan.records, context)) {
        rendered.push({ id: planned.id, purpose: planned.purpose, records: planned.records, text: planned.text, resource: new (cloudflareDnsRecordClass())(this, planned.id, planned.config) });
      }
    } else {
      for (const planned of route53RecordConfigs(plan.records, context, { allowOverwrite: props.allowOverwrite })) {
        rendered.push({ id: planned.id, purpose: planned.purpose, records: planned.records, resource: new (route53RecordClass())(this, planned.id, planned.config) });
      }
    }
    props.adopt?.apply(rendered, context);
    this.resources = Object.fromEntries(rendered.map((item) => [item.id, item]));

    if (firewall !== undefined) {
      // The stack's one firewall per security group (lib/firewall/shared-firewall.ts):
      // domains sharing a group merge their options instead of duplicating rules.
      this.firewall = mailConnectFirewallFor(this, { ...firewall, smtpIngress: firewall.smtpIngress ?? product === "secgate" });
    }

    const warnings: PlanWarning[] = plan.warnings.filter((warning) => !(firewall !== undefined && warning.code === "secgate-smtp-ingress"));
    if (props.allowOverwrite === true) {
      warnings.push({
        code: "route53-allow-overwrite",
        path: "allowOverwrite",
        message: "every record set is written with allow_overwrite: an existing set at the same name and type is replaced as a whole, other values in it included, without showing them in the plan. Prefer `adopt: RecordAdoption.route53()`.",
      });
    }
    if (props.adopt !== undefined && zone.kind === "route53") {
      warnings.push({
        code: "route53-adopt-replaces-values",
        path: "adopt",
        message: "adopted record sets get exactly the planned values at the next apply: values they hold that the plan does not (another site verification at the domain, a second MX) are removed. Check `cdktf diff` and add values you keep to extraTxt.",
      });
    }
    this.warnings = warnings;
    for (const warning of warnings) {
      Annotations.of(this).addWarning(`[${warning.code}] ${warning.path}: ${warning.message}`);
    }
    addDnsConflictValidation(this);
  }
}
