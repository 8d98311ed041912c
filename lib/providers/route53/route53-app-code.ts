/**
 * A user's app on Route53: the hosted zone by name (looked up), credentials from the AWS
 * environment, computed import ids. No cdktf import: the CLI loads it.
 */
import { ProviderAppCode } from "../provider-app-code";

export const ROUTE53_APP_CODE: ProviderAppCode = {
  kind: "route53",
  title: "Route53",
  providerClass: "AwsProvider",
  providerModule: "@cdktf/provider-aws/lib/provider",
  providerStatement: 'new AwsProvider(this, "aws", { region: "eu-central-1" }); // Route53 is global: any region works',
  credentials: "Credentials come from the usual AWS environment variables at plan/apply (synth needs none).",
  constants: [],
  zoneFactory: "DnsZone.route53",
  zoneOptions: [["zoneName", { zoneName: true }]],
  adoption: { importIds: "computed", factory: "RecordAdoption.route53" },
};
