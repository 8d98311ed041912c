import { ValidateTerraformVersion } from "cdktf/lib/validations/validate-terraform-version";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { RecordAdoption } from "../../lib/providers/record-adoption";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain, MailConnectDomainProps } from "../../lib/construct/mail-connect-domain";
import { CF_ZONE_ID, R53_ZONE_ID, cloudflareStack, route53Stack, synthJson, warningsOf } from "../support/domain-stack";
import { synthReasonsOf } from "../support/validation-error";

const MX_ID = "1111111111111111111111111111111a";
const SPF_ID = "2222222222222222222222222222222b";
const TEXT_ID = "3333333333333333333333333333333c";

function route53Domain(stack: TerraformStack, props: Partial<MailConnectDomainProps>): MailConnectDomain {
  return new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.route53({ zoneId: R53_ZONE_ID }), ...props });
}

function cloudflareDomain(stack: TerraformStack, props: Partial<MailConnectDomainProps>): MailConnectDomain {
  return new MailConnectDomain(stack, "firma", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }), ...props });
}

/** `import` blocks as "id -> resource name" lines, sorted. */
function imports(stack: TerraformStack): string[] {
  return (synthJson(stack).import ?? []).map((block) => `${block.id} -> ${block.to}${block.provider ? ` (${block.provider})` : ""}`).sort();
}

