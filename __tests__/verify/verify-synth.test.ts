/**
 * `verify --synth`: expectations read from synthesized stacks (cdk.tf.json), grouped into
 * mail domains, checked against a real BIND named on 127.0.0.1. One directory is written by
 * hand in the shape cdktf writes; the other comes from real MailConnectDomain constructs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../../lib/dns-zone";
import { MailConnectDomain } from "../../lib/construct/mail-connect-domain";
import { MAIL_CONNECT } from "../../lib/mail-connect/mail-connect";
import { MailConnectRecordOptions } from "../../lib/mail-connect/options";
import { expectedFromOptions, expectedFromSynth, verifyDomains } from "../../lib/verify";
import { BindServer, startBindServer } from "../support/bind-server";
import { CF_ZONE_ID, RSA_2048_PUBLIC_KEY, route53Stack } from "../support/domain-stack";
import { mailConnectZone } from "../support/mail-connect-zone";
import { liveZone, plannedRrsets, withRrset } from "./support/live-zones";
import { runCliProcess } from "./support/run-cli";

const DKIM = `v=DKIM1; k=rsa; p=${MAIL_CONNECT.dkimPublicKey}`;

/** Writes `json` as `<dir>/stacks/<stack>/cdk.tf.json`, as `cdktf synth` does. */
function writeStack(dir: string, stack: string, json: unknown): void {
  fs.mkdirSync(path.join(dir, "stacks", stack), { recursive: true });
  fs.writeFileSync(path.join(dir, "stacks", stack, "cdk.tf.json"), typeof json === "string" ? json : JSON.stringify(json, null, 2));
}

const cf = (name: string, type: string, extra: Record<string, unknown>) => ({ zone_id: CF_ZONE_ID, name, type, ttl: 3600, proxied: false, ...extra });

/** A hand-written Cloudflare stack: shop-firma.de (PRO), plus records verify must not take for mail records. */
const HAND_WRITTEN_CLOUDFLARE = {
  "//": { metadata: { stackName: "shop", version: "0.21.0" } },
  provider: { cloudflare: [{}] },
  resource: {
    cloudflare_dns_record: {
      shop_mx_1A2B3C4D: cf("shop-firma.de", "MX", { content: "mx.mail-connect.net", priority: 10 }),
      shop_autoconfig_1A2B3C4D: cf("autoconfig.shop-firma.de", "CNAME", { content: "autoconfig.mail-connect.net" }),
      shop_autodiscover_1A2B3C4D: cf("_autodiscover._tcp.shop-firma.de", "SRV", { priority: 1, data: { priority: 1, weight: 100, port: 443, target: "autodiscover.mail-connect.net" } }),
      shop_spf_1A2B3C4D: cf("shop-firma.de", "TXT", { content: '"v=spf1 include:_spf.mail-connect.net ?all"' }),
      shop_dkim_1A2B3C4D: cf("mail-connect._domainkey.shop-firma.de", "TXT", { content: `"${DKIM}"` }),
      shop_dmarc_1A2B3C4D: cf("_dmarc.shop-firma.de", "TXT", { content: '"v=DMARC1; p=quarantine; ruf=mailto:postmaster@shop-firma.de;"' }),
      web_www: cf("www.shop-firma.de", "A", { content: "192.0.2.80" }),
      web_app: cf("app.example-web.de", "CNAME", { content: "${aws_lb.app.dns_name}" }),
    },
  },
};

/** A hand-written Route53 stack: news.my-company.com (MAILING, so no auto-setup records). */
const HAND_WRITTEN_ROUTE53 = {
  resource: {
    aws_route53_record: {
      news_mx: { zone_id: "${data.aws_route53_zone.zone.zone_id}", name: "news.my-company.com", type: "MX", ttl: 3600, records: ["10 mx.mail-connect.net."] },
      news_spf: { zone_id: "${data.aws_route53_zone.zone.zone_id}", name: "news.my-company.com", type: "TXT", ttl: 3600, records: ["v=spf1 include:_spf.mail-connect.net ~all"] },
      news_dkim: { zone_id: "${data.aws_route53_zone.zone.zone_id}", name: "mail-connect._domainkey.news.my-company.com", type: "TXT", ttl: 3600, records: [DKIM] },
      news_dmarc: { zone_id: "${data.aws_route53_zone.zone.zone_id}", name: "_dmarc.news.my-company.com", type: "TXT", ttl: 3600, records: ["v=DMARC1; p=quarantine; ruf=mailto:postmaster@news.my-company.com;"] },
    },
  },
};

