/**
 * `DnsZone.route53`: one `aws_route53_record` per name and type (a resource is the whole
 * record set). Import ids are computed (`ZONEID_name_TYPE`); `allowOverwrite` turns CREATE
 * into UPSERT.
 */
import type { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { BindingClass, lazyBindingClass } from "../binding-loader";
import { DnsProviderAdapter, PlannedProviderResource } from "../dns-provider-adapter";
import { RenderContext } from "../render-context";
import { checkIdOrNameZone, DnsZoneOptions, idOrNameDomainReasons, idOrNameTarget, idOrNameZoneKey } from "../zone-id-or-name";
import { readRoute53Record } from "./route53-published";
import { ROUTE53_RESOURCE_TYPE, route53ImportId, route53RecordConfigs } from "./route53-records";
import { ROUTE53_BINDING, ROUTE53_FACTORY, ROUTE53_ZONE_RULES } from "./route53-zone";

const recordClass = lazyBindingClass(
  ROUTE53_BINDING,
  `${ROUTE53_FACTORY} (Route53 record sets)`,
  () => (require("@cdktf/provider-aws/lib/route53-record") as { Route53Record: typeof Route53Record }).Route53Record as unknown as BindingClass,
);

/** The Route53 adapter. */
export const route53Adapter: DnsProviderAdapter<DnsZoneOptions, RenderContext> = {
  kind: "route53",
  title: "Route53",
  factory: ROUTE53_FACTORY,
  bindingPackage: ROUTE53_BINDING.packageName,
  resourceTypes: [ROUTE53_RESOURCE_TYPE],
  recordModel: "rrset",
  // The second overwrites the first, or the apply fails (govuk-paas/paas-cf#1790).
  duplicateSetEffect: 'On Route53 one resource is the whole record set, so one would overwrite the other or the apply fails with "Tried to create resource record set ... but it already exists".',
  importIds: "computed",

  zoneReasons: (zone) => [...checkIdOrNameZone(zone, ROUTE53_ZONE_RULES).reasons],
  settingsReasons: () => [],
  domainReasons: (zone, domain) => idOrNameDomainReasons(checkIdOrNameZone(zone, ROUTE53_ZONE_RULES), domain),
  zoneKey: (scope, zone) => idOrNameZoneKey(scope, checkIdOrNameZone(zone, ROUTE53_ZONE_RULES), "route53"),
  zoneTarget: (scope, zone) => idOrNameTarget(scope, checkIdOrNameZone(zone, ROUTE53_ZONE_RULES), ROUTE53_ZONE_RULES),

  renderRecords: (records, target, settings) => route53RecordConfigs(records, target, { allowOverwrite: settings.allowOverwrite }) as unknown as PlannedProviderResource[],
  createResource: (scope, planned) => new (recordClass())(scope, planned.id, planned.config as never),
  importId: (planned, target) => ({ id: route53ImportId(target.zoneId, planned.records[0].name, planned.records[0].type) }),
  warnings: (_zone, { adopting, settings }) => [
    ...(settings.allowOverwrite === true
      ? [
          {
            code: "route53-allow-overwrite",
            path: "allowOverwrite",
            message:
              "every record set is written with allow_overwrite: an existing set at the same name and type is replaced as a whole, other values in it included, without showing them in the plan. Prefer `adopt: RecordAdoption.route53()`.",
          },
        ]
      : []),
    ...(adopting
      ? [
          {
            code: "route53-adopt-replaces-values",
            path: "adopt",
            message:
              "adopted record sets get exactly the planned values at the next apply: values they hold that the plan does not (another site verification at the domain, a second MX) are removed. Check `cdktf diff` and add values you keep to extraTxt.",
          },
        ]
      : []),
  ],

  readResource: (_resourceType, attributes, { skipUnknown }) => readRoute53Record(attributes, skipUnknown),
};
