/**
 * A Route53 public hosted zone, by id or by name (looked up with the `aws_route53_zone` data
 * source, once per zone name, provider and stack).
 */
import type { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { BindingPackage, lazyBindingClass, PROVIDER_BINDINGS } from "../binding-loader";
import { ZoneIdRules } from "../zone-id-or-name";

export const ROUTE53_FACTORY = "DnsZone.route53";

/** The binding; an optional peer for users (the firewall uses it too). */
export const ROUTE53_BINDING: BindingPackage = PROVIDER_BINDINGS.aws;

const zoneDataClass = lazyBindingClass(
  ROUTE53_BINDING,
  `${ROUTE53_FACTORY} (the hosted-zone lookup by name)`,
  () => (require("@cdktf/provider-aws/lib/data-aws-route53-zone") as { DataAwsRoute53Zone: typeof DataAwsRoute53Zone }).DataAwsRoute53Zone,
);

/** How Route53 hosted zone ids look and how a zone is looked up by name. */
export const ROUTE53_ZONE_RULES: ZoneIdRules = {
  kind: "route53",
  factory: ROUTE53_FACTORY,
  zoneIdPattern: /^[A-Z0-9]{1,32}$/,
  zoneIdRule: "a Route53 hosted zone id is upper-case letters and digits (e.g. Z0123456789ABCDEFGHIJ)",
  zoneIdFix: 'Pass the id without the "/hostedzone/" prefix, or pass zoneName instead.',
  providerExample: "new CloudflareProvider(...) or new AwsProvider(...)",
  lookup: (stack, id, existing, zoneName, provider) => {
    const DataZone = zoneDataClass();
    const zone = existing instanceof DataZone ? existing : new DataZone(stack, id, { name: zoneName, provider });
    return zone.zoneId;
  },
};