/** Options of the domains built with real constructs. */
const CONSTRUCT_CLOUDFLARE: MailConnectRecordOptions = {
  domain: "construct-firma.de",
  serverNames: { incoming: "imap", outgoing: "smtp" },
  spf: { ip4: ["203.0.113.0/24"], all: "fail" },
  dkim: { publicKey: RSA_2048_PUBLIC_KEY },
  dmarc: { policy: "reject", rua: ["dmarc@construct-firma.de"] },
  extraTxt: ["google-site-verification=abc123"],
};
const CONSTRUCT_ROUTE53: MailConnectRecordOptions = { domain: "r53-firma.de", product: "team", spf: { all: "softfail" } };

let server: BindServer;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-synth-"));
  const news = plannedRrsets({ domain: "news.my-company.com", product: "mailing", spf: { all: "softfail" } });
  server = await startBindServer([
    mailConnectZone(),
    liveZone("shop-firma.de", [...plannedRrsets({ domain: "shop-firma.de" }), { name: "www.shop-firma.de", type: "A", ttl: 3600, rdata: ["192.0.2.80"] }]),
    // The live zone still has an autoconfig CNAME from the domain's PRO days.
    liveZone("my-company.com", withRrset(news, "autoconfig.news.my-company.com", "CNAME", ["autoconfig.mail-connect.net."])),
    liveZone("construct-firma.de", plannedRrsets(CONSTRUCT_CLOUDFLARE)),
    liveZone("r53-firma.de", plannedRrsets(CONSTRUCT_ROUTE53)),
  ]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a hand-written synth directory", () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(tmp, "hand");
    writeStack(dir, "shop", HAND_WRITTEN_CLOUDFLARE);
    writeStack(dir, "news", HAND_WRITTEN_ROUTE53);
  });

  test("reads every stack into mail domains; unrelated and token records stay out", () => {
    const synth = expectedFromSynth(dir);
    expect(synth.stacks).toEqual(["news", "shop"]);
    expect(synth.domains.map((d) => [d.domain, d.source, d.rrsets.map((s) => `${s.type} ${s.name}`)])).toEqual([
      ["news.my-company.com", "stack news", ["MX news.my-company.com", "TXT news.my-company.com", "TXT mail-connect._domainkey.news.my-company.com", "TXT _dmarc.news.my-company.com"]],
      [
        "shop-firma.de",
        "stack shop",
        ["MX shop-firma.de", "CNAME autoconfig.shop-firma.de", "SRV _autodiscover._tcp.shop-firma.de", "TXT shop-firma.de", "TXT mail-connect._domainkey.shop-firma.de", "TXT _dmarc.shop-firma.de"],
      ],
    ]);
    expect(synth.domains[0].forbidden?.map((f) => `${f.type} ${f.name}`)).toEqual(["CNAME autoconfig.news.my-company.com", "SRV _autodiscover._tcp.news.my-company.com"]);
    expect(synth.domains[1].forbidden).toEqual([]);
    expect(synth.skipped).toEqual(['stack shop: cloudflare_dns_record.web_app: CNAME content is not a literal host name ("${aws_lb.app.dns_name}")']);
  });

  test("the CLI reports the stale autoconfig CNAME the deployment no longer has: exit 1", async () => {
    const run = await runCliProcess(["verify", "--synth", dir, "--resolver", server.address, "--recursive-resolver", server.address]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        "✘ news.my-company.com (stack news): 1 of 9 checks failed",
        "  ✘ CNAME autoconfig.news.my-company.com",
        "      expected  (none)",
        "      found     autoconfig.mail-connect.net.",
        "      Not in the deployment: a stale auto-setup record (auto-setup is for mail-connect PRO only, and",
        "      mail clients still follow it). Remove it.",
        "",
      ].join("\n"),
    );
    expect(run.stdout).toContain("✔ shop-firma.de (stack shop): all 9 checks passed\n");
    expect(run.stderr).toBe(
      'cdktf-mail-connect: skipped (not a literal record): stack shop: cloudflare_dns_record.web_app: CNAME content is not a literal host name ("${aws_lb.app.dns_name}")\n' +
        "cdktf-mail-connect: live DNS differs in 1 check for news.my-company.com.\n",
    );
  });

  test("--stack picks one stack: exit 0; an unknown stack name exits 2", async () => {
    expect((await verifyDomains(expectedFromSynth(dir, { stacks: ["shop"] }).domains, { resolver: server.address, recursiveResolver: server.address })).exitCode).toBe(0);
    const run = await runCliProcess(["verify", "--synth", dir, "--stack", "shopp", "--resolver", server.address, "--recursive-resolver", server.address]);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, `cdktf-mail-connect: --stack: got "shopp"; "${dir}" has the stacks "news", "shop".`]);
  });

  test("a domain two stacks publish is checked once, against both stacks' records", () => {
    const twice = path.join(tmp, "twice");
    writeStack(twice, "shop", HAND_WRITTEN_CLOUDFLARE);
    writeStack(twice, "shop-copy", HAND_WRITTEN_CLOUDFLARE);
    const synth = expectedFromSynth(twice);
    expect(synth.domains.map((d) => [d.domain, d.source, d.rrsets.length])).toEqual([["shop-firma.de", "stacks shop, shop-copy", 6]]);
  });

  test("a directory without stacks exits 2 with what to run", () => {
    expect(() => expectedFromSynth(tmp)).toThrow(`--synth: found no stacks/<stack>/cdk.tf.json under "${tmp}". Run \`npx cdktf synth\` first.`);
  });
});

