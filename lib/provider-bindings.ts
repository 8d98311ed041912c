/**
 * The provider bindings are optional peer dependencies: an app installs
 * `@cdktf/provider-cloudflare`, `@cdktf/provider-aws` or both, for the providers it uses. So
 * no module of this library loads a binding when it is imported; each class is required
 * here on first use (deep-imported, never a package root: see __tests__/lean-imports.test.ts),
 * and a binding that is not installed fails with the command that installs it.
 */

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

const { cloudflare, aws } = PROVIDER_BINDINGS;
// One class per line, each loaded on first use. The literal specifiers keep every require
// visible to bundlers and to the import scanner (__tests__/lean-imports.test.ts).
export const cloudflareDnsRecordClass = lazyClass(cloudflare, "DnsZone.cloudflare (Cloudflare DNS records)", () => (require("@cdktf/provider-cloudflare/lib/dns-record") as typeof import("@cdktf/provider-cloudflare/lib/dns-record")).DnsRecord);
export const cloudflareZoneDataClass = lazyClass(cloudflare, "DnsZone.cloudflare (the zone lookup by name)", () => (require("@cdktf/provider-cloudflare/lib/data-cloudflare-zone") as typeof import("@cdktf/provider-cloudflare/lib/data-cloudflare-zone")).DataCloudflareZone);
export const route53RecordClass = lazyClass(aws, "DnsZone.route53 (Route53 record sets)", () => (require("@cdktf/provider-aws/lib/route53-record") as typeof import("@cdktf/provider-aws/lib/route53-record")).Route53Record);
export const route53ZoneDataClass = lazyClass(aws, "DnsZone.route53 (the hosted-zone lookup by name)", () => (require("@cdktf/provider-aws/lib/data-aws-route53-zone") as typeof import("@cdktf/provider-aws/lib/data-aws-route53-zone")).DataAwsRoute53Zone);
export const ingressRuleClass = lazyClass(aws, "MailConnectFirewall (AWS security-group rules)", () => (require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule")).VpcSecurityGroupIngressRule);
export const egressRuleClass = lazyClass(aws, "MailConnectFirewall (AWS security-group rules)", () => (require("@cdktf/provider-aws/lib/vpc-security-group-egress-rule") as typeof import("@cdktf/provider-aws/lib/vpc-security-group-egress-rule")).VpcSecurityGroupEgressRule);
