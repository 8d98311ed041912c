/**
 * The README can never rot: every ```ts block in README.md is type-checked against the
 * library (`cdktf-mail-connect` maps to lib/index.ts), all blocks in one TypeScript program,
 * each as its own module; every block that is a whole app (`new App(`) is then run in one
 * child process until it has synthesized. A fragment declares what it assumes in an HTML
 * comment on the line before the block: `<!-- assume: stack: TerraformStack; vpcId: string -->`;
 * a block without imports may use the library's main exports (FRAGMENT_IMPORTS) unimported.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { programWithVirtualFiles } from "./support/virtual-program";

const ROOT = path.resolve(__dirname, "..");
const README = path.join(ROOT, "README.md");

/** One ```ts block of the README. */
interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  /** `name: Type` pairs from the `assume` comment. */
  readonly assumes: readonly (readonly [string, string])[];
  /** A whole app: it creates an App (and is run). */
  readonly isApp: boolean;
}

/** Where the types an `assume` comment may name come from. */
const ASSUMABLE_TYPES: Record<string, string> = {
  string: "string",
  number: "number",
  boolean: "boolean",
  App: 'import("cdktf").App',
  TerraformStack: 'import("cdktf").TerraformStack',
  TerraformProvider: 'import("cdktf").TerraformProvider',
  Construct: 'import("constructs").Construct',
  SecurityGroup: 'import("@cdktf/provider-aws/lib/security-group").SecurityGroup',
  AwsProvider: 'import("@cdktf/provider-aws/lib/provider").AwsProvider',
  CloudflareProvider: 'import("@cdktf/provider-cloudflare/lib/provider").CloudflareProvider',
  MailConnectDomain: 'import("cdktf-mail-connect").MailConnectDomain',
  MailConnectFirewall: 'import("cdktf-mail-connect").MailConnectFirewall',
};

/** What a block without imports of its own gets imported. */
const FRAGMENT_IMPORTS = ["DnsZone", "MailConnectDomain", "MailConnectFirewall", "RecordAdoption", "mailConnectFirewallFor", "planMailConnectRecords", "toZoneFile"];

const ASSUME = /^<!--\s*assume:\s*(.*?)\s*-->$/;

/** The ```ts blocks of `markdown`, with the assumptions stated before each. */
function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((text, j) => j > i && /^```\s*$/.test(text));
    if (end < 0) throw new Error(`README.md:${i + 1}: a ts block that never closes`);
    const assumeLine = ASSUME.exec(lines[i - 1] ?? "")?.[1];
    const assumes = (assumeLine ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const match = /^([A-Za-z_$][\w$]*)\s*:\s*([A-Za-z][\w]*)$/.exec(part);
        if (match === null || ASSUMABLE_TYPES[match[2]] === undefined) {
          throw new Error(`README.md:${i}: cannot read the assumption "${part}" (write "name: Type" with Type one of ${Object.keys(ASSUMABLE_TYPES).join(", ")})`);
        }
        return [match[1], match[2]] as const;
      });
    const code = lines.slice(i + 1, end).join("\n");
    blocks.push({ line: i + 1, code, assumes, isApp: /\bnew App\(/.test(code) });
    i = end;
  }
  return blocks;
}

/** The module text that is type-checked for `block`: declarations of its assumptions, then the block. */
function moduleText(block: ReadmeBlock): string {
  const declarations = block.assumes.map(([name, type]) => `declare const ${name}: ${ASSUMABLE_TYPES[type]};`).join(" ");
  const imports = /^\s*import\s/m.test(block.code) ? "" : `import { ${FRAGMENT_IMPORTS.join(", ")} } from "cdktf-mail-connect";`;
  // One line of prelude, so the block's own lines keep their numbers (+1); `export {}` makes every block a module.
  return `${imports} ${declarations} export {};\n${block.code}\n`;
}

const blockFile = (block: ReadmeBlock, index: number) => path.join(ROOT, "__readme__", `block-${index}-line-${block.line}.ts`);

/** Type-checks every block in one program; per block its problems as `README.md:LINE: message`. */
function typeCheck(blocks: readonly ReadmeBlock[]): Map<ReadmeBlock, string[]> {
  const files = new Map(blocks.map((block, index) => [blockFile(block, index), { block, text: moduleText(block) }]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    // ESNext modules allow top-level await in fragments; whole apps are run as CommonJS.
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ["node"],
    baseUrl: ROOT,
    paths: { "cdktf-mail-connect": ["lib/index.ts"] },
  };
  const program = programWithVirtualFiles(new Map([...files].map(([file, { text }]) => [file, text])), options);
  return new Map(
    [...files.entries()].map(([file, { block }]) => {
      const source = program.getSourceFile(file)!;
      const problems = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        return `README.md:${block.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      });
      return [block, problems];
    }),
  );
}

/** Runs each whole-app block, compiled to CommonJS, with `cdktf-mail-connect` resolving to lib/; one output directory per app. */
/** How the child process that ran the apps ended. */
interface AppsRun {
  readonly status: number | null;
  readonly stderr: string;
}

