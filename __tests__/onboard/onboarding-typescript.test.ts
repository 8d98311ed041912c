/**
 * The TypeScript `onboard` prints: for hand-made OnboardingPlans on every provider and product,
 * an IDN domain and hostile values, the generated app compiles (all apps in one TypeScript
 * program), synthesizes with the real cdktf App (placeholders fail synth with a message naming
 * the option, and synthesize once filled in), imports exactly the adopted records with the
 * provider's import ids, and publishes the planned RRsets (the provider round-trip).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { domainToASCII } from "url";
import fc from "fast-check";
import { moduleImports } from "../../bench/library-imports";
import { MailConnectValidationError } from "../../lib/errors";
import { minimalRecordOptions } from "../../lib/onboard/minimal-options";
import { OnboardingPlan } from "../../lib/onboard/onboarding-plan";
import { ONBOARDING_PLACEHOLDER, onboardingTypeScript } from "../../lib/onboard/onboarding-typescript";
import { commentText, tsKey, tsString } from "../../lib/onboard/typescript-source";
import { planToRrsets } from "../../lib/plan/dns-rrset";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import type { DnsProviderKind } from "../../lib/providers/dns-zone";
import { PROVIDER_APP_CODES } from "../../lib/providers/provider-app-codes";
import { DNS_PROVIDER_ADAPTERS } from "../../lib/providers/provider-registry";
import { publishedRrsetsFromTerraform } from "../../lib/providers/provider-rrsets";
import { compileGeneratedApps, filledWithTestValues as filled, GeneratedAppFile, SynthesizedStackJson, synthGeneratedApp } from "./support/generated-app";
import { handMadePlan } from "./support/hand-made-plans";

const PROVIDERS: readonly DnsProviderKind[] = ["cloudflare", "route53", "rfc2136", "azure-dns", "google-cloud-dns"];

/** The Microsoft 365 customer with a web shop and two site verifications, moving to mail-connect. */
function shopPlan(risks: OnboardingPlan["risks"] = []): OnboardingPlan {
  return handMadePlan({
    options: {
      domain: "firma.de",
      product: "pro",
      spf: { include: ["spf.protection.outlook.com", "spf.shop.example"], all: "softfail" },
      dmarc: { policy: "reject", rua: ["dmarc@firma.de"], ruf: ["postmaster@firma.de"] },
      extraTxt: ["google-site-verification=abc123", "MS=ms12345678"],
      ttl: 3600,
    },
    live: {
      mx: ["0 firma-de.mail.protection.outlook.com."],
      spf: ["v=spf1 include:spf.protection.outlook.com include:spf.shop.example -all"],
      text: ["google-site-verification=abc123", "MS=ms12345678"],
      dmarc: ["v=DMARC1; p=reject; rua=mailto:dmarc@firma.de"],
    },
    notes: { mx: "old host: Microsoft 365", dmarc: "p=reject kept: never weaker than today" },
    others: [{ purpose: "other", name: "autodiscover.firma.de", type: "CNAME", current: ["autodiscover.outlook.com."], planned: [], action: "remove-by-hand", note: "old host" }],
    risks: [
      { id: "mx-switch", severity: "warning", message: "The MX switch reroutes all incoming mail.", action: "Lower the TTL a day ahead." },
      { id: "old-host-spf", severity: "warning", message: "include:spf.protection.outlook.com belongs to Microsoft 365.", action: "Remove it after the switch." },
      ...risks,
    ],
  });
}

