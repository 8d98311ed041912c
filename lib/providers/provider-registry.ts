/**
 * Every DNS provider this library publishes to, one line each. Adding a provider = one folder
 * `lib/providers/<provider>/` with its adapter, one line here, a factory on `DnsZone`, and
 * README rows. The round-trip (`publishedRrsetsFromTerraform`, `verify --synth`) and the
 * stack-wide checks read every resource type listed by these adapters.
 */
import { azureDnsAdapter } from "./azure-dns/azure-dns-adapter";
import { cloudflareAdapter } from "./cloudflare/cloudflare-adapter";
import { DnsProviderAdapter } from "./dns-provider-adapter";
import { googleCloudDnsAdapter } from "./google-cloud-dns/google-cloud-dns-adapter";
import { rfc2136Adapter } from "./rfc2136/rfc2136-adapter";
import { route53Adapter } from "./route53/route53-adapter";

/** An adapter of any zone options (the registry does not know them). */
export type AnyDnsProviderAdapter = DnsProviderAdapter<never, unknown>;

/** The adapters, in the order their resources are read. */
export const DNS_PROVIDER_ADAPTERS: readonly AnyDnsProviderAdapter[] = [
  cloudflareAdapter as unknown as AnyDnsProviderAdapter,
  route53Adapter as unknown as AnyDnsProviderAdapter,
  rfc2136Adapter as unknown as AnyDnsProviderAdapter,
  azureDnsAdapter as unknown as AnyDnsProviderAdapter,
  googleCloudDnsAdapter as unknown as AnyDnsProviderAdapter,
];

/** The adapter that writes `resourceType`, if any. */
export function adapterForResourceType(resourceType: string): AnyDnsProviderAdapter | undefined {
  return DNS_PROVIDER_ADAPTERS.find((adapter) => adapter.resourceTypes.includes(resourceType));
}
