/**
 * The library's one rule for Terraform interpolation: user text that reaches a resource
 * attribute is escaped (`${` → `$${`, `%{` → `%%{`), so Terraform publishes it literally.
 * Checked through the real cdktf synth, the provider round-trip, and the real Terraform.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { DnsZone, MailConnectDomain, planMailConnectRecords, planToRrsets } from "../../lib";
import { TerraformJson, UnpublishableRecordError, publishedRrsetsFromTerraform } from "../../lib/providers/published";
import { terraformLiteral } from "../../lib/providers/terraform-escape";
import { CF_ZONE_ID, R53_ZONE_ID, cloudflareStack, route53Stack } from "../support/domain-stack";
import { allStrings, comparableRrsets, hasUnescapedTemplate } from "../support/terraform-strings";
import { synthReasonsOf, validationReasonsOf } from "../support/validation-error";

const INJECTIONS = ["verify=${path.cwd}", "%{ if true }x%{ endif }", "lone ${", "lone %{", "already $${escaped}", "a%%%{b", "${TfToken-lookalike}"];
const OPTIONS = { domain: "firma.de", extraTxt: INJECTIONS };

function synth(kind: "cloudflare" | "route53"): TerraformJson {
  const app: App = Testing.app();
  const stack: TerraformStack = kind === "cloudflare" ? cloudflareStack(app) : route53Stack(app);
  const zone = kind === "cloudflare" ? DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) : DnsZone.route53({ zoneId: R53_ZONE_ID });
  new MailConnectDomain(stack, "firma", { ...OPTIONS, zone });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

describe.each(["cloudflare", "route53"] as const)("%s", (kind) => {
  const json = synth(kind);

  test("no unescaped ${ or %{ reaches the synthesized JSON", () => {
    const found = allStrings(json).filter(hasUnescapedTemplate);
    expect(found).toEqual([]);
    expect(allStrings(json).some((s) => s.includes("verify=$${path.cwd}"))).toBe(true);
  });

  test("the provider round-trip reads the escaped values back as exactly the plan", () => {
    expect(comparableRrsets(publishedRrsetsFromTerraform(json))).toEqual(comparableRrsets(planToRrsets(planMailConnectRecords(OPTIONS))));
  });
});

test("Terraform itself reads every escaped value as the literal text", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-tf-"));
  try {
    const texts = [...INJECTIONS, "$$$", "%$${", "$%{a}", "${${}}", "%%{"];
    const output = Object.fromEntries(texts.map((text, i) => [`o${i}`, { value: terraformLiteral(text) }]));
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ output }));
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const apply = spawnSync("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], { cwd: dir, env, encoding: "utf8", timeout: 60000 });
    expect(apply.status).toBe(0);
    const read = spawnSync("terraform", ["output", "-json"], { cwd: dir, env, encoding: "utf8", timeout: 60000 });
    const values = JSON.parse(read.stdout) as Record<string, { value: string }>;
    expect(texts.map((_, i) => values[`o${i}`].value)).toEqual(texts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.each([
  ["an unescaped interpolation", "verify=${path.cwd}"],
  ["an unescaped directive", "%{ if true }x%{ endif }"],
])("the round-trip refuses TXT content with %s, on both providers", (_what, text) => {
  const cf = { resource: { cloudflare_dns_record: { t: { zone_id: CF_ZONE_ID, name: "firma.de", type: "TXT", ttl: 3600, proxied: false, content: `"${text}"` } } } };
  const r53 = { resource: { aws_route53_record: { t: { zone_id: R53_ZONE_ID, name: "firma.de", type: "TXT", ttl: 3600, records: [text] } } } };
  for (const json of [cf, r53]) {
    expect(() => publishedRrsetsFromTerraform(json)).toThrow(UnpublishableRecordError);
    try {
      publishedRrsetsFromTerraform(json);
    } catch (error) {
      expect((error as UnpublishableRecordError).problems[0]).toContain('is not literal text: Terraform evaluates an unescaped "${" or "%{"');
    }
  }
});

describe("tokens where a literal is required", () => {
  // What cdktf encodes a string token as (cdktf/lib/tokens/private/encoding.js); list tokens use "#{".
  const token = "${TfToken[TOKEN.42]}";
  const rule = "is a token (a Terraform reference or variable), but this value becomes a DNS name or record text, which must be known and checked when the stack is synthesized. Pass a literal string. Tokens are supported for the zone (zoneId, zoneName), security-group ids and providers.";

  test.each([
    ["domain", { domain: token }],
    ["extraTxt[1]", { domain: "firma.de", extraTxt: ["ms=1", token] }],
    ["dkim.selector", { domain: "firma.de", dkim: { selector: token } }],
    ["dmarc.rua[0]", { domain: "firma.de", dmarc: { rua: [`reports@${token}`] } }],
    ["spf.include[0]", { domain: "firma.de", spf: { include: ["#{TfToken[TOKEN.7]}"] } }],
  ])("%s: one clear reason", (where, options) => {
    const reasons = validationReasonsOf(() => planMailConnectRecords(options as never));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(new RegExp(`^${where.replace(/[[\].]/g, "\\$&")}: got .*; ${rule.replace(/[().]/g, "\\$&")}$`));
  });

  test("a real cdktf token (a Terraform variable) as a TXT value is refused by the construct", () => {
    const stack = cloudflareStack();
    const variable = new TerraformVariable(stack, "verification", { type: "string" });
    const reasons = synthReasonsOf(() => new MailConnectDomain(stack, "firma", { domain: "firma.de", extraTxt: [variable.stringValue], zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) }));
    expect(reasons).toEqual([expect.stringMatching(/^extraTxt\[0\]: got .*; is a token \(a Terraform reference or variable\)/)]);
  });
});
