/**
 * The package as users get it: `npm pack` (which builds dist/ through `prepack`), then the
 * tarball installed into a scratch app that has only cdktf, constructs and the Cloudflare
 * bindings, and a domain synthesized there with the real cdktf.
 *
 * The pack runs in a staging copy of the repository (tracked and new files, with this
 * repository's node_modules linked in), so it never writes dist/ into the working tree while
 * other tests run the bin. The staging copy is kept between runs and built incrementally with
 * the package's own build script (`prepack` is `npm run build`); the scratch app's peers are
 * installed once per machine and reused; each run installs only its fresh tarball.
 */
import { spawnSync, SpawnSyncReturns } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** The scratch app's peers, at the versions this repository tests with. */
const PEERS = ["cdktf", "constructs", "@cdktf/provider-cloudflare"].map((name) => `${name}@${OWN.devDependencies[name]}`);

interface PackedFile {
  readonly path: string;
}
interface PackResult {
  readonly filename: string;
  readonly files: readonly PackedFile[];
}

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const env = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status}:\n${result.stderr}\n${result.stdout}`);
  }
  return result;
}

const machineKey = (...parts: string[]) => createHash("sha256").update([ROOT, ...parts].join("\n")).digest("hex").slice(0, 12);

/** Where the staging copy keeps its incremental build state (not in the package's `files`). */
const BUILD_INFO = ".staging-build.tsbuildinfo";

/**
 * The staging copy: exactly the repository's tracked and new (not ignored) files, with
 * node_modules linked in, and the dist/ of the last build. A changed set of files (a source
 * added, removed or renamed) starts the copy afresh, so dist/ never keeps a stale module.
 */
function stagingCopy(): string {
  const staging = path.join(os.tmpdir(), `mail-connect-pack-${machineKey("staging")}`);
  const listed = run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], ROOT)
    .stdout.split("\0")
    .filter((file) => file !== "" && fs.existsSync(path.join(ROOT, file))) // deleted but not yet committed
    .sort();
  const listFile = path.join(staging, ".staging-files");
  if (!fs.existsSync(listFile) || fs.readFileSync(listFile, "utf8") !== listed.join("\n")) {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(staging, "node_modules"), "dir");
  }
  for (const file of listed) {
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(staging, file));
  }
  fs.writeFileSync(listFile, listed.join("\n"));
  for (const old of fs.readdirSync(staging).filter((file) => file.endsWith(".tgz"))) fs.rmSync(path.join(staging, old));
  return staging;
}

/**
 * The scratch app with the peers installed (once per machine and peer set): from the npm cache
 * (`--prefer-offline`), or, where the registry cannot be reached, offline from tarballs packed
 * out of this repository's node_modules (cdktf bundles its own dependencies, the others have
 * none). The registry install is preferred because a later install of the package then
 * re-reads no large local tarballs.
 */
function scratchApp(): string {
  const app = path.join(os.tmpdir(), `mail-connect-scratch-app-${machineKey(...PEERS)}`);
  const ready = path.join(app, ".peers-installed");
  if (!fs.existsSync(ready)) {
    fs.rmSync(app, { recursive: true, force: true });
    fs.mkdirSync(path.join(app, "peers"), { recursive: true });
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "scratch-app", version: "1.0.0", private: true }));
    try {
      run("npm", ["install", "--prefer-offline", "--ignore-scripts", "--save-exact", ...PEERS], app);
    } catch {
      // The package's own runtime dependencies too, so its install needs no registry either.
      const folders = [...PEERS.map((peer) => peer.slice(0, peer.lastIndexOf("@"))), ...runtimeDependencyClosure()].map((name) => path.join(ROOT, "node_modules", name));
      const packedPeers = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", path.join(app, "peers"), ...folders], app).stdout) as PackResult[];
      run("npm", ["install", "--offline", "--ignore-scripts", ...packedPeers.map((peer) => `./peers/${peer.filename}`)], app);
    }
    fs.writeFileSync(ready, PEERS.join("\n"));
  }
  return app;
}

/** The package's runtime dependencies and theirs, as installed in this repository's node_modules. */
function runtimeDependencyClosure(): string[] {
  const found = new Set<string>();
  const visit = (names: readonly string[]) => {
    for (const name of names) {
      if (found.has(name)) continue;
      found.add(name);
      visit(Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).dependencies ?? {}));
    }
  };
  visit(Object.keys(OWN.dependencies ?? {}));
  return [...found].sort();
}

/** The app a Cloudflare-only user writes (plain JavaScript: what Node runs after `tsc`). */
const APP_SOURCE = `
const { App, TerraformStack } = require("cdktf");
const { CloudflareProvider } = require("@cdktf/provider-cloudflare/lib/provider");
const { DnsZone, MailConnectDomain } = require("cdktf-mail-connect");

