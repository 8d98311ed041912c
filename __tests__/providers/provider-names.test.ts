/**
 * Everything one DNS provider means lives in `lib/providers/`: no code outside it names a
 * provider — its resource types, its binding package, its kind or its name. Comments may cite
 * a provider's documentation as the source of a rule; code and messages may not name it.
 */
import * as fs from "fs";
import * as path from "path";
import { DNS_PROVIDER_ADAPTERS } from "../../lib/providers/provider-registry";

const LIB = path.join(__dirname, "..", "..", "lib");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The code of a TypeScript file without its comments (strings are kept: messages count). */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** What names each provider: its resource types, its kind and name, and its binding package. */
function namesOf(): { provider: string; pattern: RegExp; exceptIn?: string }[] {
  return DNS_PROVIDER_ADAPTERS.flatMap((adapter) => [
    ...adapter.resourceTypes.map((type) => ({ provider: adapter.kind, pattern: new RegExp(`\\b${type}\\b`) })),
    { provider: adapter.kind, pattern: new RegExp(`\\b(${adapter.kind}|${adapter.title.replace(/ /g, " ?")})\\b`, "i") },
    // The firewall is AWS's own feature: it may import its AWS rule classes.
    { provider: adapter.kind, pattern: new RegExp(adapter.bindingPackage.replace(/[/-]/g, "\\$&")), exceptIn: adapter.bindingPackage === "@cdktf/provider-aws" ? path.join(LIB, "firewall") : undefined },
  ]);
}

test("the registry lists five adapters, each with its own resource types", () => {
  expect(DNS_PROVIDER_ADAPTERS.map((adapter) => adapter.kind)).toEqual(["cloudflare", "route53", "rfc2136", "azure-dns", "google-cloud-dns"]);
  const types = DNS_PROVIDER_ADAPTERS.flatMap((adapter) => adapter.resourceTypes);
  expect(new Set(types).size).toBe(types.length);
});

test("no file outside lib/providers/ names a DNS provider in its code", () => {
  const names = namesOf();
  const found: string[] = [];
  for (const file of filesUnder(LIB).filter((f) => !f.startsWith(path.join(LIB, "providers") + path.sep))) {
    // `google-site-verification=...` is an example value a service gives, not the provider.
    const code = codeOf(fs.readFileSync(file, "utf8")).replace(/google-site-verification/g, "");
    for (const { provider, pattern, exceptIn } of names) {
      if (exceptIn !== undefined && file.startsWith(exceptIn + path.sep)) continue;
      const match = pattern.exec(code);
      if (match) found.push(`${path.relative(LIB, file)}: ${match[0]} (${provider})`);
    }
  }
  expect(found).toEqual([]);
});

test("the scanner finds a provider named in code and ignores one cited in a comment", () => {
  const names = namesOf();
  const named = (text: string) => names.some(({ pattern }) => pattern.test(codeOf(text)));
  expect(named('const type = "aws_route53_record";')).toBe(true);
  expect(named('throw new Error("exists only on Route53");')).toBe(true);
  expect(named('require("@cdktf/provider-dns/lib/txt-record-set");')).toBe(true);
  expect(named("// Cloudflare's limit (developers.cloudflare.com)\nconst limit = 2048;")).toBe(false);
});
