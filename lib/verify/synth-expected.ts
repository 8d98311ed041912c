/**
 * Expectations from synthesized stacks (`cdktf synth` writes `cdktf.out/stacks/<stack>/cdk.tf.json`):
 * the RRsets the DNS records of every supported provider publish (`publishedRrsetsFromTerraform`),
 * grouped into domains. A domain without auto-setup records in the deployment must not have
 * them live either: those would be stale.
 */
import * as fs from "fs";
import * as path from "path";
import { DnsRrset } from "../plan/dns-rrset";
import { TerraformJson, UnpublishableRecordError, publishedRrsetsFromTerraform } from "../providers/published";
import { ExpectedMailDomain, forbiddenAutoSetup } from "./expected-domain";
import { VerifyInputError } from "./verify-input-error";

/** Options of {@link expectedFromSynth}. */
export interface SynthExpectationOptions {
  /**
   * Only these stacks (directory names under `stacks/`).
   * @default - every stack
   */
  readonly stacks?: readonly string[];
}

/** What was read from a synth directory. */
export interface SynthExpectation {
  readonly domains: ExpectedMailDomain[];
  /** The stacks read, in name order. */
  readonly stacks: readonly string[];
  /** Resources that do not publish a literal record (e.g. a CNAME to a token), skipped with the reason. */
  readonly skipped: readonly string[];
}

const STALE_AUTO_SETUP = "Not in the deployment: a stale auto-setup record (auto-setup is for mail-connect PRO only, and mail clients still follow it).";

/** `dir/stacks/<name>/cdk.tf.json`, or `dir/cdk.tf.json` for one stack's directory. */
function stackFiles(dir: string): { name: string; file: string }[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new VerifyInputError([`--synth: got "${dir}"; it is not a directory. Run \`npx cdktf synth\` and pass its output directory (default cdktf.out).`]);
  }
  const stacksDir = path.join(dir, "stacks");
  if (fs.existsSync(stacksDir)) {
    return fs
      .readdirSync(stacksDir)
      .filter((name) => fs.existsSync(path.join(stacksDir, name, "cdk.tf.json")))
      .sort()
      .map((name) => ({ name, file: path.join(stacksDir, name, "cdk.tf.json") }));
  }
  const single = path.join(dir, "cdk.tf.json");
  return fs.existsSync(single) ? [{ name: path.basename(path.resolve(dir)), file: single }] : [];
}

function readJson(file: string): TerraformJson {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as TerraformJson;
  } catch (error) {
    throw new VerifyInputError([`--synth: cannot read ${file}: ${(error as Error).message}`]);
  }
}

/**
 * The published RRsets of one stack. Resources that cannot be read on their own (a record
 * whose value is a token, say: not one of MailConnectDomain's) are skipped and reported;
 * problems between readable resources (two SPF records, clashing sets) stop the check.
 */
function stackRrsets(stack: string, json: TerraformJson, skipped: string[]): DnsRrset[] {
  try {
    return publishedRrsetsFromTerraform(json, { skipUnknown: true, onUnreadable: (problem) => skipped.push(`stack ${stack}: ${problem}`) });
  } catch (error) {
    if (!(error instanceof UnpublishableRecordError)) throw error;
    throw new VerifyInputError(error.problems.map((p) => `stack ${stack}: ${p}`));
  }
}

/**
 * Reads every (or the chosen) stack under `dir` and returns one expectation per mail domain.
 * @throws VerifyInputError when the directory, a stack or a chosen stack name is missing or unreadable
 */
export function expectedFromSynth(dir: string, options: SynthExpectationOptions = {}): SynthExpectation {
  const all = stackFiles(dir);
  if (all.length === 0) {
    throw new VerifyInputError([`--synth: found no stacks/<stack>/cdk.tf.json under "${dir}". Run \`npx cdktf synth\` first.`]);
  }
  const wanted = options.stacks ?? [];
  const unknown = wanted.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new VerifyInputError(unknown.map((name) => `--stack: got "${name}"; "${dir}" has the stacks ${all.map((s) => `"${s.name}"`).join(", ")}.`));
  }
  const chosen = wanted.length === 0 ? all : all.filter((s) => wanted.includes(s.name));
  const skipped: string[] = [];
  // A domain that several stacks publish (the same records twice, or one stack per record
  // kind) is checked once, against every stack's records; identical RRsets count once.
  const byDomain = new Map<string, { rrsets: DnsRrset[]; stacks: string[] }>();
  for (const { name, file } of chosen) {
    for (const group of groupRrsetsByDomain(stackRrsets(name, readJson(file), skipped))) {
      const entry = byDomain.get(group.domain) ?? { rrsets: [], stacks: [] };
      byDomain.set(group.domain, entry);
      if (!entry.stacks.includes(name)) entry.stacks.push(name);
      for (const { name: n, type, ttl, rdata } of group.rrsets) {
        const set = { name: n, type, ttl, rdata: [...rdata] };
        if (!entry.rrsets.some((s) => JSON.stringify(s) === JSON.stringify(set))) entry.rrsets.push(set);
      }
    }
  }
  const domains: ExpectedMailDomain[] = [...byDomain].map(([domain, { rrsets, stacks }]) => ({
    domain,
    rrsets,
    forbidden: forbiddenAutoSetup(domain, rrsets, STALE_AUTO_SETUP),
    source: `${stacks.length === 1 ? "stack" : "stacks"} ${stacks.join(", ")}`,
  }));
  return { domains, stacks: chosen.map((s) => s.name), skipped };
}

/**
 * Groups the RRsets of a synthesized stack into mail domains: every MX owner is a domain
 * (mail-connect needs an MX even for a sending-only domain), and every other RRset belongs
 * to the longest domain it lies in. RRsets outside every domain are not mail records.
 */
/** One domain and its RRsets, in input order. */
export interface GroupedDomain {
  readonly domain: string;
  readonly rrsets: readonly DnsRrset[];
}

function liesIn(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/** Groups `rrsets` by the domain they belong to; domains in order of their MX RRsets. */
export function groupRrsetsByDomain(rrsets: readonly DnsRrset[]): GroupedDomain[] {
  const domains = [...new Set(rrsets.filter((s) => s.type === "MX").map((s) => s.name))];
  const groups = new Map<string, DnsRrset[]>(domains.map((d) => [d, []]));
  for (const set of rrsets) {
    const owner = domains.filter((d) => liesIn(set.name, d)).sort((a, b) => b.length - a.length)[0];
    if (owner !== undefined) groups.get(owner)!.push(set);
  }
  return domains.map((domain) => ({ domain, rrsets: groups.get(domain)! }));
}
