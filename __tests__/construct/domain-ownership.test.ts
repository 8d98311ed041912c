import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, R53_ZONE_ID, cloudflareStack, synthJson } from "../support/domain-stack";
import { synthErrorOf } from "../support/validation-error";

const OTHER_CF_ZONE_ID = "fedcba9876543210fedcba9876543210";

/** An app with a Cloudflare stack `cf` and a Route53 stack `aws`. */
function twoProviderApp(): { cf: TerraformStack; aws: TerraformStack } {
  const app = Testing.app();
  const cf = new TerraformStack(app, "cf");
  new CloudflareProvider(cf, "cloudflare");
  const aws = new TerraformStack(app, "aws");
  new AwsProvider(aws, "aws", { region: "eu-central-1" });
  return { cf, aws };
}

const DUPLICATE = (first: string) =>
  `domain: got "firma.de"; is already published by MailConnectDomain "${first}"; two owners would publish a second MX, SPF, DKIM and DMARC record for it (two SPF records make SPF fail, RFC 7208 §4.5). ` +
  `Publish each domain once: remove one of the two. When moving the domain to another DNS provider, keep both only until the name servers switch and declare it on the new one: \`movingFrom: <the MailConnectDomain "${first}">\`.`;

describe("one owner per domain, app-wide", () => {
  test("the same domain in two stacks on two providers is refused, naming both construct paths", () => {
    const { cf, aws } = twoProviderApp();
    new MailConnectDomain(cf, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new MailConnectDomain(aws, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    const error = synthErrorOf(() => aws);
    expect(error.constructs.map((c) => c.subject)).toEqual(['MailConnectDomain "aws/firma"']);
    expect(error.messages).toEqual([DUPLICATE("cf/firma")]);
  });

  test("the same domain twice in one Cloudflare stack is refused once, not as a duplicate SPF", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "a", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new MailConnectDomain(stack, "b", { domain: "Firma.DE.", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    const error = synthErrorOf(() => stack);
    expect(error.messages).toEqual([DUPLICATE("test/a")]);
    expect(error.message).not.toContain("Two SPF records");
  });

  test("an IDN domain written in Unicode and in punycode is the same domain", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "a", { domain: "bücher.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new MailConnectDomain(stack, "b", { domain: "xn--bcher-kva.de", zone: DnsZone.cloudflare({ zoneId: OTHER_CF_ZONE_ID }) });
    expect(synthErrorOf(() => stack).reasons).toEqual([expect.objectContaining({ path: "domain", value: "xn--bcher-kva.de" })]);
  });

  test("a third owner is refused even beside a declared move", () => {
    const { cf, aws } = twoProviderApp();
    const old = new MailConnectDomain(aws, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    new MailConnectDomain(cf, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), movingFrom: old });
    new MailConnectDomain(cf, "again", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: OTHER_CF_ZONE_ID }) });
    const error = synthErrorOf(() => cf);
    expect(error.constructs.map((c) => c.path)).toEqual(["cf/firma", "cf/again"]);
  });

  test("a subdomain published on its own beside its parent is allowed", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "apex", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new MailConnectDomain(stack, "news", { domain: "news.firma.de", product: "mailing", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe("movingFrom: a declared move between DNS providers", () => {
  test("publishing at the new provider before the name servers switch synthesizes both stacks", () => {
    const { cf, aws } = twoProviderApp();
    const old = new MailConnectDomain(aws, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    const next = new MailConnectDomain(cf, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), movingFrom: old });
    expect(() => Testing.synth(aws, true)).not.toThrow();
    expect(() => Testing.synth(cf, true)).not.toThrow();
    expect(Object.keys(synthJson(cf).resource?.cloudflare_dns_record ?? {})).toHaveLength(6);
    expect(next.plan.records).toEqual(old.plan.records);
  });

  test("a move between two Cloudflare zones (another account) is allowed, and not reported as a second SPF", () => {
    const stack = cloudflareStack();
    const old = new MailConnectDomain(stack, "old", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new MailConnectDomain(stack, "new", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: OTHER_CF_ZONE_ID }), movingFrom: old });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("a move into the same zone is refused", () => {
    const stack = cloudflareStack();
    const old = new MailConnectDomain(stack, "old", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new MailConnectDomain(stack, "new", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), movingFrom: old });
    expect(synthErrorOf(() => stack).messages).toEqual([
      'movingFrom: got "test/old"; publishes into the same zone as this domain; a move needs the new zone at another DNS provider (or another zone). Point `zone` at the zone you are moving to, or remove `movingFrom` and one of the two domains.',
    ]);
  });

  test("movingFrom must publish the same domain", () => {
    const { cf, aws } = twoProviderApp();
    const old = new MailConnectDomain(aws, "other", { domain: "other.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    new MailConnectDomain(cf, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), movingFrom: old });
    expect(synthErrorOf(() => cf).messages).toEqual([
      'movingFrom: got "aws/other"; publishes "other.de", not "firma.de". Pass the MailConnectDomain of this same domain, or remove `movingFrom`.',
    ]);
  });

  test("movingFrom must be a MailConnectDomain", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), movingFrom: "aws/firma" as never });
    expect(synthErrorOf(() => stack).messages).toEqual([
      'movingFrom: got "aws/firma"; must be a MailConnectDomain. Pass the MailConnectDomain construct that publishes this domain in the zone you are leaving.',
    ]);
  });
});
