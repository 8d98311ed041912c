import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectValidationError } from "../../lib/errors";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, R53_ZONE_ID, cloudflareStack, resourcesOf, route53Stack, warningsOf } from "../support/domain-stack";
import { synthReasonsOf } from "../support/validation-error";
import { synthErrorOf } from "../support/validation-error";

function domainIn(stack: TerraformStack, props: Partial<MailConnectDomainProps> = {}, id = "firma"): MailConnectDomain {
  return new MailConnectDomain(stack, id, { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), ...props });
}

describe("DnsZone factories", () => {
  test.each([
    ["cloudflare", () => DnsZone.cloudflare({})],
    ["route53", () => DnsZone.route53({})],
  ])("%s without zoneId and zoneName is refused by the domain, together with its other problems", (kind, make) => {
    const zone = make();
    const error = synthErrorOf(() => domainIn(cloudflareStack(), { domain: "1.2.3.4", zone }));
    expect(error.message.split("\n")[0]).toBe("Invalid mail-connect configuration: 2 problems in 1 construct.");
    expect(error.message).toContain('\nMailConnectDomain "test/firma" (2 problems):\n');
    expect(error.messages).toEqual([
      'domain: got "1.2.3.4"; must be a domain name: it must be a host name, not an IP address. Use the mail domain itself, e.g. "firma.de" or "news.my-company.com".',
      `zone: got {}; needs a zoneId or a zoneName. Pass DnsZone.${kind}({ zoneId: "..." }) or DnsZone.${kind}({ zoneName: "firma.de" }).`,
    ]);
  });

  test("malformed literal zone ids and names are refused, all at once", () => {
    expect(synthReasonsOf(() => domainIn(cloudflareStack(), { zone: DnsZone.cloudflare({ zoneId: "firma.de", zoneName: "firma..de" }) }))).toEqual([
      'zone.zoneId: got "firma.de"; a Cloudflare zone id is 32 lowercase hex digits. Copy the Zone ID from the zone\'s overview page in the Cloudflare dashboard, or pass zoneName instead.',
      'zone.zoneName: got "firma..de"; must not contain an empty label (two dots in a row). Pass the zone\'s apex name, e.g. "firma.de".',
    ]);
    expect(synthReasonsOf(() => domainIn(route53Stack(), { zone: DnsZone.route53({ zoneId: "/hostedzone/Z123" }) }))).toEqual([
      'zone.zoneId: got "/hostedzone/Z123"; a Route53 hosted zone id is upper-case letters and digits (e.g. Z0123456789ABCDEFGHIJ). Pass the id without the "/hostedzone/" prefix, or pass zoneName instead.',
    ]);
  });

  test("a misspelt option is refused instead of silently falling back to a default", () => {
    expect(synthReasonsOf(() => domainIn(cloudflareStack(), { produkt: "team" } as Partial<MailConnectDomainProps>))).toEqual([
      'produkt: got "team"; is not a known option. Use one of: domain, product, autoSetup, serverNames, spf, dkim, dmarc, extraTxt, ttl, zone, firewall, adopt, allowOverwrite, movingFrom.',
    ]);
  });

  test("zone names are normalised (case, trailing dot, IDN)", () => {
    expect(DnsZone.route53({ zoneName: "Bücher-Firma.DE." }).zoneName).toBe("xn--bcher-firma-thb.de");
  });
});

