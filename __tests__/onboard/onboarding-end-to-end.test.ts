/**
 * Onboarding end to end, on realistic zones served by a real BIND: the domain's live DNS is
 * read (`readLiveMailZone`), planned (`planOnboarding`), written as TypeScript
 * (`onboardingTypeScript`, the provider each scenario names); the TypeScript compiles and
 * synthesizes with the real cdktf; its records go through the provider round-trip
 * (`publishedRrsetsFromTerraform`) into the zone as the deploy leaves it (adopted sets
 * replaced, new sets added, records the plan names for removal by hand removed); a second BIND
 * serves that zone, and real mail software (mailauth) checks that every sender that passed SPF
 * before still passes, that mail-connect passes, that the site verifications are still served,
 * and `verifyDomains` finds mail-connect's records in place.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readLiveMailZone } from "../../lib/onboard/read-live-mail-zone";
import { planOnboarding } from "../../lib/onboard/plan-onboarding";
import { onboardingTypeScript } from "../../lib/onboard/onboarding-typescript";
import { LiveMailZone, OnboardingPlan } from "../../lib/onboard/onboarding-plan";
import { DnsRrset } from "../../lib/plan/dns-rrset";
import { planToRrsets } from "../../lib/plan/dns-rrset";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { publishedRrsetsFromTerraform } from "../../lib/providers/provider-rrsets";
import { expectedFromOptions } from "../../lib/verify/expected-from-options";
import { verifyDomains } from "../../lib/verify/verify-domains";
import { digAnswer } from "../support/bind-query";
import { BindServer, startBindServer } from "../support/bind-server";
import { authenticateMessage, bindMailauthResolver, buildMessage } from "../support/mail-auth";
import { liveZone } from "../verify/support/live-zones";
import { compileGeneratedApps, filledWithTestValues, synthGeneratedApp } from "./support/generated-app";
import { OnboardingScenario, onboardingScenarios, senderRrsets } from "./support/onboarding-zones";

const SCENARIOS = onboardingScenarios();
const MAIL_CONNECT_SENDER = "mail-connect";

interface Onboarded {
  readonly scenario: OnboardingScenario;
  readonly live: LiveMailZone;
  readonly plan: OnboardingPlan;
  readonly source: string;
  /** The RRsets the synthesized app publishes, after the provider round-trip. */
  readonly published: DnsRrset[];
  /** The customer's zone after the deploy. */
  readonly after: DnsRrset[];
}

function senderZones(): ReturnType<typeof liveZone>[] {
  return Object.entries(senderRrsets()).map(([origin, rrsets]) => liveZone(origin, rrsets));
}

/** The zone as the deploy leaves it: each published set replaces the set of its name and type; the records to remove by hand are gone. */
function zoneAfterDeploy(before: readonly DnsRrset[], published: readonly DnsRrset[], plan: OnboardingPlan): DnsRrset[] {
  const key = (set: { name: string; type: string }) => `${set.name} ${set.type}`;
  const replaced = new Set(published.map(key));
  const removed = new Set(plan.changes.filter((change) => change.action === "remove-by-hand").map(key));
  return [...before.filter((set) => !replaced.has(key(set)) && !removed.has(key(set))), ...published];
}

async function spfResult(server: BindServer, ip: string, from: string): Promise<string> {
  const verdict = await authenticateMessage(buildMessage(from, "onboarding"), { ip, sender: from, helo: "sender.test" }, bindMailauthResolver(server));
  return verdict.spf;
}

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), "onboarding-e2e-"));
let before: BindServer;
let after: BindServer | undefined;
const onboarded: Onboarded[] = [];
let diagnostics: string[] = [];

