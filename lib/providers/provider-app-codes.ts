/**
 * How a user's app is written for each provider, one line each, in the registry's order
 * (provider-registry.ts lists the adapters; this list holds no adapter, so it loads no cdktf).
 */
import { AZURE_DNS_APP_CODE } from "./azure-dns/azure-dns-app-code";
import { CLOUDFLARE_APP_CODE } from "./cloudflare/cloudflare-app-code";
import { GOOGLE_CLOUD_DNS_APP_CODE } from "./google-cloud-dns/google-cloud-dns-app-code";
import { ProviderAppCode } from "./provider-app-code";
import { RFC2136_APP_CODE } from "./rfc2136/rfc2136-app-code";
import { ROUTE53_APP_CODE } from "./route53/route53-app-code";

/** Every provider's app code, in the order of `DNS_PROVIDER_ADAPTERS`. */
export const PROVIDER_APP_CODES: readonly ProviderAppCode[] = [CLOUDFLARE_APP_CODE, ROUTE53_APP_CODE, RFC2136_APP_CODE, AZURE_DNS_APP_CODE, GOOGLE_CLOUD_DNS_APP_CODE];
