import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { DnsRecord } from "@cdktf/provider-cloudflare/lib/dns-record";
import { TerraformStack, Testing } from "cdktf";
import { addDnsConflictValidation, isSpfText } from "../../lib/construct/dns-conflict-validation";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, R53_ZONE_ID, cloudflareStack, route53Stack } from "../support/domain-stack";

/** The message of the validation failure of `Testing.synth(stack, true)`. */
function validationError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected synth validation to fail");
}

describe("stack-wide DNS safety (runs with Testing.synth(stack, true))", () => {
  test("a hundred customer domains in one Route53 zone synthesize side by side", () => {
    const stack = route53Stack();
    const zone = DnsZone.route53({ zoneName: "agency-customers.de" });
    for (let i = 0; i < 100; i++) {
      new MailConnectDomain(stack, `customer-${i}`, { domain: `kunde${i}.agency-customers.de`, zone });
    }
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(json.resource.aws_route53_record)).toHaveLength(600);
    expect(Object.keys(json.data.aws_route53_zone)).toHaveLength(1);
  });

  test("the same domain twice in one Route53 zone is reported once, by the ownership check, not per record set", () => {
    const stack = route53Stack();
    new MailConnectDomain(stack, "first", { domain: "firma.de", product: "mailing", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    new MailConnectDomain(stack, "second", { domain: "FIRMA.de", product: "mailing", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    const message = validationError(stack);
    expect(message).toContain('MailConnectDomain "test/second" (1 problem):\n  - domain: got "firma.de"; is already published by MailConnectDomain "test/first"');
    expect(message).not.toContain("Two aws_route53_record resources");
    expect(message).not.toContain("Two SPF records");
  });

  test("a Route53 TXT set written by hand at the domain conflicts with the construct's apex TXT set; the fix names extraTxt", () => {
    const stack = route53Stack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    new Route53Record(stack, "verification", { zoneId: R53_ZONE_ID, name: "firma.de.", type: "TXT", ttl: 300, records: ["google-site-verification=abc"] });
    const message = validationError(stack);
    expect(message).toContain('Two aws_route53_record resources publish the record set "firma.de" TXT in zone Z0123456789ABCDEFGHIJ: test/firma/spf and test/verification.');
    expect(message).toContain("use its extraTxt option");
    expect(message).not.toContain("SPF records");
  });

  test("the Route53 check compares token zone ids by the expression they stand for", () => {
    const stack = route53Stack();
    const zone = DnsZone.route53({ zoneName: "firma.de" });
    new MailConnectDomain(stack, "firma", { domain: "firma.de", product: "mailing", zone });
    new Route53Record(stack, "hand-mx", { zoneId: zone.zoneIdFor(stack), name: "firma.de", type: "MX", ttl: 300, records: ["10 mx.old-host.example."] });
    expect(validationError(stack)).toContain("in zone ${data.aws_route53_zone.mail-connect-zone_route53_firma_de.zone_id}: test/firma/mx and test/hand-mx.");
  });

  test("record sets that differ by set identifier (routing policies) are not a conflict", () => {
    const stack = route53Stack();
    for (const id of ["eu", "us"]) {
      new Route53Record(stack, `www-${id}`, { zoneId: R53_ZONE_ID, name: "www.firma.de", type: "A", ttl: 60, records: ["192.0.2.1"], setIdentifier: id, weightedRoutingPolicy: { weight: 1 } });
    }
    addDnsConflictValidation(stack);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("a second SPF record written by hand on Cloudflare fails, naming both paths and the fix", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new DnsRecord(stack, "shop-spf", { zoneId: CF_ZONE_ID, name: "firma.de", type: "TXT", ttl: 1, content: '"V=SPF1 include:shop.example -all"' });
    const message = validationError(stack);
    expect(message).toContain('Two SPF records at "firma.de": test/firma/spf and test/shop-spf.');
    expect(message).toContain("Keep the one from the MailConnectDomain (test/firma/spf), move the other's senders into its spf options (include, ip4, ip6, a, mx)");
  });

  test("other TXT records at the domain on Cloudflare are fine", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new DnsRecord(stack, "verification", { zoneId: CF_ZONE_ID, name: "firma.de", type: "TXT", ttl: 1, content: "google-site-verification=abc" });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("a hand-written Route53 set with two SPF values fails", () => {
    const stack = route53Stack();
    new Route53Record(stack, "apex", { zoneId: R53_ZONE_ID, name: "firma.de", type: "TXT", ttl: 300, records: ["v=spf1 a -all", "v=spf1 mx -all"] });
    addDnsConflictValidation(stack);
    expect(validationError(stack)).toContain('test/apex publishes 2 SPF records at "firma.de"');
  });

  test("registering the validation again on the same stack does not duplicate its messages", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new DnsRecord(stack, "other-spf", { zoneId: CF_ZONE_ID, name: "firma.de", type: "TXT", ttl: 1, content: "v=spf1 -all" });
    addDnsConflictValidation(stack);
    addDnsConflictValidation(stack);
    expect(validationError(stack).match(/Two SPF records/g)).toHaveLength(1);
  });

  test("plain Testing.synth does not run the checks (why the tests above pass true)", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    new DnsRecord(stack, "other-spf", { zoneId: CF_ZONE_ID, name: "firma.de", type: "TXT", ttl: 1, content: "v=spf1 -all" });
    expect(() => Testing.synth(stack)).not.toThrow();
  });
});

describe("isSpfText (RFC 7208 §4.5)", () => {
  test.each([
    ["v=spf1 include:_spf.mail-connect.net ?all", true],
    ["V=SPF1 -all", true],
    ["v=spf1", true],
    ["v=spf10 -all", false],
    ["google-site-verification=abc", false],
    [" v=spf1 -all", false],
  ])("%j is SPF: %s", (text, expected) => {
    expect(isSpfText(text)).toBe(expected);
  });
});