/** Import blocks as `purpose id` lines, sorted; a Cloudflare `text` record as `text:<its value>`. */
function importsOf(stack: SynthesizedStackJson): string[] {
  return (stack.import ?? [])
    .map(({ id, to }) => {
      const [type, name] = to.split(".");
      const purpose = name.split("_")[1].replace(/-[0-9a-f]{8}$/, "");
      const content = stack.resource?.[type]?.[name]?.content;
      // Cloudflare content: quoted 255-byte strings, `${` escaped for Terraform as `$${`.
      const text = typeof content === "string" ? content.slice(1, -1).split('" "').join("").replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{") : undefined;
      return `${purpose === "text" && text !== undefined ? `text:${text}` : purpose} ${id}`;
    })
    .sort();
}

/** RRsets as `name type ttl rdata | rdata` lines, sorted. */
function rrsetLines(sets: readonly { name: string; type: string; ttl: number; rdata: readonly string[] }[]): string[] {
  return sets.map((set) => `${set.name} ${set.type} ${set.ttl} ${[...set.rdata].sort().join(" | ")}`).sort();
}

/** What the stack publishes equals what the plan's options plan. */
function expectRoundTrip(stack: SynthesizedStackJson, plan: OnboardingPlan): void {
  expect(rrsetLines(publishedRrsetsFromTerraform(stack))).toEqual(rrsetLines(planToRrsets(planMailConnectRecords(plan.options))));
}

/** The one stack of a synthesized app. */
function onlyStack(stacks: Record<string, SynthesizedStackJson>, id: string): SynthesizedStackJson {
  expect(Object.keys(stacks)).toEqual([id]);
  return stacks[id];
}

/** Every identifier token of `source` (comments and string literals skipped). */
function identifiersOf(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const identifiers: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) identifiers.push(scanner.getTokenText());
  }
  return identifiers;
}

/** The MailConnectValidationError synth throws, as `path value` lines. */
function synthReasons(source: string, outdir: string): string[] {
  try {
    synthGeneratedApp(source, outdir);
  } catch (error) {
    expect(error).toBeInstanceOf(MailConnectValidationError);
    return (error as MailConnectValidationError).reasons.map((reason) => `${reason.path} ${JSON.stringify(reason.value)}`);
  }
  throw new Error("the app synthesized; expected a MailConnectValidationError");
}

const ROUTE53_ZONE = "${data.aws_route53_zone.mail-connect-zone_route53_firma_de.zone_id}";
const CLOUDFLARE_ZONE = "${data.cloudflare_zone.mail-connect-zone_cloudflare_firma_de.zone_id}";
const AZURE_ZONE = "/subscriptions/3f2504e0-4f89-41d3-9a0c-0305e82c3301/resourceGroups/rg-dns/providers/Microsoft.Network/dnsZones/firma.de";
const GOOGLE_ZONE = "projects/mail-dns-prod/managedZones/firma-de/rrsets";

/** The shop plan's import blocks per provider (Cloudflare's come from the filled-in ids). */
const SHOP_IMPORTS: Record<Exclude<DnsProviderKind, "cloudflare">, string[]> = {
  route53: [`dmarc ${ROUTE53_ZONE}__dmarc.firma.de_TXT`, `mx ${ROUTE53_ZONE}_firma.de_MX`, `spf ${ROUTE53_ZONE}_firma.de_TXT`],
  rfc2136: ["dmarc _dmarc.firma.de.", "mx firma.de.", "spf firma.de."],
  "azure-dns": [`dmarc ${AZURE_ZONE}/TXT/_dmarc`, `mx ${AZURE_ZONE}/MX/@`, `spf ${AZURE_ZONE}/TXT/@`],
  "google-cloud-dns": [`dmarc ${GOOGLE_ZONE}/_dmarc.firma.de./TXT`, `mx ${GOOGLE_ZONE}/firma.de./MX`, `spf ${GOOGLE_ZONE}/firma.de./TXT`],
};

/** Values a zone's TXT may hold that are hostile to generated source (printable ASCII: the planner refuses quotes, backslashes, controls and non-ASCII). */
const HOSTILE_TEXTS = [
  "`${process.exit(1)}`",
  "*/ evil(); /*",
  "'; evil(); '",
  "// evil()",
  "__proto__",
  "constructor",
  "<!-- --> ${",
  "  spaced  out  ",
  `long=${"x".repeat(300)}`,
];

