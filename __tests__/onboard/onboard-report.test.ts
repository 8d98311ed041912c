/**
 * What `onboard` prints, from a plan written by hand (the outputs take any plan): the outcome
 * (status, exit code, provider), the report at a terminal's width, in a pipe and `--wide`,
 * DNS data escaped, the one-line verdict, and the `--json` document.
 */
import { domainToASCII } from "url";
import { ONBOARD_JSON_SCHEMA, OnboardJson, onboardJsonText, onboardToJson } from "../../lib/onboard/onboard-json";
import { ONBOARD_EXIT, essentialQuestions, onboardOutcome, unreadEssentials } from "../../lib/onboard/onboard-outcome";
import { ONBOARD_PIPE_WIDTH, formatOnboardReport, onboardVerdict } from "../../lib/onboard/onboard-report";
import { LiveAnswer, OnboardingPlan } from "../../lib/onboard/onboarding-plan";
import { outputWidth } from "../../lib/verify/report-table";
import { SAMPLE_TYPESCRIPT, sampleLive, samplePlan } from "./support/sample-plan";

const TIMEOUT = { status: "error", code: "ETIMEOUT", message: "no answer from 127.0.0.1:9 within 200 ms (1 try)" } as const;
const HOSTILE = "evil\x1b[2J\x1b[1;31mALL-CLEAR\u202e";

/** The outcome with the sample plan and TypeScript (a stand-in planner and generator). */
function outcomeWith(plan: OnboardingPlan, options: { provider?: "cloudflare" } = {}) {
  return onboardOutcome(sampleLive(), { planner: () => plan, generator: () => SAMPLE_TYPESCRIPT, ...options });
}

/** The live zone with `answer` replacing the one for the same question. */
function liveWith(answer: LiveAnswer) {
  const live = sampleLive();
  return { ...live, answers: [...live.answers.filter((a) => !(a.name === answer.name && a.type === answer.type)), answer] };
}

describe("the outcome", () => {
  test("a plan without blocking risks is ready (exit 0); the provider is guessed from the zone's NS records", () => {
    const outcome = outcomeWith(samplePlan());
    expect({ status: outcome.status, exitCode: outcome.exitCode, provider: outcome.provider, guessed: outcome.providerGuess?.recognised }).toEqual({ status: "ready", exitCode: 0, provider: "route53", guessed: true });
    expect(outcome.typescript).toBe(SAMPLE_TYPESCRIPT);
  });

  test("a blocking risk: blocked (exit 1)", () => {
    expect(outcomeWith(samplePlan({ blocked: true }))).toMatchObject({ status: "blocked", exitCode: ONBOARD_EXIT.blocked });
  });

  test("--provider wins over the guess, and the generator is asked for that provider", () => {
    const asked: string[] = [];
    const outcome = onboardOutcome(sampleLive(), { provider: "cloudflare", planner: () => samplePlan(), generator: (_p, o) => (asked.push(o.provider), "code") });
    expect([outcome.provider, outcome.providerGuess, asked]).toEqual(["cloudflare", undefined, ["cloudflare"]]);
  });

  test.each(essentialQuestions("kanzlei-weber.de").map((q) => [`${q.type} ${q.name}`, q] as const))("%s unreadable: no plan is made, exit 2 even if the plan would be blocked", (_label, q) => {
    let planned = false;
    const outcome = onboardOutcome(liveWith({ ...q, result: TIMEOUT }), { planner: () => ((planned = true), samplePlan({ blocked: true })), generator: () => "" });
    expect({ status: outcome.status, exitCode: outcome.exitCode, plan: outcome.plan, planned, unread: outcome.unread.map((a) => `${a.type} ${a.name}`) }).toEqual({
      status: "unreadable",
      exitCode: 2,
      plan: undefined,
      planned: false,
      unread: [`${q.type} ${q.name}`],
    });
  });

  test("an unreadable answer that is not essential (a DKIM selector) still gets a plan", () => {
    const live = liveWith({ name: "selector1._domainkey.kanzlei-weber.de", type: "TXT", result: TIMEOUT });
    expect(unreadEssentials(live)).toEqual([]);
    expect(onboardOutcome(live, { planner: () => samplePlan(), generator: () => "" }).exitCode).toBe(0);
  });
});

