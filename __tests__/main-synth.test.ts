/**
 * Runs the real CLI on the example app, as CI and a user would: `npx cdktf synth` with
 * main.ts (cdktf.json: `node --require ts-node/register/transpile-only main.ts`), into a temporary output
 * directory, without credentials. The written cdk.tf.json files are read but not
 * snapshotted (they hold an absolute backend path).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

interface StackJson {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output: Record<string, { value: unknown }>;
  readonly provider: Record<string, unknown[]>;
}

describe("npx cdktf synth on main.ts", () => {
  let outDir: string;
  let result: ReturnType<typeof spawnSync>;
  const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(outDir, "stacks", name, "cdk.tf.json"), "utf8")) as StackJson;

  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-synth-"));
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" };
    for (const key of ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"]) delete env[key];
    result = spawnSync("npx", ["cdktf", "synth", "--output", outDir], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
  }, 130_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  test("exits 0 without credentials and writes all three stacks", () => {
    expect({ status: result.status, stderr: result.status === 0 ? "" : String(result.stderr) }).toEqual({ status: 0, stderr: "" });
    expect(fs.readdirSync(path.join(outDir, "stacks")).sort()).toEqual(["beispieldomain-eu", "firma-de-secgate", "news-my-company-com"]);
  });

  test("firma-de-secgate: exactly one rule, TCP 25 in from 80.254.138.128/26 to the stack's own security group", () => {
    const json = stack("firma-de-secgate");
    const ingress = Object.values(json.resource.aws_vpc_security_group_ingress_rule ?? {});
    expect(ingress.map(({ cidr_ipv4, from_port, to_port, ip_protocol, security_group_id }) => ({ cidr_ipv4, from_port, to_port, ip_protocol, security_group_id }))).toEqual([
      { cidr_ipv4: "80.254.138.128/26", from_port: 25, to_port: 25, ip_protocol: "tcp", security_group_id: "${aws_security_group.mail-server.id}" },
    ]);
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
    expect(Object.values(json.resource.aws_route53_record).map((r) => `${r.name} ${r.type}`).sort()).toEqual([
      "_dmarc.firma.de TXT",
      "firma.de MX",
      "firma.de TXT",
      "mail-connect._domainkey.firma.de TXT",
    ]);
    expect(json.output.firewall_rules.value).toEqual(["Allow SMTP 25/tcp from mail-connect 80.254.138.128/26"]);
  });

  test("beispieldomain-eu: PRO on Cloudflare with the literal zone id, six records", () => {
    const json = stack("beispieldomain-eu");
    const records = Object.values(json.resource.cloudflare_dns_record);
    expect(records.map((r) => `${r.name} ${r.type}`).sort()).toEqual([
      "_autodiscover._tcp.beispieldomain.eu SRV",
      "_dmarc.beispieldomain.eu TXT",
      "autoconfig.beispieldomain.eu CNAME",
      "beispieldomain.eu MX",
      "beispieldomain.eu TXT",
      "mail-connect._domainkey.beispieldomain.eu TXT",
    ]);
    expect(new Set(records.map((r) => r.zone_id))).toEqual(new Set(["0123456789abcdef0123456789abcdef"]));
    expect(records.find((r) => r.type === "MX")).toMatchObject({ content: "mx.mail-connect.net", priority: 10, proxied: false });
    expect(records.find((r) => r.name === "_dmarc.beispieldomain.eu")?.content).toBe('"v=DMARC1; p=quarantine; ruf=mailto:postmaster@beispieldomain.eu;"');
    expect(json.provider.cloudflare).toEqual([{}]);
  });

  test("news-my-company-com: MAILING on Route53, zone looked up by name, four record sets", () => {
    const json = stack("news-my-company-com");
    const sets = Object.values(json.resource.aws_route53_record);
    expect(sets.map((r) => `${r.name} ${r.type} ${JSON.stringify(r.records)}`).sort()).toEqual([
      '_dmarc.news.my-company.com TXT ["v=DMARC1; p=quarantine; ruf=mailto:postmaster@news.my-company.com;"]',
      `mail-connect._domainkey.news.my-company.com TXT ["v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCdG1MYcrYYxCb3fcCSfgs6GyprlkaKNJ1qCsru1B0/ndQD7iLFECzU2UPGXlSsevM56HxvAQNodjA0zvyrPbAKKdStEeLj1IbySxUoqRjCQOviLS4SI8duVtTd53kum1ugvQtGd7byj6THGkIvJEpI22QzhF2uMfh9ijCiesjAQIDAQAB"]`,
      'news.my-company.com MX ["10 mx.mail-connect.net."]',
      'news.my-company.com TXT ["v=spf1 include:_spf.mail-connect.net ?all"]',
    ]);
    expect(Object.values(json.data?.aws_route53_zone ?? {}).map((d) => d.name)).toEqual(["my-company.com"]);
    expect(new Set(sets.map((r) => r.zone_id))).toEqual(new Set(["${data.aws_route53_zone.mail-connect-zone_route53_my-company_com.zone_id}"]));
    expect(json.provider.aws).toEqual([{ region: "eu-central-1" }]);
  });

  test("outputs the record names and the client settings under plain names", () => {
    for (const name of ["beispieldomain-eu", "news-my-company-com"]) {
      expect(Object.keys(stack(name).output).sort()).toEqual(["fqdns", "mail_client_settings"]);
    }
    expect(stack("news-my-company-com").output.fqdns.value).toEqual({
      domain: "news.my-company.com",
      mx: "news.my-company.com",
      spf: "news.my-company.com",
      dkim: "mail-connect._domainkey.news.my-company.com",
      dmarc: "_dmarc.news.my-company.com",
    });
    expect(stack("beispieldomain-eu").output.mail_client_settings.value).toMatchObject({
      imaps: { host: "posteingang.mail-connect.net", port: 993, security: "SSL/TLS" },
      submission: { host: "postausgang.mail-connect.net", port: 587, security: "STARTTLS" },
    });
  });

  test("the synthesized JSON holds no secrets (no provider credentials)", () => {
    for (const name of ["beispieldomain-eu", "news-my-company-com"]) {
      const text = fs.readFileSync(path.join(outDir, "stacks", name, "cdk.tf.json"), "utf8");
      expect(text).not.toMatch(/api_token|api_key|access_key|secret_key|token"/i);
    }
  });
});