function runApps(blocks: readonly ReadmeBlock[], work: string): Promise<AppsRun> {
  const apps = blocks.map((block) => {
    const file = path.join(work, `app-line-${block.line}.js`);
    const compiled = ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    fs.writeFileSync(file, compiled.outputText);
    return { file, outdir: path.join(work, `out-line-${block.line}`) };
  });
  const runner = [
    'const Module = require("module");',
    `require(${JSON.stringify(path.join(ROOT, "scripts", "swc-register.js"))});`,
    "const resolve = Module._resolveFilename;",
    `Module._resolveFilename = function (request, ...rest) { return resolve.call(this, request === "cdktf-mail-connect" ? ${JSON.stringify(path.join(ROOT, "lib", "index.ts"))} : request, ...rest); };`,
    `for (const { file, outdir } of ${JSON.stringify(apps)}) { process.env.CDKTF_OUTDIR = outdir; require(file); }`,
  ].join("\n");
  // NODE_PATH lets the apps' bare imports (cdktf, provider classes) resolve from this repository.
  const env = { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--eval", runner], { cwd: work, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stderr }));
  });
}

interface StackJson {
  readonly resource?: Record<string, Record<string, { name?: string; type?: string }>>;
}

const stackJson = (outdir: string, stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;

describe("README.md", () => {
  const blocks = readmeBlocks(fs.readFileSync(README, "utf8"));
  const apps = blocks.filter((block) => block.isApp);
  /** A broken block, checked in the same program: the check must find its problem. */
  const [canary] = readmeBlocks(
    'intro\n\n```ts\nimport { DnsZone, MailConnectDomain } from "cdktf-mail-connect";\nnew MailConnectDomain(stack, "x", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneName: "firma.de" }) });\n```\n',
  );
  let problems: Map<ReadmeBlock, string[]>;
  let work: string;
  let run: AppsRun;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-readme-"));
    // The apps run in their own process while this one type-checks.
    const running = runApps(apps, work);
    problems = typeCheck([...blocks, canary]);
    run = await running;
  }, 150_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("the block reader finds the blocks, their assumptions, and stops at unreadable ones", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    expect(apps.length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((block) => block.assumes.length > 0).length).toBeGreaterThanOrEqual(1);
    expect(readmeBlocks("text\n<!-- assume: stack: TerraformStack; zoneId: string -->\n```ts\nnew X(stack, zoneId);\n```\n")).toEqual([
      { line: 3, code: "new X(stack, zoneId);", assumes: [["stack", "TerraformStack"], ["zoneId", "string"]], isApp: false },
    ]);
    expect(() => readmeBlocks("<!-- assume: vpc: Vpc -->\n```ts\nvpc.id;\n```\n")).toThrow('README.md:1: cannot read the assumption "vpc: Vpc"');
  });

  test("every ts block compiles against the library's types", () => {
    expect(blocks.flatMap((block) => problems.get(block)!)).toEqual([]);
  });

  test("the type check catches a broken block, at its README line", () => {
    expect(problems.get(canary)).toEqual(["README.md:5: Cannot find name 'stack'."]);
  });

  test("every whole app synthesizes", () => {
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    for (const block of apps) {
      const stacks = fs.readdirSync(path.join(work, `out-line-${block.line}`, "stacks"));
      expect({ line: block.line, stacks: stacks.length > 0 }).toEqual({ line: block.line, stacks: true });
    }
  });

  test("the smallest app publishes the article's six records on Cloudflare", () => {
    const smallest = apps.find((block) => block.code.includes('"beispieldomain-eu"'))!;
    const records = stackJson(path.join(work, `out-line-${smallest.line}`), "beispieldomain-eu").resource?.cloudflare_dns_record ?? {};
    expect(Object.values(records).map((record) => `${record.type} ${record.name}`).sort()).toEqual([
      "CNAME autoconfig.beispieldomain.eu",
      "MX beispieldomain.eu",
      "SRV _autodiscover._tcp.beispieldomain.eu",
      "TXT _dmarc.beispieldomain.eu",
      "TXT beispieldomain.eu",
      "TXT mail-connect._domainkey.beispieldomain.eu",
    ]);
  });

  test("the example per product and provider: every product, both providers, one SMTP rule", () => {
    const example = apps.find((block) => block.code.includes('"customers"'))!;
    const json = stackJson(path.join(work, `out-line-${example.line}`), "customers");
    const names = (type: string) => Object.values(json.resource?.[type] ?? {}).map((record) => `${record.type} ${record.name}`);
    expect(names("cloudflare_dns_record")).toEqual(expect.arrayContaining(["CNAME imap.kanzlei-weber.de", "MX praxis-meier.de"]));
    expect(names("cloudflare_dns_record")).not.toContain("CNAME autoconfig.praxis-meier.de");
    expect(names("aws_route53_record")).toEqual(expect.arrayContaining(["MX firma.de", "CNAME autoconfig.firma.de", "MX news.my-company.com", "MX werkstatt-schmidt.de"]));
    expect(Object.keys(json.resource?.aws_vpc_security_group_ingress_rule ?? {})).toHaveLength(1);
  });
});