describe("the report", () => {
  const report = (plan: OnboardingPlan, width?: number) => formatOnboardReport(outcomeWith(plan), width === undefined ? {} : { width });
  const textLines = (text: string) => text.slice(0, text.indexOf("TypeScript (")).split("\n");

  test("has the header, Changes, SPF lookups, Risks, Steps and the TypeScript, in that order", () => {
    const text = report(samplePlan(), 100);
    const headings = ["Moving kanzlei-weber.de to mail-connect PRO", "Changes (8 record sets: now → after)", "SPF lookups: 2 of 10", "Risks (1 warning, 1 note)", "Steps", "TypeScript (route53): paste into your cdktf app"];
    const at = headings.map((h) => text.indexOf(`\n${h}`) + (text.startsWith(h) ? 1 : 0));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.endsWith(SAMPLE_TYPESCRIPT)).toBe(true);
  });

  test("the header names the zone, where it was read, the mail host today with its evidence, and the provider with why", () => {
    expect(report(samplePlan(), 100).split("\n").slice(0, 8)).toEqual([
      "Moving kanzlei-weber.de to mail-connect PRO",
      "  zone          kanzlei-weber.de",
      "  read from     127.0.0.1:5353",
      "  mail today    Microsoft 365, seen in:",
      "                MX 0 kanzlei-weber-de.mail.protection.outlook.com.",
      "                include:spf.protection.outlook.com",
      "  DNS provider  route53, guessed: the name servers (ns-101.awsdns-12.com, ns-702.awsdns-23.net) are",
      "                Route53's.",
    ]);
  });

  test("a change shows type, record and action on one line, now and → after below, then the note", () => {
    const text = report(samplePlan(), 100);
    expect(text).toContain(
      [
        "  MX    kanzlei-weber.de                                                                     replace",
        "        0 kanzlei-weber-de.mail.protection.outlook.com.",
        "      → 10 mx.mail-connect.net.",
        "        old host: Microsoft 365",
      ].join("\n"),
    );
    expect(text).toContain(["  CNAME autodiscover.kanzlei-weber.de                                                 remove-by-hand", "        autodiscover.outlook.com.", "      → (to be deleted by hand)"].join("\n"));
    expect(text).toContain(["  CNAME autoconfig.kanzlei-weber.de (auto-setup)                                                 add", "        (none)", "      → autoconfig.mail-connect.net."].join("\n"));
  });

  test("risks carry their severity, id, message and what to do; steps are numbered with when", () => {
    const text = report(samplePlan({ blocked: true }), 100);
    expect(text).toContain("Risks (1 blocking, 1 warning, 1 note)\n  ✘ blocking auto-setup-conflict\n    autoconfig.kanzlei-weber.de points at the old host");
    expect(text).toContain("    What to do: Delete autoconfig.kanzlei-weber.de before the switch.");
    expect(text).toContain("Steps\n  1. 1 day before   Lower the TTL of the MX record of kanzlei-weber.de to 300 seconds.\n  2. the switch     Deploy");
  });

  test.each([80, 100])("fits %i columns (the TypeScript is never cut)", (width) => {
    const plan = samplePlan({ blocked: true });
    const lines = textLines(report(plan, width));
    expect(lines.filter((l) => [...l].length > width)).toEqual([]);
    expect(report(plan, width)).toContain(SAMPLE_TYPESCRIPT);
  });

  test("in a pipe it is 80 columns wide; on a terminal as wide as the terminal; --wide whole values", () => {
    expect(outputWidth({ isTTY: false }, false, {}, ONBOARD_PIPE_WIDTH)).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 100 }, false, {}, ONBOARD_PIPE_WIDTH)).toBe(100);
    const dkim = samplePlan().changes.find((c) => c.purpose === "dkim")!.planned[0];
    expect(report(samplePlan(), 80)).not.toContain(dkim);
    expect(formatOnboardReport(outcomeWith(samplePlan()), { width: Infinity })).toContain(`      → ${dkim}\n`);
  });

  test("a long SPF value wraps at its spaces, so every term stays visible at 80 columns; a term keeps its lookup count on its line", () => {
    const terms = ["include:spf.protection.outlook.com", "include:_spf.mail-connect.net", "include:spf.shopmailer.example", "include:_spf.old-isp.example", "ip4:192.0.2.0/24"];
    const base = samplePlan();
    const text = `v=spf1 ${terms.join(" ")} ~all`;
    const plan: OnboardingPlan = {
      ...base,
      changes: base.changes.map((c) => (c.purpose === "spf" ? { ...c, planned: [text] } : c)),
      spf: { ...base.spf, text, breakdown: terms.slice(0, 4).map((t) => `${t} 1`) },
    };
    const lines = report(plan, 80).split("\n");
    const changes = lines.slice(lines.findIndex((l) => l.startsWith("Changes")), lines.findIndex((l) => l.startsWith("SPF lookups")));
    for (const term of terms) expect([term, changes.some((l) => l.includes(term))]).toEqual([term, true]);
    expect(changes.filter((l) => [...l].length > 80)).toEqual([]);
    expect(report(plan, 80)).not.toMatch(/include:[^ ]*…/);
    const breakdown = lines.slice(lines.findIndex((l) => l.startsWith("SPF lookups")) + 1).join("\n");
    for (const term of terms.slice(0, 4)) expect(breakdown).toContain(`${term} 1`);
  });

  test("DNS data cannot reach the terminal as control characters", () => {
    const text = report(samplePlan({ hostileTxt: HOSTILE }), 100);
    expect(text).not.toMatch(/[\x1b\u202e]/);
    expect(text).toContain("evil\\x1b[2J\\x1b[1;31mALL-CLEAR\\u{202e}");
  });

  test("when the essential answers could not be read it lists them instead of a plan", () => {
    const outcome = onboardOutcome(liveWith({ name: "kanzlei-weber.de", type: "MX", result: TIMEOUT }), { planner: () => samplePlan(), generator: () => "" });
    const text = formatOnboardReport(outcome, { width: 80 });
    expect(text).toContain("\n\nCould not read what the plan is made from, so there is no plan:\n  ? MX kanzlei-weber.de: no answer from 127.0.0.1:9 within 200 ms (1 try)\n");
    expect(text).not.toContain("Changes");
  });
});