/** Notes, names and risk ids from DNS that would inject code into a careless comment. */
const HOSTILE_NOTES = ["old host\nevil();", "\u2028evil();", "*/ evil(); /* \u202e", '" \\ \' ` ${evil()}', "\revil()"];

function hostilePlan(): OnboardingPlan {
  const plan = handMadePlan({
    options: { domain: "firma.de", extraTxt: HOSTILE_TEXTS },
    live: { spf: ["v=spf1 -all"], text: HOSTILE_TEXTS, mx: ["10 mx.old.example."] },
    notes: { mx: HOSTILE_NOTES[0], spf: HOSTILE_NOTES[1], text: HOSTILE_NOTES[2] },
    others: [{ purpose: "other", name: "autodiscover.firma.de\nevil()", type: "CNAME", current: [HOSTILE_NOTES[3]], planned: [], action: "conflict", note: HOSTILE_NOTES[4] }],
    risks: [{ id: "x\u2029evil()", severity: "info", message: HOSTILE_NOTES[3], action: HOSTILE_NOTES[0] }],
  });
  return { ...plan, unicodeDomain: "firma.de\nevil()" };
}

const IDN_DOMAIN = "müller-bäckerei.de";
const IDN_ASCII = domainToASCII(IDN_DOMAIN);

/** Every generated app of this file, by name, with its plan and provider. */
interface Scenario {
  readonly name: string;
  readonly plan: OnboardingPlan;
  readonly provider: DnsProviderKind;
}

const SCENARIOS: readonly Scenario[] = [
  ...PROVIDERS.map((provider) => ({ name: `shop-${provider}`, plan: shopPlan(), provider })),
  {
    name: "team-route53",
    provider: "route53",
    plan: handMadePlan({ options: { domain: "praxis-meier.de", product: "team", autoSetup: false }, live: { mx: ["10 mx.old-host.example."] } }),
  },
  {
    name: "secgate-rfc2136",
    provider: "rfc2136",
    plan: handMadePlan({ options: { domain: "werkstatt-schmidt.de", product: "secgate", spf: { mx: true, all: "fail" } }, live: { spf: ["v=spf1 mx -all"] } }),
  },
  {
    name: "mailing-route53",
    provider: "route53",
    plan: handMadePlan({
      options: { domain: "news.my-company.com", product: "mailing", dmarc: { policy: "reject", rua: ["dmarc@my-company.com"] } },
      zone: "my-company.com",
      live: { dmarc: ["v=DMARC1; p=reject; rua=mailto:dmarc@my-company.com"] },
    }),
  },
  {
    name: "idn-route53",
    provider: "route53",
    plan: handMadePlan({ options: { domain: IDN_DOMAIN, extraTxt: ["google-site-verification=idn"] }, unicodeDomain: IDN_DOMAIN, live: { mx: ["10 mx.old.example."], text: ["google-site-verification=idn"] } }),
  },
  { name: "hostile-route53", provider: "route53", plan: hostilePlan() },
  { name: "hostile-cloudflare", provider: "cloudflare", plan: hostilePlan() },
  { name: "hostile-zone-rfc2136", provider: "rfc2136", plan: { ...shopPlan(), zone: 'firma.de"); evil(); ("\n' } },
];

