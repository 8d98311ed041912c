/**
 * The Terraform addresses of live records. A refactor that changes one of these (a renamed
 * construct id, an extra wrapper construct, a different grouping) makes Terraform destroy
 * and recreate the record: mail bounces while DNS catches up. If a change here is intended,
 * it needs `moved` blocks (resource.moveTo / moveToId) and a release note.
 *
 * The 8-hex suffix is cdktf's hash of the construct path below the stack: the first 8 hex
 * digits, upper-case, of MD5("firma/<id>") (checked by hand: MD5("firma/mx") starts d044b24d).
 * The same construct ids give the same addresses for Cloudflare and Route53. The extra TXT
 * id is `text-` + the first 8 hex digits of SHA-256("google-site-verification=abc123").
 */
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { DnsZone } from "../lib/dns-zone";
import { MailConnectDomain } from "../lib/mail-connect-domain";
import { CF_ZONE_ID, R53_ZONE_ID, addressesOf, cloudflareStack, route53Stack } from "./support/domain-stack";

const EVERYTHING = {
  domain: "firma.de",
  serverNames: { incoming: "imap", outgoing: "smtp" },
  extraTxt: ["google-site-verification=abc123"],
} as const;

describe("stable Terraform addresses for a MailConnectDomain with id \"firma\"", () => {
  test("Cloudflare: one address per record, named by purpose; extra TXT by a hash of the value", () => {
    const stack = cloudflareStack();
    new MailConnectDomain(stack, "firma", { ...EVERYTHING, zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
    expect(addressesOf(stack, "cloudflare_dns_record")).toEqual([
      "cloudflare_dns_record.firma_autoconfig_D25747B2",
      "cloudflare_dns_record.firma_autodiscover_5A09E5AB",
      "cloudflare_dns_record.firma_dkim_00E239A2",
      "cloudflare_dns_record.firma_dmarc_001D4F39",
      "cloudflare_dns_record.firma_incoming_2752582B",
      "cloudflare_dns_record.firma_mx_D044B24D",
      "cloudflare_dns_record.firma_outgoing_14E76027",
      "cloudflare_dns_record.firma_spf_C9E13984",
      "cloudflare_dns_record.firma_text-b0d609f4_71760BEE",
    ]);
  });

  test("Route53: one address per record set; SPF and extra TXT share firma_spf", () => {
    const stack = route53Stack();
    new MailConnectDomain(stack, "firma", { ...EVERYTHING, zone: DnsZone.route53({ zoneId: R53_ZONE_ID }) });
    expect(addressesOf(stack, "aws_route53_record")).toEqual([
      "aws_route53_record.firma_autoconfig_D25747B2",
      "aws_route53_record.firma_autodiscover_5A09E5AB",
      "aws_route53_record.firma_dkim_00E239A2",
      "aws_route53_record.firma_dmarc_001D4F39",
      "aws_route53_record.firma_incoming_2752582B",
      "aws_route53_record.firma_mx_D044B24D",
      "aws_route53_record.firma_outgoing_14E76027",
      "aws_route53_record.firma_spf_C9E13984",
    ]);
  });

  test("zone lookups have plain, readable addresses at stack level", () => {
    const stack = route53Stack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneName: "firma.de" }) });
    expect(Object.keys(JSON.parse(Testing.synth(stack)).data.aws_route53_zone)).toEqual(["mail-connect-zone_route53_firma_de"]);
  });
});

describe("stable Terraform addresses of a domain's firewall rules", () => {
  // 834C55E9 = MD5("mail-connect-firewall-mail-server/smtp-in-25-80_254_138_128-26"), checked by hand.
  const SMTP_RULE = "aws_vpc_security_group_ingress_rule.mail-connect-firewall-mail-server_smtp-in-25-80_254_138_128-26_834C55E9";

  test.each([
    ["the security group as created", "mail-server", undefined],
    ["the security group's construct renamed", "kanzlei-weber-mail-server", undefined],
    ["the security group moved into another construct", "mx1", "network"],
  ])("SECGATE with a named firewall: %s keeps the SMTP rule's address", (_case, groupId, wrapper) => {
    const stack = route53Stack();
    const group = new SecurityGroup(wrapper === undefined ? stack : new Construct(stack, wrapper), groupId, { name: "mail" });
    new MailConnectDomain(stack, "firma", { domain: "firma.de", product: "secgate", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }), firewall: { securityGroupId: group.id, name: "mail-server" } });
    expect(addressesOf(stack, "aws_vpc_security_group_ingress_rule")).toEqual([SMTP_RULE]);
  });

  test("a literal group id keeps its address as before", () => {
    const stack = route53Stack();
    new MailConnectDomain(stack, "firma", { domain: "firma.de", product: "secgate", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }), firewall: { securityGroupId: "sg-0123456789abcdef0" } });
    expect(addressesOf(stack, "aws_vpc_security_group_ingress_rule")).toEqual([
      "aws_vpc_security_group_ingress_rule.mail-connect-firewall-sg-0123456789abcdef0_smtp-in-25-80_254_138_128-26_89AEF969",
    ]);
  });
});