describe("the verdict (stderr, one line)", () => {
  test.each([
    ["ready", samplePlan(), "cdktf-mail-connect: kanzlei-weber.de is ready to move to mail-connect: 7 record sets to change, 1 warning to review.\n"],
    ["blocked", samplePlan({ blocked: true }), "cdktf-mail-connect: kanzlei-weber.de cannot move to mail-connect yet: 1 blocking risk (auto-setup-conflict); see Risks.\n"],
  ])("%s", (_name, plan, verdict) => {
    expect(onboardVerdict(outcomeWith(plan))).toBe(verdict);
  });

  test("unreadable: which questions and why", () => {
    const outcome = onboardOutcome(liveWith({ name: "_dmarc.kanzlei-weber.de", type: "TXT", result: TIMEOUT }), { planner: () => samplePlan(), generator: () => "" });
    expect(onboardVerdict(outcome)).toBe("cdktf-mail-connect: could not read the DNS of kanzlei-weber.de (TXT _dmarc.kanzlei-weber.de): no answer from 127.0.0.1:9 within 200 ms (1 try).\n");
  });

  test("an IDN domain is named in Unicode beside its punycode", () => {
    const idn = domainToASCII("bücher-müller.de");
    const outcome = onboardOutcome(sampleLive({ domain: idn, zone: idn }), { planner: () => samplePlan(), generator: () => "" });
    expect(onboardVerdict(outcome).startsWith(`cdktf-mail-connect: bücher-müller.de (${idn}) is ready`)).toBe(true);
  });
});

describe("--json", () => {
  test(`one document, schema ${ONBOARD_JSON_SCHEMA}, with every key, the plan and the TypeScript`, () => {
    const plan = samplePlan({ blocked: true });
    const json = JSON.parse(onboardJsonText(outcomeWith(plan))) as OnboardJson;
    expect(json).toEqual({
      schema: "cdktf-mail-connect/onboard@1",
      domain: "kanzlei-weber.de",
      zone: "kanzlei-weber.de",
      product: "pro",
      provider: "route53",
      providerGuessed: true,
      providerReason: "the name servers (ns-101.awsdns-12.com, ns-702.awsdns-23.net) are Route53's.",
      source: "127.0.0.1:5353",
      status: "blocked",
      exitCode: 1,
      unread: [],
      plan,
      typescript: SAMPLE_TYPESCRIPT,
    });
  });

  test("a given provider is not guessed; unreadable DNS gives null plan and TypeScript, and the questions with why", () => {
    expect(onboardToJson(outcomeWith(samplePlan(), { provider: "cloudflare" }))).toMatchObject({ provider: "cloudflare", providerGuessed: false, providerReason: null });
    const outcome = onboardOutcome(liveWith({ name: "kanzlei-weber.de", type: "TXT", result: TIMEOUT }), { planner: () => samplePlan(), generator: () => "" });
    expect(onboardToJson(outcome)).toMatchObject({ status: "unreadable", exitCode: 2, plan: null, typescript: null, unread: [{ name: "kanzlei-weber.de", type: "TXT", message: TIMEOUT.message }] });
  });

  test("is one line-terminated document whose terminal-unsafe characters are escaped and read back unchanged", () => {
    const plan = samplePlan({ hostileTxt: HOSTILE });
    const text = onboardJsonText(outcomeWith(plan));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toMatch(/[\x1b\u202e]/);
    expect((JSON.parse(text) as OnboardJson).plan?.options.extraTxt).toEqual(["MS=ms48151623", HOSTILE]);
  });
});