describe("a synth directory from real MailConnectDomain constructs", () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(tmp, "constructs");
    writeStack(
      dir,
      "cloudflare",
      Testing.synthScope((scope) => {
        new MailConnectDomain(scope, "firma", { ...CONSTRUCT_CLOUDFLARE, zone: DnsZone.cloudflare({ zoneId: CF_ZONE_ID }) });
      }),
    );
    const app: App = Testing.app();
    const stack: TerraformStack = route53Stack(app);
    new MailConnectDomain(stack, "team", { ...CONSTRUCT_ROUTE53, zone: DnsZone.route53({ zoneName: "r53-firma.de" }) });
    writeStack(dir, "route53", Testing.synth(stack));
  });

  test("expects exactly what the planner expects for the same options", () => {
    const byDomain = Object.fromEntries(expectedFromSynth(dir).domains.map((d) => [d.domain, d]));
    for (const options of [CONSTRUCT_CLOUDFLARE, CONSTRUCT_ROUTE53]) {
      const planned = expectedFromOptions(options);
      const synthesized = byDomain[planned.domain];
      const key = (s: { name: string; type: string; rdata: readonly string[] }) => `${s.type} ${s.name} ${[...s.rdata].sort().join(" | ")}`;
      expect(synthesized.rrsets.map(key).sort()).toEqual(planned.rrsets.map(key).sort());
      expect(synthesized.forbidden).toEqual(options.product === "team" ? planned.forbidden?.map((f) => ({ ...f, why: expect.stringContaining("Not in the deployment") })) : []);
    }
  });

  test("live DNS published from the same options passes: exit 0", async () => {
    const report = await verifyDomains(expectedFromSynth(dir).domains, { resolver: server.address, recursiveResolver: server.address, timeoutMs: 2000, retries: 1 });
    expect(report.domains.map((d) => [d.domain, d.source, d.status])).toEqual([
      ["construct-firma.de", "stack cloudflare", "ok"],
      ["r53-firma.de", "stack route53", "ok"],
    ]);
    expect(report.domains[0].checks.filter((c) => c.check === "server-name").map((c) => `${c.label} ${c.found.join()}`)).toEqual([
      "CNAME imap.construct-firma.de posteingang.mail-connect.net.",
      "CNAME smtp.construct-firma.de postausgang.mail-connect.net.",
    ]);
    expect(report.domains[0].checks.find((c) => c.check === "dkim-key")?.found).toEqual(["RSA 2048-bit"]);
    // Rows come in a fixed order, whatever order the synthesized JSON lists its resources in.
    expect(report.domains[1].checks.map((c) => `${c.label} ${c.status}`)).toEqual([
      "MX r53-firma.de ok",
      "CNAME autoconfig.r53-firma.de ok",
      "SRV _autodiscover._tcp.r53-firma.de ok",
      "TXT r53-firma.de (SPF) ok",
      "TXT mail-connect._domainkey.r53-firma.de (DKIM) ok",
      "TXT _dmarc.r53-firma.de (DMARC) ok",
      "SPF lookups r53-firma.de ok",
      "DKIM key mail-connect._domainkey.r53-firma.de ok",
      "DMARC policy r53-firma.de ok",
    ]);
    expect(report.exitCode).toBe(0);
  });
});