describe("the generated app", () => {
  const sources = new Map(SCENARIOS.map((scenario) => [scenario.name, onboardingTypeScript(scenario.plan, { provider: scenario.provider })]));
  const source = (name: string) => sources.get(name)!;
  /** A broken app in the same program: the check must find its problem. */
  const canary: GeneratedAppFile = { name: "canary", source: source("shop-route53").replace('RecordAdoption.route53([\n', 'RecordAdoption.route53([\n        "nonsense",\n') };
  let diagnostics: string[];
  let compileMs: number;
  let work: string;
  const outdir = (name: string) => path.join(work, name);

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-onboard-ts-"));
    const started = Date.now();
    diagnostics = compileGeneratedApps([...[...sources].map(([name, text]) => ({ name, source: text })), ...PROVIDERS.map((provider) => ({ name: `filled-${provider}`, source: filled(source(`shop-${provider}`)) })), canary]);
    compileMs = Date.now() - started;
  }, 60_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("every app compiles against the package's types, placeholders in or filled in (one TypeScript program)", () => {
    expect(diagnostics.filter((line) => !line.startsWith("canary:"))).toEqual([]);
    // One program for 20 apps; measured 1.0-1.5 s on 2 shared cores.
    expect(compileMs).toBeLessThan(20_000);
  });

  test("the type check catches a broken app", () => {
    expect(diagnostics.filter((line) => line.startsWith("canary:"))).toEqual([expect.stringMatching(/^canary:\d+:\d+: Type '"nonsense"' is not assignable to type 'RecordPurpose'/)]);
  });

  test.each(PROVIDERS.map((provider) => [provider]))("%s: the shop domain's app, for review", (provider) => {
    const text = source(`shop-${provider}`);
    expect(text).toContain('      spf: {\n        include: [\n          "spf.protection.outlook.com", // kept; risk old-host-spf\n          "spf.shop.example", // kept\n');
    expect(text).toContain('"google-site-verification=abc123", // kept: site verification');
    expect(text).toContain("// Risk mx-switch (warning): Lower the TTL a day ahead.\n// Risk old-host-spf (warning): Remove it after the switch.\n");
    expect(text).toContain("// Remove by hand: autodiscover.firma.de CNAME: old host.");
    // The binding the app imports, with the install command (the peer range of package.json).
    const imported = /^import \{ \w+ \} from "(@cdktf\/provider-[a-z]+)\/lib\/provider";$/m.exec(text)![1];
    const range = (require("../../package.json") as { peerDependencies: Record<string, string> }).peerDependencies[imported].replace(/\.0\.0$/, "");
    expect(text).toContain(`// Needs the provider binding: npm install ${imported}@${range}\n`);
    expect(text).toMatchSnapshot();
  });

  test.each([["route53"], ["rfc2136"], ["azure-dns"], ["google-cloud-dns"]] as const)("%s: imports the MX, the apex TXT set and DMARC with computed ids, and publishes the plan", (provider) => {
    const plan = shopPlan();
    const stack = onlyStack(synthGeneratedApp(filled(source(`shop-${provider}`)), outdir(`shop-${provider}`)), "firma-de");
    expect(importsOf(stack)).toEqual(SHOP_IMPORTS[provider]);
    expectRoundTrip(stack, plan);
  });

  test("cloudflare: each record-id placeholder fails synth naming its purpose; filled in, each existing record is imported", () => {
    const text = source("shop-cloudflare");
    expect(text).toContain('mx: "<CHANGE-ME>", // GET /zones/{zone_id}/dns_records?type=MX&name=firma.de');
    expect(synthReasons(text, outdir("shop-cloudflare-placeholders"))).toEqual([
      'adopt.mx "<CHANGE-ME>"',
      'adopt.spf "<CHANGE-ME>"',
      'adopt.dmarc "<CHANGE-ME>"',
      'adopt.text["google-site-verification=abc123"] "<CHANGE-ME>"',
      'adopt.text["MS=ms12345678"] "<CHANGE-ME>"',
    ]);
    const ids = new Map<string, string>();
    const stack = onlyStack(synthGeneratedApp(filled(text, ids), outdir("shop-cloudflare")), "firma-de");
    expect([...ids.keys()]).toEqual(["mx", "spf", "dmarc", "google-site-verification=abc123", "MS=ms12345678"]);
    expect(importsOf(stack)).toEqual(
      [
        `mx ${CLOUDFLARE_ZONE}/${ids.get("mx")}`,
        `spf ${CLOUDFLARE_ZONE}/${ids.get("spf")}`,
        `dmarc ${CLOUDFLARE_ZONE}/${ids.get("dmarc")}`,
        `text:google-site-verification=abc123 ${CLOUDFLARE_ZONE}/${ids.get("google-site-verification=abc123")}`,
        `text:MS=ms12345678 ${CLOUDFLARE_ZONE}/${ids.get("MS=ms12345678")}`,
      ].sort(),
    );
    expectRoundTrip(stack, shopPlan());
  });

  test("azure-dns and google-cloud-dns: the placeholder constants fail synth naming the zone options to fill in", () => {
    expect(synthReasons(source("shop-azure-dns"), outdir("azure-placeholders"))).toEqual(['zone.resourceGroupName "<CHANGE-ME>"', 'zone.subscriptionId "<CHANGE-ME>"']);
    expect(synthReasons(source("shop-google-cloud-dns"), outdir("google-placeholders"))).toEqual(['zone.managedZone "<CHANGE-ME>"', 'zone.project "<CHANGE-ME>"']);
  });

  test("rfc2136: the server and key name only the provider reads synthesize as placeholders (they fail at plan), with the records intact", () => {
    const stack = onlyStack(synthGeneratedApp(source("shop-rfc2136"), outdir("rfc2136-placeholders")), "firma-de");
    expect(stack.provider?.dns).toEqual([{ update: [{ server: ONBOARDING_PLACEHOLDER, key_name: ONBOARDING_PLACEHOLDER, key_algorithm: "hmac-sha256" }] }]);
    expect(importsOf(stack)).toEqual(SHOP_IMPORTS.rfc2136);
  });

  test.each([
    ["team-route53", 'product: "team",', [/^mx \$\{data\.aws_route53_zone\.[^}]+\.zone_id\}_praxis-meier\.de_MX$/]],
    ["secgate-rfc2136", 'product: "secgate",', [/^spf werkstatt-schmidt\.de\.$/]],
    ["mailing-route53", 'product: "mailing",', [/^dmarc \$\{data\.aws_route53_zone\.mail-connect-zone_route53_my-company_com\.zone_id\}__dmarc\.news\.my-company\.com_TXT$/]],
  ] as const)("%s: only non-default options, the adopted record imported, the plan published", (name, productLine, imports) => {
    const scenario = SCENARIOS.find((candidate) => candidate.name === name)!;
    const text = source(name);
    expect(text).toContain(productLine);
    expect(text).not.toMatch(/autoSetup|ttl:|selector:/);
    const stacks = synthGeneratedApp(text, outdir(name));
    const stack = onlyStack(stacks, scenario.plan.domain.replace(/\./g, "-"));
    expect(importsOf(stack)).toEqual(imports.map((pattern) => expect.stringMatching(pattern)));
    expectRoundTrip(stack, scenario.plan);
  });

  test("an IDN domain: the Unicode name escaped in the literal, readable in the header, published in punycode", () => {
    const text = source("idn-route53");
    expect(text).toContain('domain: "m\\u00fcller-b\\u00e4ckerei.de",');
    expect(text.split("\n")[0]).toBe(`// mail-connect PRO for ${IDN_ASCII} (${IDN_DOMAIN}); DNS zone ${IDN_ASCII} at Route53.`);
    const scenario = SCENARIOS.find((candidate) => candidate.name === "idn-route53")!;
    const stack = onlyStack(synthGeneratedApp(text, outdir("idn")), IDN_ASCII.replace(/\./g, "-"));
    expect(importsOf(stack)).toEqual([expect.stringMatching(new RegExp(`_${IDN_ASCII.replace(/\./g, "\\.")}_MX$`)), expect.stringMatching(new RegExp(`_${IDN_ASCII.replace(/\./g, "\\.")}_TXT$`))]);
    expectRoundTrip(stack, scenario.plan);
  });

  test("hostile values: comments stay comments, and every TXT value is published exactly as read", () => {
    for (const name of ["hostile-route53", "hostile-cloudflare"]) {
      const text = source(name);
      // No character that ends a line comment or reorders text survives into the source.
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      // Injected code would be identifiers; the hostile text is only in string literals and comments.
      expect(identifiersOf(text).filter((identifier) => identifier === "evil" || identifier === "process")).toEqual([]);
      expect(text).toContain("evil");
    }
    const plan = hostilePlan();
    const route53 = onlyStack(synthGeneratedApp(source("hostile-route53"), outdir("hostile-route53")), "firma-de");
    expectRoundTrip(route53, plan);
    const apex = publishedRrsetsFromTerraform(route53).find((set) => set.name === "firma.de" && set.type === "TXT")!;
    expect(apex.rdata.map((rdata) => rdata.slice(1, -1).split('" "').join("")).sort()).toEqual(["v=spf1 include:_spf.mail-connect.net ?all", ...HOSTILE_TEXTS].sort());
  });

  test("hostile values as Cloudflare record-id keys (__proto__ included) each import their own record", () => {
    const ids = new Map<string, string>();
    const stack = onlyStack(synthGeneratedApp(filled(source("hostile-cloudflare"), ids), outdir("hostile-cloudflare")), "firma-de");
    expect([...ids.keys()].slice(2)).toEqual(HOSTILE_TEXTS);
    expect(importsOf(stack).filter((line) => line.startsWith("text:"))).toEqual(HOSTILE_TEXTS.map((text) => `text:${text} ${CLOUDFLARE_ZONE}/${ids.get(text)}`).sort());
    expectRoundTrip(stack, hostilePlan());
  });

  test("a hostile zone name stays a string: synth refuses it as the zone name", () => {
    expect(synthReasons(source("hostile-zone-rfc2136"), outdir("hostile-zone"))).toEqual([`zone.zoneName ${JSON.stringify('firma.de"); evil(); ("\n')}`]);
  });

  test("a blocked plan says so in the header", () => {
    const blocked = shopPlan([{ id: "spf-lookup-limit", severity: "blocking", message: "12 lookups", action: "Remove includes." }]);
    expect(onboardingTypeScript(blocked, { provider: "route53" })).toContain("// Status: BLOCKED (spf-lookup-limit): resolve this before deploying.");
  });

  test("options in the README's order, whatever order the plan holds them in", () => {
    const options = {
      ttl: 600,
      extraTxt: ["MS=ms1"],
      dmarc: { testing: true, rua: ["dmarc@firma.de"], policy: "none" },
      dkim: { selector: "s1" },
      spf: { all: "fail", ip4: ["203.0.113.0/24"], include: ["spf.shop.example"] },
      serverNames: { outgoing: "smtp", incoming: "imap" },
      product: "pro",
      domain: "firma.de",
    } as const;
    const text = onboardingTypeScript(handMadePlan({ options }), { provider: "route53" });
    const keys = [...text.matchAll(/^ {6,8}(\w+): /gm)].map((match) => match[1]);
    expect(keys).toEqual(["domain", "serverNames", "spf", "include", "ip4", "all", "dkim", "dmarc", "policy", "rua", "testing", "extraTxt", "ttl", "zone"]);
    expect(text).toContain('serverNames: { incoming: "imap", outgoing: "smtp" },');
  });

  test("an unknown provider is refused, naming the ones there are", () => {
    expect(() => onboardingTypeScript(shopPlan(), { provider: "bind" as DnsProviderKind })).toThrow('onboardingTypeScript: unknown provider "bind"; use cloudflare, route53, rfc2136, azure-dns or google-cloud-dns');
  });

  test("nothing to adopt: no adopt and no RecordAdoption import", () => {
    const text = onboardingTypeScript(handMadePlan({ options: { domain: "neu.de" } }), { provider: "cloudflare", stackId: "neu" });
    expect(text).not.toContain("RecordAdoption");
    expect(text).toContain('new MailConnectDomain(this, "neu-de", {\n      domain: "neu.de",\n      zone: DnsZone.cloudflare({ zoneName: "neu.de" }),\n    });');
    expect(text).toContain('new MailConnectStack(app, "neu");');
  });
});