describe("MailConnectDomain validation", () => {
  test("a domain outside the zone is refused with path zone.zoneName", () => {
    const stack = cloudflareStack();
    expect(synthReasonsOf(() => domainIn(stack, { domain: "firma.com", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID, zoneName: "firma.de" }) }))).toEqual([
      'zone.zoneName: got "firma.de"; must be the domain "firma.com" or one of its parent domains. Publish "firma.com" in its own zone (the zone whose apex is "firma.com" or a parent of it).',
    ]);
  });

  test("a zone name that only ends with the same letters is not a parent", () => {
    const stack = cloudflareStack();
    expect(() => Testing.synth(TerraformStack.of(domainIn(stack, { domain: "myfirma.de", zone: DnsZone.cloudflare({ zoneName: "firma.de" }) })), true)).toThrow(MailConnectValidationError);
  });

  test("the domain itself and subdomains of the zone are accepted", () => {
    const stack = cloudflareStack();
    domainIn(stack, { domain: "firma.de", zone: DnsZone.cloudflare({ zoneName: "firma.de" }) }, "apex");
    domainIn(stack, { domain: "news.firma.de", product: "mailing", zone: DnsZone.cloudflare({ zoneName: "firma.de" }) }, "news");
    expect(Object.keys(resourcesOf(stack, "cloudflare_dns_record"))).toHaveLength(10);
  });

  test("planner problems and construct problems come in one error, subject = the construct path", () => {
    const stack = cloudflareStack();
    const error = synthErrorOf(() => domainIn(stack, { ttl: 5, allowOverwrite: true, zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) }));
    expect(error.message.split("\n")[0]).toBe("Invalid mail-connect configuration: 2 problems in 1 construct.");
    expect(error.message).toContain('\nMailConnectDomain "test/firma" (2 problems):\n');
    expect(error.reasons.map((r) => r.path)).toEqual(["ttl", "allowOverwrite"]);
    expect(error.messages[1]).toBe(
      "allowOverwrite: got true; exists only on Route53 (Cloudflare provider v5 has no allow_overwrite). Remove it and adopt existing records with RecordAdoption.cloudflare({ ... }).",
    );
  });

  test("only the planner's options reach the planner (zone, firewall, adopt are not 'unknown options')", () => {
    const stack = route53Stack();
    expect(() =>
      new MailConnectDomain(stack, "firma", {
        domain: "firma.de",
        product: "secgate",
        zone: DnsZone.route53({ zoneId: R53_ZONE_ID }),
        firewall: { securityGroupId: "sg-0123456789abcdef0" },
        allowOverwrite: false,
      }),
    ).not.toThrow();
  });
});

