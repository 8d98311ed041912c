/**
 * The provider bindings are optional peer dependencies: an app installs
 * `@cdktf/provider-cloudflare`, `@cdktf/provider-aws` or both, for the providers it uses. So
 * no module of this library loads a binding when it is imported; each class is required
 * here on first use (deep-imported, never a package root: see __tests__/lean-imports.test.ts),
 * and a binding that is not installed fails with the command that installs it
 * (`lazyBindingClass`, shared with the other providers' adapters).
 */
import { BindingPackage, lazyBindingClass } from "./providers/binding-loader";

/** The Cloudflare and AWS bindings, and the major version ranges this library is written against (package.json `peerDependencies`). */
export const PROVIDER_BINDINGS = {
  cloudflare: { packageName: "@cdktf/provider-cloudflare", range: "^13" },
  aws: { packageName: "@cdktf/provider-aws", range: "^21" },
} as const satisfies Record<string, BindingPackage>;

const { cloudflare, aws } = PROVIDER_BINDINGS;
// One class per line, each loaded on first use. The literal specifiers keep every require
// visible to bundlers and to the import scanner (__tests__/lean-imports.test.ts).
export const cloudflareDnsRecordClass = lazyBindingClass(cloudflare, "DnsZone.cloudflare (Cloudflare DNS records)", () => (require("@cdktf/provider-cloudflare/lib/dns-record") as typeof import("@cdktf/provider-cloudflare/lib/dns-record")).DnsRecord);
export const cloudflareZoneDataClass = lazyBindingClass(cloudflare, "DnsZone.cloudflare (the zone lookup by name)", () => (require("@cdktf/provider-cloudflare/lib/data-cloudflare-zone") as typeof import("@cdktf/provider-cloudflare/lib/data-cloudflare-zone")).DataCloudflareZone);
export const route53RecordClass = lazyBindingClass(aws, "DnsZone.route53 (Route53 record sets)", () => (require("@cdktf/provider-aws/lib/route53-record") as typeof import("@cdktf/provider-aws/lib/route53-record")).Route53Record);
export const route53ZoneDataClass = lazyBindingClass(aws, "DnsZone.route53 (the hosted-zone lookup by name)", () => (require("@cdktf/provider-aws/lib/data-aws-route53-zone") as typeof import("@cdktf/provider-aws/lib/data-aws-route53-zone")).DataAwsRoute53Zone);
export const ingressRuleClass = lazyBindingClass(aws, "MailConnectFirewall (AWS security-group rules)", () => (require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule")).VpcSecurityGroupIngressRule);
export const egressRuleClass = lazyBindingClass(aws, "MailConnectFirewall (AWS security-group rules)", () => (require("@cdktf/provider-aws/lib/vpc-security-group-egress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-egress-rule")).VpcSecurityGroupEgressRule);
