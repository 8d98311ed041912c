/**
 * The library must deep-import provider classes (`@cdktf/provider-aws/lib/route53-record`):
 * a provider package root re-exports every resource of the provider, and requiring it costs
 * seconds and hundreds of MB (see bench/ and the README's Performance section). Checked twice:
 * statically, on every source file in lib/ (type-only imports included, as the standard says
 * NEVER), and at run time, by requiring the package root in a fresh process and looking at
 * what it loaded.
 * Every provider binding is an optional peer dependency, so requiring the root loads none;
 * a domain loads the few classes of its own provider (lib/providers/binding-loader.ts, loaded by each adapter).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { isProviderRootImport, moduleImports, sourceFiles } from "../bench/library-imports";

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");

/** `file:line specifier` for every provider root import in `source`. */
function rootImportsIn(source: string, file = "source.ts"): string[] {
  return moduleImports(source, file)
    .filter((found) => isProviderRootImport(found.specifier))
    .map((found) => `${file}:${found.line} ${found.specifier}`);
}

describe("the import scanner", () => {
  test("flags every way of importing a provider package root", () => {
    const source = [
      'import { Route53Record } from "@cdktf/provider-aws";',
      "import {",
      "  DnsRecord,",
      '} from "@cdktf/provider-cloudflare";',
      'import type { AwsProvider } from "@cdktf/provider-aws/lib";',
      'export * from "@cdktf/provider-aws/lib/index";',
      'const aws = require("@cdktf/provider-aws/lib/index.js");',
      'const cloudflare = import("@cdktf/provider-cloudflare/");',
    ].join("\n");
    expect(rootImportsIn(source)).toEqual([
      "source.ts:1 @cdktf/provider-aws",
      "source.ts:4 @cdktf/provider-cloudflare",
      "source.ts:5 @cdktf/provider-aws/lib",
      "source.ts:6 @cdktf/provider-aws/lib/index",
      "source.ts:7 @cdktf/provider-aws/lib/index.js",
      "source.ts:8 @cdktf/provider-cloudflare/",
    ]);
  });

  test("accepts deep imports and ignores provider names in comments and strings", () => {
    const source = [
      'import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";',
      'import type { DnsRecordConfig } from "@cdktf/provider-cloudflare/lib/dns-record";',
      '// never: import { Route53Record } from "@cdktf/provider-aws";',
      'const hint = "use @cdktf/provider-aws/lib/<resource>, not @cdktf/provider-aws";',
    ].join("\n");
    expect(rootImportsIn(source)).toEqual([]);
    expect(moduleImports(source).map((found) => [found.specifier, found.typeOnly])).toEqual([
      ["@cdktf/provider-aws/lib/route53-record", false],
      ["@cdktf/provider-cloudflare/lib/dns-record", true],
    ]);
  });
});

describe("lean imports", () => {
  test("no source file in lib/ imports a provider package root", () => {
    const files = sourceFiles(LIB);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => rootImportsIn(fs.readFileSync(file, "utf8"), path.relative(ROOT, file)));
    expect(offenders).toEqual([]);
  });

  /**
   * The provider files (relative to node_modules) loaded after requiring the package root, and
   * after then synthesizing one Cloudflare domain: one fresh process for both.
   */
  function providerFilesLoaded(): { afterRequire: string[]; afterCloudflareDomain: string[] } {
    const script = [
      "const loaded = () => Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]@cdktf[\\\\/]provider-/.test(f));",
      'const { MailConnectDomain, DnsZone } = require("./lib");',
      "const afterRequire = loaded();",
      'const { App, TerraformStack } = require("cdktf");',
      'const stack = new TerraformStack(new App(), "s");',
      'new MailConnectDomain(stack, "d", { domain: "firma.de", zone: DnsZone.cloudflare({ zoneName: "firma.de" }) });',
      "process.stdout.write(JSON.stringify({ afterRequire, afterCloudflareDomain: loaded() }));",
    ].join("\n");
    const result = spawnSync(process.execPath, ["--require", "./scripts/swc-register.js", "--eval", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect({ status: result.status, stderr: result.status === 0 ? "" : result.stderr }).toEqual({ status: 0, stderr: "" });
    const relative = (files: string[]) => files.map((file) => path.relative(path.join(ROOT, "node_modules"), file).split(path.sep).join("/"));
    const { afterRequire, afterCloudflareDomain } = JSON.parse(result.stdout) as { afterRequire: string[]; afterCloudflareDomain: string[] };
    return { afterRequire: relative(afterRequire), afterCloudflareDomain: relative(afterCloudflareDomain) };
  }

  let loaded: ReturnType<typeof providerFilesLoaded>;
  beforeAll(() => {
    loaded = providerFilesLoaded();
  }, 70_000);

  test("requiring the package root loads no provider binding at all (they are optional peers, loaded on first use)", () => {
    expect(loaded.afterRequire).toEqual([]);
  });

  test("a Cloudflare domain loads a handful of Cloudflare binding files and nothing of AWS", () => {
    const files = loaded.afterCloudflareDomain;
    // A root import loads one file per resource type (over a thousand for AWS); the library
    // needs the record class and the zone data source.
    expect(files.filter((file) => /^@cdktf\/provider-[^/]+\/lib\/index\.js$/.test(file))).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(10);
    expect(files.every((file) => /^@cdktf\/provider-cloudflare\/lib\/[a-z0-9-]+\/index\.js$/.test(file))).toBe(true);
  });
});