beforeAll(async () => {
  before = await startBindServer([...SCENARIOS.map((s) => liveZone(s.domain, s.rrsets)), ...senderZones()]);
  for (const scenario of SCENARIOS) {
    const live = await readLiveMailZone(scenario.domain, { resolver: before.address, recursiveResolver: before.address, timeoutMs: 2000, retries: 1 });
    const plan = planOnboarding(live, { product: scenario.product });
    const source = onboardingTypeScript(plan, { provider: scenario.provider });
    onboarded.push({ scenario, live, plan, source, published: [], after: [] });
  }
  diagnostics = compileGeneratedApps(onboarded.map((o) => ({ name: o.scenario.domain, source: o.source })));
  for (const [index, o] of onboarded.entries()) {
    const stacks = synthGeneratedApp(filledWithTestValues(o.source), path.join(outRoot, String(index)));
    const published = Object.values(stacks).flatMap((stack) => publishedRrsetsFromTerraform(stack as never));
    const rrsets = published.map(({ name, type, ttl, rdata }) => ({ name, type, ttl, rdata }));
    onboarded[index] = { ...o, published: rrsets, after: zoneAfterDeploy(o.scenario.rrsets, rrsets, o.plan) };
  }
  after = await startBindServer([...onboarded.map((o) => liveZone(o.scenario.domain, o.after)), ...senderZones()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([before?.stop(), after?.stop()]);
  fs.rmSync(outRoot, { recursive: true, force: true });
});

test("every generated app compiles against the package's types", () => {
  expect(diagnostics).toEqual([]);
  expect(onboarded).toHaveLength(SCENARIOS.length);
});

describe.each(SCENARIOS.map((scenario, index) => [scenario.title, index] as const))("%s", (_title, index) => {
  const o = () => onboarded[index];

  test("is ready or blocked as the zone demands", () => {
    expect(o().plan.status).toBe(o().scenario.blocked ? "blocked" : "ready");
    expect(o().plan.risks.some((risk) => risk.severity === "blocking")).toBe(o().scenario.blocked);
  });

  test("the senders pass SPF today (the zone is realistic)", async () => {
    for (const sender of o().scenario.senders.filter((s) => s.label !== MAIL_CONNECT_SENDER)) {
      expect({ sender: sender.label, spf: await spfResult(before, sender.ip, sender.from) }).toEqual({ sender: sender.label, spf: "pass" });
    }
    // The check can fail: mail-connect is not in today's SPF record.
    const mailConnect = o().scenario.senders.find((s) => s.label === MAIL_CONNECT_SENDER)!;
    expect(await spfResult(before, mailConnect.ip, mailConnect.from)).not.toBe("pass");
  });

  test("the synthesized records are the plan's, through the provider round-trip", () => {
    const lines = (sets: readonly DnsRrset[]) => sets.map((s) => `${s.name} ${s.type} ${[...s.rdata].sort().join(" | ")}`).sort();
    expect(lines(o().published)).toEqual(lines(planToRrsets(planMailConnectRecords(o().plan.options))));
  });

  test("after the deploy every sender, mail-connect included, passes SPF", async () => {
    for (const sender of o().scenario.senders) {
      expect({ sender: sender.label, spf: await spfResult(after!, sender.ip, sender.from) }).toEqual({ sender: sender.label, spf: "pass" });
    }
  });

  test("after the deploy the site verifications are still served, and only one SPF record", () => {
    const texts = digAnswer(after!, o().scenario.domain, "TXT").map((record) => record.rdata.replace(/^"|"$/g, "").split('" "').join(""));
    for (const kept of o().scenario.keptTxt) expect(texts).toContain(kept);
    expect(texts.filter((text) => text.startsWith("v=spf1"))).toHaveLength(1);
  });

  test("after the deploy verify finds mail-connect's records in place", async () => {
    const report = await verifyDomains([expectedFromOptions(o().plan.options)], { resolver: after!.address, recursiveResolver: after!.address, timeoutMs: 2000, retries: 1 });
    const failing = report.domains[0].checks.filter((check) => check.status !== "ok" && check.status !== "skipped");
    expect(failing.map((check) => `${check.label}: ${check.status} ${check.hint ?? ""}`)).toEqual([]);
    expect(report.exitCode).toBe(0);
  });
});
