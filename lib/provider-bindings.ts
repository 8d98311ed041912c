/**
 * The provider bindings are optional peer dependencies: an app installs
 * `@cdktf/provider-cloudflare`, `@cdktf/provider-aws` or both, for the providers it uses. So
 * no module of this library loads a binding when it is imported; each class is required
 * here on first use (deep-imported, never a package root: see __tests__/lean-imports.test.ts),
 * and a binding that is not installed fails with the command that installs it.
 */
import type { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import type { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import type { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { DataCloudflareZone } from "@cdktf/provider-cloudflare/lib/data-cloudflare-zone";
import type { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";

/** A provider binding package, and the major version range this library is written against (package.json `peerDependencies`). */
export interface ProviderBinding {
  readonly packageName: string;
  readonly range: string;
}

/** The bindings this library can use. */
export const PROVIDER_BINDINGS = {
  cloudflare: { packageName: "@cdktf/provider-cloudflare", range: "^13" },
  aws: { packageName: "@cdktf/provider-aws", range: "^21" },
} as const satisfies Record<string, ProviderBinding>;

/** Thrown when a feature needs a provider binding that the app has not installed. */
export class ProviderBindingMissingError extends Error {
  /** The package to install, e.g. `@cdktf/provider-aws`. */
  public readonly packageName: string;

  constructor(binding: ProviderBinding, neededFor: string) {
    super(
      `${neededFor} needs the package ${binding.packageName}, an optional peer dependency of cdktf-mail-connect that is not installed. ` +
        `Install it in your app: npm install ${binding.packageName}@${binding.range}`,
    );
    this.name = "ProviderBindingMissingError";
    this.packageName = binding.packageName;
    Object.setPrototypeOf(this, ProviderBindingMissingError.prototype);
  }
}

/** Whether `error` says that `packageName` itself (not something inside it) could not be found. */
function isMissingPackage(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.startsWith(`Cannot find module '${packageName}/`);
}

/** `load()` once, remembered; a missing package becomes a `ProviderBindingMissingError`. */
function lazyClass<T>(binding: ProviderBinding, neededFor: string, load: () => T): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded !== undefined) return loaded;
    try {
      loaded = load();
    } catch (error) {
      if (isMissingPackage(error, binding.packageName)) throw new ProviderBindingMissingError(binding, neededFor);
      throw error;
    }
    return loaded;
  };
}

// The literal specifiers keep each require visible to bundlers and to the import scanner.

/** `cloudflare_dns_record`, for `DnsZone.cloudflare`. */
export const cloudflareDnsRecordClass = lazyClass(PROVIDER_BINDINGS.cloudflare, "DnsZone.cloudflare (Cloudflare DNS records)", (): typeof DnsRecord =>
  (require("@cdktf/provider-cloudflare/lib/dns-record") as typeof import("@cdktf/provider-cloudflare/lib/dns-record")).DnsRecord,
);

/** The `cloudflare_zone` data source, for `DnsZone.cloudflare({ zoneName })`. */
export const cloudflareZoneDataClass = lazyClass(PROVIDER_BINDINGS.cloudflare, "DnsZone.cloudflare (the zone lookup by name)", (): typeof DataCloudflareZone =>
  (require("@cdktf/provider-cloudflare/lib/data-cloudflare-zone") as typeof import("@cdktf/provider-cloudflare/lib/data-cloudflare-zone")).DataCloudflareZone,
);

/** `aws_route53_record`, for `DnsZone.route53`. */
export const route53RecordClass = lazyClass(PROVIDER_BINDINGS.aws, "DnsZone.route53 (Route53 record sets)", (): typeof Route53Record =>
  (require("@cdktf/provider-aws/lib/route53-record") as typeof import("@cdktf/provider-aws/lib/route53-record")).Route53Record,
);

/** The `aws_route53_zone` data source, for `DnsZone.route53({ zoneName })`. */
export const route53ZoneDataClass = lazyClass(PROVIDER_BINDINGS.aws, "DnsZone.route53 (the hosted-zone lookup by name)", (): typeof DataAwsRoute53Zone =>
  (require("@cdktf/provider-aws/lib/data-aws-route53-zone") as typeof import("@cdktf/provider-aws/lib/data-aws-route53-zone")).DataAwsRoute53Zone,
);

/** `aws_vpc_security_group_ingress_rule`, for `MailConnectFirewall`. */
export const ingressRuleClass = lazyClass(PROVIDER_BINDINGS.aws, "MailConnectFirewall (AWS security-group rules)", (): typeof VpcSecurityGroupIngressRule =>
  (require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule")).VpcSecurityGroupIngressRule,
);

/** `aws_vpc_security_group_egress_rule`, for `MailConnectFirewall`. */
export const egressRuleClass = lazyClass(PROVIDER_BINDINGS.aws, "MailConnectFirewall (AWS security-group rules)", (): typeof VpcSecurityGroupEgressRule =>
  (require("@cdktf/provider-aws/lib/vpc-security-group-egress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-egress-rule")).VpcSecurityGroupEgressRule,
);