describe("MailConnectDomain review aids", () => {
  test("planner warnings become warning annotations with code and path", () => {
    const stack = cloudflareStack();
    const domain = domainIn(stack);
    expect(domain.plan.warnings.map((w) => w.code)).toEqual(["spf-neutral-all"]);
    expect(warningsOf(domain)).toEqual([`[spf-neutral-all] spf.all: ${domain.plan.warnings[0].message}`]);
  });

  test("secgate without a firewall warns that the server must accept TCP 25 from mail-connect's network", () => {
    const stack = cloudflareStack();
    const domain = domainIn(stack, { product: "secgate", spf: { all: "softfail" } });
    expect(warningsOf(domain)).toEqual([expect.stringMatching(/^\[secgate-smtp-ingress\] product: .*TCP 25 from mail-connect's network 80\.254\.138\.128\/26/)]);
  });

  test("secgate with a firewall drops that warning and creates the SMTP ingress rule on the group", () => {
    const stack = cloudflareStack();
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    const domain = domainIn(stack, { product: "secgate", spf: { all: "softfail" }, firewall: { securityGroupId: "sg-0123456789abcdef0" } });
    expect(warningsOf(domain)).toEqual([]);
    const rules = Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule"));
    expect(rules).toEqual([
      expect.objectContaining({ security_group_id: "sg-0123456789abcdef0", ip_protocol: "tcp", from_port: 25, to_port: 25, cidr_ipv4: "80.254.138.128/26" }),
    ]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("two secgate domains on one security group share one set of rules", () => {
    const stack = cloudflareStack();
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    domainIn(stack, { product: "secgate", firewall: { securityGroupId: "sg-0123456789abcdef0" } }, "a");
    domainIn(stack, { domain: "firma2.de", product: "secgate", firewall: { securityGroupId: "sg-0123456789abcdef0" } }, "b");
    expect(Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule"))).toHaveLength(1);
  });

  test("a firewall for a non-SECGATE product without clientEgress is refused: it would make no rules", () => {
    const stack = cloudflareStack();
    expect(synthReasonsOf(() => domainIn(stack, { product: "pro", firewall: { securityGroupId: "sg-0123456789abcdef0" } }))).toEqual([
      'firewall: got {"securityGroupId":"sg-0123456789abcdef0"}; would make no rules: with product "pro" mail-connect delivers to its own servers, so no SMTP ingress is needed. Remove `firewall`, or set `firewall.clientEgress` for a group with locked-down egress.',
    ]);
  });

  test("a PRO domain with firewall.clientEgress gets egress rules and no SMTP ingress", () => {
    const stack = cloudflareStack();
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    domainIn(stack, { firewall: { securityGroupId: "sg-0123456789abcdef0", clientEgress: ["imaps"] } });
    expect(Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule"))).toEqual([]);
    expect(Object.values(resourcesOf(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
      expect.objectContaining({ security_group_id: "sg-0123456789abcdef0", ip_protocol: "tcp", from_port: 993, to_port: 993, cidr_ipv4: "80.254.138.128/26" }),
    ]);
  });

  test("fqdns names every published record, and only those", () => {
    const stack = cloudflareStack();
    expect(domainIn(stack, { serverNames: { incoming: "imap" } }, "pro").fqdns).toEqual({
      domain: "firma.de",
      mx: "firma.de",
      spf: "firma.de",
      dkim: "mail-connect._domainkey.firma.de",
      dmarc: "_dmarc.firma.de",
      autoconfig: "autoconfig.firma.de",
      autodiscover: "_autodiscover._tcp.firma.de",
      incoming: "imap.firma.de",
    });
    expect(domainIn(stack, { domain: "news.firma.de", product: "mailing" }, "news").fqdns).toEqual({
      domain: "news.firma.de",
      mx: "news.firma.de",
      spf: "news.firma.de",
      dkim: "mail-connect._domainkey.news.firma.de",
      dmarc: "_dmarc.news.firma.de",
    });
  });

  test("client settings are mail-connect's certified servers and the IANA ports by default", () => {
    const stack = cloudflareStack();
    expect(domainIn(stack).clientSettings).toEqual({
      imap: { host: "posteingang.mail-connect.net", port: 143, security: "STARTTLS" },
      imaps: { host: "posteingang.mail-connect.net", port: 993, security: "SSL/TLS" },
      pop3: { host: "posteingang.mail-connect.net", port: 110, security: "STARTTLS" },
      pop3s: { host: "posteingang.mail-connect.net", port: 995, security: "SSL/TLS" },
      smtp: { host: "postausgang.mail-connect.net", port: 25, security: "STARTTLS" },
      smtps: { host: "postausgang.mail-connect.net", port: 465, security: "SSL/TLS" },
      submission: { host: "postausgang.mail-connect.net", port: 587, security: "STARTTLS" },
      notes: [],
    });
  });

  test("own server names replace the hosts and come with a certificate-warning note", () => {
    const stack = cloudflareStack();
    const settings = domainIn(stack, { serverNames: { incoming: "imap", outgoing: "smtp" } }).clientSettings;
    expect([settings.imaps.host, settings.pop3.host, settings.submission.host, settings.smtps.host]).toEqual(["imap.firma.de", "imap.firma.de", "smtp.firma.de", "smtp.firma.de"]);
    expect(settings.notes).toEqual([
      "imap.firma.de is a CNAME to posteingang.mail-connect.net; mail clients will warn that the certificate does not match imap.firma.de. Use posteingang.mail-connect.net to avoid the warning.",
      "smtp.firma.de is a CNAME to postausgang.mail-connect.net; mail clients will warn that the certificate does not match smtp.firma.de. Use postausgang.mail-connect.net to avoid the warning.",
    ]);
  });

  test("the plan and the resources are exposed for review and escape hatches", () => {
    const stack = route53Stack();
    const domain = new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }), extraTxt: ["a=1"] });
    expect(domain.plan.domain).toBe("firma.de");
    expect(Object.keys(domain.resources).sort()).toEqual(["autoconfig", "autodiscover", "dkim", "dmarc", "mx", "spf"]);
    expect(domain.resources.spf.records.map((r) => r.purpose)).toEqual(["spf", "text"]);
  });
});