describe("literals and comments from hostile text", () => {
  test("tsString evaluates to exactly the text and is printable ASCII", () => {
    fc.assert(
      // Booleans, not expect(): a failing case is still shrunk and shown, at a fraction of the cost.
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const literal = tsString(text);
        return /^"[\x20-\x7e]*"$/.test(literal) && JSON.parse(literal) === text && new Function(`return ${literal};`)() === text;
      }),
    );
  });

  test("commentText is one line whatever the text holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const comment = commentText(text);
        return !/[\p{C}\u2028\u2029]/u.test(comment) && comment.length <= 160 && new Function(`// ${comment}\nreturn 1;`)() === 1;
      }),
    );
  });

  test("keys: identifiers bare, others quoted, __proto__ computed so it stays an own property", () => {
    expect([tsKey("mx"), tsKey("MS=1"), tsKey("__proto__")]).toEqual(["mx", '"MS=1"', '["__proto__"]']);
    const object = new Function(`return { ${tsKey("__proto__")}: 1 };`)() as object;
    expect(Object.keys(object)).toEqual(["__proto__"]);
  });
});

describe("the options a user writes", () => {
  test("options that repeat a default are left out", () => {
    expect(
      minimalRecordOptions({
        domain: "firma.de",
        product: "pro",
        autoSetup: true,
        spf: { include: [], all: "neutral", a: false },
        dkim: { selector: "mail-connect" },
        dmarc: { policy: "quarantine", ruf: ["mailto:postmaster@firma.de"], alignment: { dkim: "relaxed" }, testing: false },
        extraTxt: [],
        ttl: 3600,
      }),
    ).toEqual({ domain: "firma.de" });
  });

  test("options that change a record stay, however close to a default", () => {
    const options = { domain: "firma.de", product: "team", spf: { all: "softfail" }, dmarc: { ruf: [] }, ttl: 600 } as const;
    expect(minimalRecordOptions({ ...options, autoSetup: false })).toEqual(options);
  });

  test("options the planner refuses are kept as given (synth reports them)", () => {
    const refused = { domain: "firma.de", ttl: 5, product: "pro" } as const;
    expect(minimalRecordOptions(refused)).toBe(refused);
  });
});

test("each provider's app code is its adapter's: kind, zone factory and kind of import ids, in the registry's order", () => {
  const facts = (kind: string, factory: string, importIds: string) => `${kind} ${factory} ${importIds}`;
  expect(PROVIDER_APP_CODES.map((code) => facts(code.kind, code.zoneFactory, code.adoption.importIds))).toEqual(
    DNS_PROVIDER_ADAPTERS.map((adapter) => facts(adapter.kind, adapter.factory, adapter.importIds)),
  );
});

test("the generator's code loads no cdktf (the CLI requires it)", () => {
  const seen = new Set<string>();
  const heavy: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const found of moduleImports(fs.readFileSync(file, "utf8"), file)) {
      if (found.typeOnly) continue;
      if (found.specifier.startsWith(".")) visit(`${path.resolve(path.dirname(file), found.specifier)}.ts`);
      else if (/^(cdktf|constructs|@cdktf\/)/.test(found.specifier)) heavy.push(`${path.relative(process.cwd(), file)}: ${found.specifier}`);
    }
  };
  visit(path.join(__dirname, "..", "..", "lib", "onboard", "onboarding-typescript.ts"));
  expect(seen.size).toBeGreaterThan(5);
  expect(heavy).toEqual([]);
});
