/**
 * Zone sources for the provider round-trip: each scenario is built as a real
 * `MailConnectDomain` in a Cloudflare or Route53 stack, synthesized with cdktf, and the
 * synthesized resources are turned into the RRsets that provider publishes
 * (`publishedRrsetsFromTerraform`), then written as the zone BIND serves. What the DNS
 * answers is then what the provider would publish from our Terraform JSON.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain } from "../../lib/construct/mail-connect-domain";
import { publishedRrsetsFromTerraform, TerraformJson } from "../../lib/providers/published";
import { rrsetsToZoneFile } from "../../lib/zone-file";
import { TEST_ZONE_SOA } from "./mail-connect-zone";
import { ZoneSource } from "./scenario-zones";

const CLOUDFLARE_ZONE_ID = "0123456789abcdef0123456789abcdef";
const ROUTE53_ZONE_ID = "Z0123456789ABCDEFGHIJ";

/** The synthesized Terraform JSON of one scenario's domain on the given provider. */
export function synthesizeScenario(kind: "cloudflare" | "route53", planned: Parameters<ZoneSource>[0]): TerraformJson {
  const app = Testing.app();
  const stack = new TerraformStack(app, "scenario");
  if (kind === "cloudflare") new CloudflareProvider(stack, "cloudflare");
  else new AwsProvider(stack, "aws", { region: "eu-central-1" });
  const zone =
    kind === "cloudflare"
      ? DnsZone.cloudflare({ zoneId: CLOUDFLARE_ZONE_ID, zoneName: planned.scenario.origin })
      : DnsZone.route53({ zoneId: ROUTE53_ZONE_ID, zoneName: planned.scenario.origin });
  new MailConnectDomain(stack, "domain", { ...planned.scenario.options, zone });
  return JSON.parse(Testing.synth(stack, true)) as TerraformJson;
}

function providerSource(kind: "cloudflare" | "route53"): ZoneSource {
  return (planned) => {
    const rrsets = publishedRrsetsFromTerraform(synthesizeScenario(kind, planned));
    return rrsetsToZoneFile(rrsets, planned.scenario.origin, { soa: TEST_ZONE_SOA });
  };
}

/** What Cloudflare publishes from the synthesized `cloudflare_dns_record`s. */
export const cloudflareZoneSource: ZoneSource = providerSource("cloudflare");
/** What Route53 publishes from the synthesized `aws_route53_record`s. */
export const route53ZoneSource: ZoneSource = providerSource("route53");