const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, "mail");
new CloudflareProvider(stack, "cloudflare");
new MailConnectDomain(stack, "firma-de", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneId: "0123456789abcdef0123456789abcdef" }) });
app.synth();

// What a Route53 domain in the same app says without the AWS bindings.
let route53Error = "no error";
try {
  new MailConnectDomain(new TerraformStack(app, "aws"), "firma-de", { domain: "firma.de", zone: DnsZone.route53({ zoneId: "Z0123456789ABCDEFGHIJ" }) });
} catch (error) {
  route53Error = error.name + ": " + error.message;
}
let awsBindings = "absent";
try {
  require.resolve("@cdktf/provider-aws/lib/route53-record");
  awsBindings = "resolvable";
} catch {}
process.stdout.write(JSON.stringify({ awsBindings, route53Error }));
`;

let staging: string;
let packed: PackResult;
let app: string;
let outDir: string;

beforeAll(() => {
  staging = stagingCopy();
  // What `prepack` runs, made incremental; then the pack itself.
  run("npm", ["run", "build", "--", "--incremental", "--tsBuildInfoFile", BUILD_INFO], staging);
  packed = (JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", staging], staging).stdout) as PackResult[])[0];
  app = scratchApp();
  // A name of its own per run, so npm installs this tarball instead of keeping the last one.
  const tarball = path.join(app, `cdktf-mail-connect-${process.pid}-${Date.now()}.tgz`);
  fs.copyFileSync(path.join(staging, packed.filename), tarball);
  run("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-save", tarball], app);
  fs.rmSync(tarball);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "mail-connect-scratch-out-"));
}, 240_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe("npm pack", () => {
  const files = () => packed.files.map((file) => file.path).sort();

  test("is built by prepack with the build script this test runs", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(manifest.scripts).toMatchObject({ prepack: "npm run build", build: "tsc -p tsconfig.build.json" });
  });

  test("ships the compiled library with its types, the bin, README, LICENSE and CHANGELOG", () => {
    expect(files()).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "CHANGELOG.md", "bin/cdktf-mail-connect.js", "dist/index.js", "dist/index.d.ts", "dist/verify/cli.js", "dist/providers/binding-loader.js"]));
    // Every source file of lib/ and its folders (one per layer) ships compiled, with its declarations.
    const sources = (fs.readdirSync(path.join(ROOT, "lib"), { recursive: true }) as string[]).filter((file) => file.endsWith(".ts")).map((file) => file.split(path.sep).join("/"));
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) expect(files()).toEqual(expect.arrayContaining([`dist/${source.replace(/\.ts$/, ".js")}`, `dist/${source.replace(/\.ts$/, ".d.ts")}`]));
  });

  test("ships no tests, sources, examples, benchmarks or build leftovers", () => {
    const unwanted = files().filter(
      (file) =>
        !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/[a-z-]+\.js|dist\/[a-z0-9/-]+\.(js|d\.ts))$/.test(file) ||
        /(^|\/)(__tests__|__snapshots__)\//.test(file) ||
        /\.test\./.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  test("declares cdktf and constructs as peers and every provider binding as an optional peer; only the DNS client is a dependency", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(app, "node_modules", "cdktf-mail-connect", "package.json"), "utf8"));
    expect(manifest.dependencies).toEqual({ "dns-packet": expect.any(String), "dns-socket": expect.any(String) });
    expect(manifest.peerDependencies).toMatchObject({ "@cdktf/provider-aws": "^21.0.0", "@cdktf/provider-cloudflare": "^13.0.0", cdktf: "^0.21.0", constructs: "^10.4.2" });
    // Every provider binding this repository tests with is an optional peer, none a dependency.
    const bindings = Object.keys(OWN.devDependencies).filter((name) => name.startsWith("@cdktf/provider-"));
    expect(bindings.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([...bindings, "cdktf", "constructs"].sort());
    expect(manifest.peerDependenciesMeta).toEqual(Object.fromEntries(bindings.map((name) => [name, { optional: true }])));
    expect(manifest).toMatchObject({ license: "Apache-2.0", repository: { type: "git" }, bugs: { url: expect.stringMatching(/^https:\/\//) }, homepage: expect.stringMatching(/^https:\/\//) });
    expect(manifest.keywords).toEqual(expect.arrayContaining(["cdktf", "dns", "cloudflare", "route53"]));
  });

  test("LICENSE is the Apache License 2.0 that package.json names", () => {
    const license = fs.readFileSync(path.join(app, "node_modules", "cdktf-mail-connect", "LICENSE"), "utf8");
    expect(license).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(license).toContain("END OF TERMS AND CONDITIONS");
  });
});

describe("a Cloudflare-only app with the installed tarball", () => {
  let result: SpawnSyncReturns<string>;

  beforeAll(() => {
    fs.writeFileSync(path.join(app, "main.js"), APP_SOURCE);
    result = spawnSync(process.execPath, ["main.js", outDir], { cwd: app, encoding: "utf8", timeout: 60_000 });
  });

  test("has no AWS bindings installed", () => {
    expect(fs.readdirSync(path.join(app, "node_modules", "@cdktf")).sort()).toEqual(["provider-cloudflare"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ awsBindings: "absent" });
  });

  test("synthesizes the domain's Cloudflare records", () => {
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
    const stack = JSON.parse(fs.readFileSync(path.join(outDir, "stacks", "mail", "cdk.tf.json"), "utf8")) as { resource: Record<string, Record<string, { name: string; type: string }>> };
    expect(Object.keys(stack.resource)).toEqual(["cloudflare_dns_record"]);
    expect(Object.values(stack.resource.cloudflare_dns_record).map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "CNAME autoconfig.firma.de",
      "MX firma.de",
      "SRV _autodiscover._tcp.firma.de",
      "TXT _dmarc.firma.de",
      "TXT firma.de",
      "TXT mail-connect._domainkey.firma.de",
    ]);
  });

  test("a TypeScript app type-checks against the packed declarations with the cdktf template's compiler options", () => {
    // cdktf's TypeScript template sets strict and skipLibCheck; the declarations name classes of
    // both bindings, which a Cloudflare-only app does not have.
    const main = path.join(app, "main.ts");
    fs.writeFileSync(
      main,
      [
        'import { App, TerraformStack } from "cdktf";',
        'import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";',
        'import { BindingNotInstalledError, DnsZone, MailConnectDomain } from "cdktf-mail-connect";',
        'const stack = new TerraformStack(new App(), "mail");',
        'new CloudflareProvider(stack, "cloudflare");',
        'const domain = new MailConnectDomain(stack, "firma-de", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneName: "firma.de" }) });',
        "const names: string[] = [domain.fqdns.mx, new BindingNotInstalledError({ packageName: \"x\", range: \"^1\" }, \"y\").packageName];",
        "export { names };",
      ].join("\n"),
    );
    const options: ts.CompilerOptions = { strict: true, skipLibCheck: true, noEmit: true, target: ts.ScriptTarget.ES2018, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: [], lib: ["lib.es2018.d.ts"] };
    const program = ts.createProgram([main], options);
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    expect(program.getSourceFiles().some((file) => file.fileName.endsWith("/node_modules/cdktf-mail-connect/dist/index.d.ts"))).toBe(true);
  });

  test("a Route53 zone there fails with the command that installs the AWS bindings", () => {
    expect(JSON.parse(result.stdout)).toEqual({
      awsBindings: "absent",
      route53Error:
        "BindingNotInstalledError: DnsZone.route53 (Route53 record sets) needs the package @cdktf/provider-aws, which is not installed. Install it in your app: npm install @cdktf/provider-aws@^21",
    });
  });
});