describe("adopting existing Route53 record sets", () => {
  test("RecordAdoption.route53() imports every planned set with ZONEID_name_TYPE ids", () => {
    const stack = route53Stack();
    route53Domain(stack, { adopt: RecordAdoption.route53() });
    expect(imports(stack).map((line) => line.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
      "Z0123456789ABCDEFGHIJ__autodiscover._tcp.firma.de_SRV -> aws_route53_record.firma_autodiscover",
      "Z0123456789ABCDEFGHIJ__dmarc.firma.de_TXT -> aws_route53_record.firma_dmarc",
      "Z0123456789ABCDEFGHIJ_autoconfig.firma.de_CNAME -> aws_route53_record.firma_autoconfig",
      "Z0123456789ABCDEFGHIJ_firma.de_MX -> aws_route53_record.firma_mx",
      "Z0123456789ABCDEFGHIJ_firma.de_TXT -> aws_route53_record.firma_spf",
      "Z0123456789ABCDEFGHIJ_mail-connect._domainkey.firma.de_TXT -> aws_route53_record.firma_dkim",
    ]);
  });

  test("the synthesized JSON has import blocks that point at the record resources", () => {
    const stack = route53Stack();
    route53Domain(stack, { adopt: RecordAdoption.route53(["dmarc"]) });
    const json = synthJson(stack);
    const dmarcName = Object.keys(json.resource?.aws_route53_record ?? {}).find((name) => name.startsWith("firma_dmarc_"));
    expect(json.import).toEqual([{ id: "Z0123456789ABCDEFGHIJ__dmarc.firma.de_TXT", to: `aws_route53_record.${dmarcName}` }]);
  });

  test("adopting only some purposes imports only their sets; text adopts the shared apex TXT set", () => {
    const stack = route53Stack();
    route53Domain(stack, { extraTxt: ["google-site-verification=abc123"], adopt: RecordAdoption.route53(["mx", "text"]) });
    expect(imports(stack).map((line) => line.split(" -> ")[0])).toEqual(["Z0123456789ABCDEFGHIJ_firma.de_MX", "Z0123456789ABCDEFGHIJ_firma.de_TXT"]);
  });

  test("with a looked-up zone the import id is a reference to the data source's zone_id", () => {
    const stack = route53Stack();
    route53Domain(stack, { zone: DnsZone.route53({ zoneName: "firma.de" }), adopt: RecordAdoption.route53(["dmarc"]) });
    expect(imports(stack)).toEqual([
      expect.stringMatching(/^\$\{data\.aws_route53_zone\.mail-connect-zone_route53_firma_de\.zone_id\}__dmarc\.firma\.de_TXT -> aws_route53_record\.firma_dmarc_[0-9A-F]{8}$/),
    ]);
  });

  test("import ids built from a reference need Terraform >= 1.6: checked once per stack, however many records are adopted", () => {
    const stack = route53Stack();
    route53Domain(stack, { zone: DnsZone.route53({ zoneName: "firma.de" }), adopt: RecordAdoption.route53() });
    new MailConnectDomain(stack, "second", { domain: "zweite-firma.de", zone: DnsZone.route53({ zoneName: "zweite-firma.de" }), adopt: RecordAdoption.route53() });
    // Each check runs the real `terraform version`; count the checks by their constraint.
    const validate = jest.spyOn(ValidateTerraformVersion.prototype, "validate");
    try {
      expect(() => Testing.synth(stack, true)).not.toThrow();
      const constraints = validate.mock.contexts.map((check) => (check as unknown as { versionConstraint: string }).versionConstraint);
      expect(constraints.filter((c) => c === ">=1.6")).toHaveLength(1);
      // cdktf's own check stays per import block (12 sets adopted).
      expect(constraints.filter((c) => c === ">=1.5")).toHaveLength(12);
    } finally {
      validate.mockRestore();
    }
  });

  test("an aliased provider is named in the import block", () => {
    const stack = route53Stack();
    const other = new AwsProvider(stack, "aws-other", { region: "eu-central-1", alias: "other" });
    route53Domain(stack, { zone: DnsZone.route53({ zoneId: R53_ZONE_ID, provider: other }), adopt: RecordAdoption.route53(["mx"]) });
    expect(imports(stack)).toEqual([expect.stringMatching(/^Z0123456789ABCDEFGHIJ_firma\.de_MX -> aws_route53_record\.firma_mx_[0-9A-F]{8} \(aws\.other\)$/)]);
  });

  test("adoption on Route53 warns that adopted sets lose values the plan does not have", () => {
    const stack = route53Stack();
    const domain = route53Domain(stack, { adopt: RecordAdoption.route53() });
    expect(warningsOf(domain)).toContainEqual(expect.stringMatching(/^\[route53-adopt-replaces-values\] adopt: adopted record sets get exactly the planned values/));
  });

  test("validations pass with Terraform >= 1.5 installed (cdktf checks the version for import blocks)", () => {
    const stack = route53Stack();
    route53Domain(stack, { zone: DnsZone.route53({ zoneName: "firma.de" }), adopt: RecordAdoption.route53() });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("a purpose the plan does not have is refused", () => {
    const stack = route53Stack();
    expect(synthReasonsOf(() => route53Domain(stack, { product: "team", adopt: RecordAdoption.route53(["mx", "autoconfig"]) }))).toEqual([
      'adopt.purposes[1]: got "autoconfig"; names a record the plan for firma.de does not have. Remove it, or change the options so that autoconfig is planned.',
    ]);
  });
});

describe("adopting existing Cloudflare records", () => {
  test("record ids become <zone_id>/<record_id> import ids on the matching resources", () => {
    const stack = cloudflareStack();
    cloudflareDomain(stack, { extraTxt: ["google-site-verification=abc123", "MS=ms1"], adopt: RecordAdoption.cloudflare({ mx: MX_ID, spf: SPF_ID, text: { "google-site-verification=abc123": TEXT_ID } }) });
    const json = synthJson(stack);
    const records = json.resource?.cloudflare_dns_record ?? {};
    const byImport = Object.fromEntries((json.import ?? []).map((block) => [block.id, records[block.to.replace(/^cloudflare_dns_record\./, "")]?.content]));
    expect(byImport).toEqual({
      [`${CF_ZONE_ID}/${MX_ID}`]: "mx.mail-connect.net",
      [`${CF_ZONE_ID}/${SPF_ID}`]: '"v=spf1 include:_spf.mail-connect.net ?all"',
      [`${CF_ZONE_ID}/${TEXT_ID}`]: '"google-site-verification=abc123"',
    });
  });

  test("with a looked-up zone the import id references the data source's zone_id", () => {
    const stack = cloudflareStack();
    cloudflareDomain(stack, { zone: DnsZone.cloudflare({ zoneName: "firma.de" }), adopt: RecordAdoption.cloudflare({ dmarc: MX_ID }) });
    expect(imports(stack)).toEqual([
      expect.stringMatching(new RegExp(`^\\$\\{data\\.cloudflare_zone\\.mail-connect-zone_cloudflare_firma_de\\.zone_id\\}/${MX_ID} -> cloudflare_dns_record\\.firma_dmarc_[0-9A-F]{8}$`)),
    ]);
  });

  test("an aliased provider is named in the import block", () => {
    const stack = cloudflareStack();
    const second = new CloudflareProvider(stack, "second-account", { alias: "second" });
    cloudflareDomain(stack, { zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID, provider: second }), adopt: RecordAdoption.cloudflare({ mx: MX_ID }) });
    expect(imports(stack)).toEqual([expect.stringMatching(/ \(cloudflare\.second\)$/)]);
  });

  test("bad record ids, unknown values and unplanned purposes are all reported at once", () => {
    const stack = cloudflareStack();
    const messages = synthReasonsOf(() =>
      cloudflareDomain(stack, {
        product: "team",
        extraTxt: ["a=1"],
        adopt: RecordAdoption.cloudflare({ mx: "123", spf: `${CF_ZONE_ID}/${SPF_ID}`, autoconfig: MX_ID, text: { "b=2": TEXT_ID } }),
      }),
    );
    expect(messages).toEqual([
      'adopt.mx: got "123"; a Cloudflare DNS record id is 32 lowercase hex digits. Copy the record id from the Cloudflare API (GET /zones/<zone_id>/dns_records) or the record\'s edit page.',
      'adopt.autoconfig: got "autoconfig"; names a record the plan for firma.de does not have. Remove it, or change the options so that autoconfig is planned.',
      `adopt.spf: got "${CF_ZONE_ID}/${SPF_ID}"; a Cloudflare DNS record id is 32 lowercase hex digits. Pass only the record id "${SPF_ID}"; the zone id is added from the zone.`,
      'adopt.text["b=2"]: got "b=2"; must be one of the extraTxt values. Key each record id by the exact extraTxt value it holds.',
    ]);
  });

  test("an adoption for the other provider is refused", () => {
    const stack = cloudflareStack();
    expect(synthReasonsOf(() => cloudflareDomain(stack, { adopt: RecordAdoption.route53() }))).toEqual([
      'adopt: got "RecordAdoption.route53()"; must match the zone\'s provider (cloudflare). Use RecordAdoption.cloudflare(...) for a DnsZone.cloudflare() zone.',
    ]);
  });
});
