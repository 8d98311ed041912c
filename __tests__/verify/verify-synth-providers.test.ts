/**
 * `verify --synth` for the providers behind the adapters: stacks synthesized from real
 * MailConnectDomain constructs in RFC 2136, Azure DNS and Google Cloud DNS zones are read back
 * (the generic round-trip over every adapter) into exactly the planner's expectations, and
 * checked against a real BIND serving what the provider would publish.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { DnsProvider } from "@cdktf/provider-dns/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { MailConnectDomain } from "../../lib/construct/mail-connect-domain";
import { MailConnectRecordOptions } from "../../lib/mail-connect/options";
import { DnsZone } from "../../lib/providers/dns-zone";
import { expectedFromOptions, expectedFromSynth, verifyDomains } from "../../lib/verify";
import { BindServer, startBindServer } from "../support/bind-server";
import { mailConnectZone } from "../support/mail-connect-zone";
import { liveZone, plannedRrsets } from "./support/live-zones";
import { runCliProcess } from "./support/run-cli";

const CASES: readonly { stack: string; options: MailConnectRecordOptions; build: (stack: TerraformStack, domain: string) => DnsZone }[] = [
  {
    stack: "own-dns",
    options: { domain: "rfc-firma.de", extraTxt: ["google-site-verification=abc123"], serverNames: { incoming: "imap" } },
    build: (stack, domain) => {
      new DnsProvider(stack, "dns", { update: [{ server: "ns1.rfc-firma.de" }] });
      return DnsZone.rfc2136({ zoneName: domain });
    },
  },
  {
    stack: "azure",
    options: { domain: "azure-firma.de", product: "team", spf: { ip4: ["203.0.113.0/24"], all: "fail" } },
    build: (stack, domain) => {
      new AzurermProvider(stack, "azurerm", { features: [{}] });
      return DnsZone.azureDns({ zoneName: domain, resourceGroupName: "rg-dns" });
    },
  },
  {
    stack: "google",
    options: { domain: "news.gcp-firma.de", product: "mailing", dmarc: { policy: "reject" } },
    build: (stack) => {
      new GoogleProvider(stack, "google", { project: "mail-dns-prod" });
      return DnsZone.googleCloudDns({ managedZone: "gcp-firma-de", zoneName: "gcp-firma.de" });
    },
  },
];

let server: BindServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-synth-providers-"));
  for (const { stack: name, options, build } of CASES) {
    const stack = new TerraformStack(Testing.app(), name);
    new MailConnectDomain(stack, "domain", { ...options, zone: build(stack, options.domain) });
    fs.mkdirSync(path.join(dir, "stacks", name), { recursive: true });
    fs.writeFileSync(path.join(dir, "stacks", name, "cdk.tf.json"), Testing.synth(stack, true));
  }
  server = await startBindServer([
    mailConnectZone(),
    liveZone("rfc-firma.de", plannedRrsets(CASES[0].options)),
    liveZone("azure-firma.de", plannedRrsets(CASES[1].options)),
    liveZone("gcp-firma.de", plannedRrsets(CASES[2].options)),
  ]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("each provider's synthesized stack expects exactly what the planner expects for the same options", () => {
  const synth = expectedFromSynth(dir);
  expect(synth.skipped).toEqual([]);
  const byDomain = Object.fromEntries(synth.domains.map((d) => [d.domain, d]));
  const key = (s: { name: string; type: string; rdata: readonly string[] }) => `${s.type} ${s.name} ${[...s.rdata].sort().join(" | ")}`;
  for (const { options } of CASES) {
    const planned = expectedFromOptions(options);
    expect(byDomain[planned.domain]?.rrsets.map(key).sort()).toEqual(planned.rrsets.map(key).sort());
  }
});

test("live DNS published from the same options passes for every provider, and the CLI exits 0", async () => {
  const report = await verifyDomains(expectedFromSynth(dir).domains, { resolver: server.address, recursiveResolver: server.address, timeoutMs: 2000, retries: 1 });
  expect(report.domains.map((d) => [d.domain, d.source, d.status]).sort()).toEqual([
    ["azure-firma.de", "stack azure", "ok"],
    ["news.gcp-firma.de", "stack google", "ok"],
    ["rfc-firma.de", "stack own-dns", "ok"],
  ]);
  const run = await runCliProcess(["verify", "--synth", dir, "--resolver", server.address, "--recursive-resolver", server.address]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
});
