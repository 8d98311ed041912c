/**
 * `planOnboarding` on hand-written live zones: the exact SPF text, DMARC options, changes,
 * risks (id and severity), status and adoption per scenario; every plan's options accepted by
 * `planMailConnectRecords`; the planned SPF checked with mailauth over the fixture's answers.
 */
import * as fs from "fs";
import * as path from "path";
import { moduleImports } from "../../bench/library-imports";
import { LiveMailZone, OnboardingPlan } from "../../lib/onboard/onboarding-plan";
import { planOnboarding } from "../../lib/onboard/plan-onboarding";
import { unreadableQuestions } from "../../lib/onboard/live-answers";
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { TxtValue } from "../../lib/plan/record-plan";
import { LiveZoneBuilder } from "./support/live-zone-builder";
import { plannedSpfResult } from "./support/mailauth-spf";
import * as zones from "./support/plan-zones";
import { MAIL_CONNECT_DKIM, MAIL_CONNECT_IP, SHOP_IP } from "./support/plan-zones";

const riskIds = (plan: OnboardingPlan): string[] => plan.risks.map((r) => `${r.id} ${r.severity}`);
const change = (plan: OnboardingPlan, name: string, type?: string) => plan.changes.find((c) => c.name === name && (type === undefined || c.type === type));
const plannedText = (plan: OnboardingPlan, purpose: "spf" | "dmarc" | "dkim"): string =>
  (planMailConnectRecords(plan.options).records.find((r) => r.purpose === purpose)!.values[0] as TxtValue).text;

const SCENARIOS: [string, () => LiveMailZone, Parameters<typeof planOnboarding>[1]][] = [
  ["Microsoft 365", zones.microsoft365Zone, {}],
  ["web shop", zones.shopZone, {}],
  ["9 lookups", () => zones.lookupZone(9), {}],
  ["10 lookups", () => zones.lookupZone(10), {}],
  ["TEAM", zones.teamZone, { product: "team" }],
  ["TEAM zone as PRO", zones.teamZone, { product: "pro" }],
  ["TEAM zone as SECGATE", zones.teamZone, { product: "secgate" }],
  ["TEAM zone as MAILING", zones.teamZone, { product: "mailing" }],
  ["IDN", zones.idnZone, {}],
  ["on mail-connect", zones.onMailConnectZone, {}],
  ["on mail-connect in another form", zones.almostMailConnectZone, {}],
  ["no mail", zones.noMailZone, {}],
  ["+all", zones.plusAllZone, {}],
  ["redirect=", zones.redirectZone, {}],
  ["unreadable", zones.unreadableZone, {}],
];

describe("every scenario", () => {
  test.each(SCENARIOS)("%s: options the planner accepts, the planned SPF text, status from the risks, order kept", (_, zone, options) => {
    const plan = planOnboarding(zone(), options);
    const records = planMailConnectRecords(plan.options);
    expect(records.domain).toBe(plan.domain);
    if (!plan.risks.some((r) => r.id === "spf-lookup-limit")) expect(plan.spf.text).toBe(plannedText(plan, "spf"));
    expect(plan.status).toBe(plan.risks.some((r) => r.severity === "blocking") ? "blocked" : "ready");
    const severities = plan.risks.map((r) => ["blocking", "warning", "info"].indexOf(r.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    const planned = plan.changes.filter((c) => c.purpose !== "other").map((c) => c.purpose);
    expect(plan.changes.slice(0, planned.length).every((c) => c.purpose !== "other")).toBe(true);
    expect(planned).toEqual(records.records.map((r) => r.purpose));
    // Every replaced set says why, in a note without parentheses (the report puts notes in its own).
    expect(plan.changes.filter((c) => c.action === "replace" && !c.note).map((c) => `${c.name} ${c.type}`)).toEqual([]);
    expect(plan.changes.filter((c) => c.note?.includes("(")).map((c) => c.note)).toEqual([]);
    // Deterministic: the same zone gives the same plan.
    expect(JSON.stringify(planOnboarding(zone(), options))).toBe(JSON.stringify(plan));
  });
});

describe("a domain on Microsoft 365", () => {
  const live = zones.microsoft365Zone();
  const plan = planOnboarding(live);

  test("recognises Microsoft 365 by its MX, SPF include, DKIM CNAMEs and autodiscover", () => {
    expect(plan.oldMailHost).toEqual({
      name: "Microsoft 365",
      recognised: true,
      evidence: [
        "MX 0 firma-de.mail.protection.outlook.com.",
        "include:spf.protection.outlook.com",
        "CNAME selector1._domainkey.firma.de → selector1-firma-de._domainkey.firmade.onmicrosoft.com",
        "CNAME selector2._domainkey.firma.de → selector2-firma-de._domainkey.firmade.onmicrosoft.com",
        "CNAME autodiscover.firma.de → autodiscover.outlook.com",
      ],
    });
  });

  test("keeps the include and -all, keeps the verification TXT, adopts MX and the apex TXT set", () => {
    expect(plan.spf.text).toBe("v=spf1 include:_spf.mail-connect.net include:spf.protection.outlook.com -all");
    expect(plan.options).toEqual({ domain: "firma.de", product: "pro", spf: { include: ["spf.protection.outlook.com"], all: "fail" }, extraTxt: ["MS=ms12345678"] });
    expect(plan.adopt).toEqual(["mx", "spf", "text"]);
    expect(plan.status).toBe("ready");
    expect(change(plan, "firma.de", "MX")).toMatchObject({ current: ["0 firma-de.mail.protection.outlook.com."], planned: ["10 mx.mail-connect.net."], action: "replace" });
    expect(change(plan, "autodiscover.firma.de")).toMatchObject({ purpose: "other", action: "remove-by-hand" });
    expect(change(plan, "selector1._domainkey.firma.de")).toMatchObject({ purpose: "other", type: "CNAME", action: "keep" });
  });

  test("names the switch, the old host's include, autodiscover, the stricter DMARC and the old DKIM selectors", () => {
    expect(riskIds(plan)).toEqual(["mx-switch warning", "autodiscover-host warning", "old-host-spf warning", "dmarc-stricter warning", "dkim-alignment info"]);
    expect(plan.risks.find((r) => r.id === "mx-switch")!.message).toContain("TTL 3600 s");
    expect(plan.risks.find((r) => r.id === "old-host-spf")!.message).toContain("include:spf.protection.outlook.com belongs to the old host (Microsoft 365)");
  });

  test("plans the TTL a day ahead, the deploy, deleting autodiscover, and the old host's terms after the switch", () => {
    expect(plan.steps.map((s) => s.when)).toEqual(["1 day before", "before the switch", "the switch", "the switch", "after the switch", "after the switch", "after 30 days"]);
    expect(plan.steps[0].what).toContain("from 3600 s to 300 s");
    expect(plan.steps[2].what).toBe("Deploy: `cdktf deploy`.");
    expect(plan.steps[3].what).toBe("Delete autodiscover.firma.de (CNAME) by hand.");
    expect(plan.steps[5].what).toContain("remove include:spf.protection.outlook.com");
  });

  test("mailauth: Microsoft 365 and mail-connect pass SPF with the planned record, others fail", async () => {
    expect(await plannedSpfResult(live, plan, "40.92.3.4")).toBe("pass");
    expect(await plannedSpfResult(live, plan, MAIL_CONNECT_IP)).toBe("pass");
    expect(await plannedSpfResult(live, plan, "192.0.2.99")).toBe("fail");
  });
});

describe("the MX switch's lead time, in the risk and the steps alike", () => {
  const planWithTtl = (ttl: number) => planOnboarding(new LiveZoneBuilder("ttl.example").mx(["10 mx.old-host.example."], ttl).mailConnectInclude().build());
  const lowerStep = (plan: OnboardingPlan) => plan.steps.find((s) => s.what.startsWith("Lower the TTL"));

  test.each([
    [3600, "at least 1 hour before the switch, so that the switch takes effect within minutes; a day ahead is safe.", "1 day before"],
    [86400, "at least 1 day before the switch, so that the switch takes effect within minutes.", "1 day before"],
    [172800, "at least 2 days before the switch, so that the switch takes effect within minutes.", "2 days before"],
  ])("TTL %i s: the risk says how long ahead, and the step is planned that early", (ttl, lead, when) => {
    const plan = planWithTtl(ttl);
    expect(plan.risks.find((r) => r.id === "mx-switch")!.action).toBe(`Create the mailboxes at mail-connect before the switch. Lower the MX record's TTL to 300 s ${lead}`);
    expect(lowerStep(plan)!.when).toBe(when);
  });

  test("a TTL of 300 s or less: nothing to lower, neither in the risk nor in the steps", () => {
    const plan = planWithTtl(300);
    expect(plan.risks.find((r) => r.id === "mx-switch")!.action).toBe("Create the mailboxes at mail-connect before the switch. The MX record's TTL is 300 s already, so the switch takes effect within minutes.");
    expect(lowerStep(plan)).toBeUndefined();
  });
});

describe("a web shop sender, two site verifications and p=reject", () => {
  const live = zones.shopZone();
  const plan = planOnboarding(live);

  test("keeps mx, the shop's include and ~all; both verifications; p=reject with its rua and adkim", () => {
    expect(plan.spf.text).toBe("v=spf1 mx include:_spf.mail-connect.net include:spf.shop-mailer.example ~all");
    expect(plan.options.extraTxt).toEqual(["google-site-verification=abc123", "facebook-domain-verification=xyz789"]);
    expect(plan.options.dmarc).toEqual({ policy: "reject", rua: ["mailto:dmarc@shop-firma.de"], alignment: { dkim: "strict" } });
    expect(plannedText(plan, "dmarc")).toBe("v=DMARC1; p=reject; adkim=s; rua=mailto:dmarc@shop-firma.de; ruf=mailto:postmaster@shop-firma.de;");
    expect(change(plan, "_dmarc.shop-firma.de")!.note).toContain("no ruf today: the article's ruf=mailto:postmaster@shop-firma.de is added");
    expect(plan.adopt).toEqual(["mx", "spf", "text", "dmarc"]);
    expect(change(plan, "shop-firma.de", "TXT")).toMatchObject({ purpose: "spf", action: "replace" });
    expect(plan.changes.find((c) => c.purpose === "text")).toMatchObject({ action: "unchanged", planned: ["google-site-verification=abc123", "facebook-domain-verification=xyz789"] });
  });

  test("an unrecognised own server: flagged by its MX; the mx term changes meaning; no stricter DMARC", () => {
    expect(plan.oldMailHost).toEqual({ name: "mail.shop-firma.de", recognised: false, evidence: ["MX 10 mail.shop-firma.de."] });
    expect(riskIds(plan)).toEqual(["mx-switch warning", "old-host-spf warning", "dkim-alignment warning"]);
    expect(plan.risks.find((r) => r.id === "old-host-spf")!.message).toContain('The "mx" term authorises the domain\'s MX hosts: today mail.shop-firma.de, after the switch mx.mail-connect.net');
    expect(plan.status).toBe("ready");
    expect(plan.steps[0]).toEqual({ when: "1 day before", what: "Lower the TTL of the MX record of shop-firma.de from 86400 s to 300 s at the DNS provider (the deploy sets the planned TTL again)." });
  });

  test("mailauth: the shop and mail-connect pass, others soft-fail", async () => {
    expect(await plannedSpfResult(live, plan, SHOP_IP)).toBe("pass");
    expect(await plannedSpfResult(live, plan, MAIL_CONNECT_IP)).toBe("pass");
    expect(await plannedSpfResult(live, plan, "192.0.2.99")).toBe("softfail");
  });
});

describe("SPF lookups counted through the includes read", () => {
  test("9 today + mail-connect's 1 = exactly 10: ready", () => {
    const plan = planOnboarding(zones.lookupZone(9));
    expect(plan.spf).toEqual({
      text: "v=spf1 include:_spf.mail-connect.net include:spf.sender1.example include:spf.sender2.example include:spf.sender3.example ~all",
      lookups: 10,
      limit: 10,
      breakdown: ["include:spf.sender1.example 3", "include:spf.sender2.example 3", "include:spf.sender3.example 3", "include:_spf.mail-connect.net 1"],
      unread: [],
    });
    expect(plan.risks.map((r) => r.id)).not.toContain("spf-lookup-limit");
    expect(plan.status).toBe("ready");
  });

  test("10 today + 1 = 11: blocked, naming the costliest terms first", async () => {
    const live = zones.lookupZone(10);
    const plan = planOnboarding(live);
    expect(plan.spf.lookups).toBe(11);
    expect(plan.spf.breakdown[0]).toBe("include:spf.sender3.example 4");
    const risk = plan.risks.find((r) => r.id === "spf-lookup-limit")!;
    expect(risk.severity).toBe("blocking");
    expect(risk.message).toContain("costs 11 DNS lookups; receivers allow 10");
    expect(risk.message).toContain("The most expensive terms: include:spf.sender3.example 4, include:spf.sender1.example 3 and include:spf.sender2.example 3.");
    expect(plan.status).toBe("blocked");
    // mailauth agrees: a sender that matches no term makes it evaluate every term, and it gives up
    // at the eleventh lookup (mail-connect's own mail, first in the record, still passes).
    expect(await plannedSpfResult(live, plan, "198.51.100.99")).toBe("permerror");
    expect(await plannedSpfResult(live, plan, MAIL_CONNECT_IP)).toBe("pass");
  });

  test("an include that was not read: counted incomplete, named in spf.unread (warning)", () => {
    const plan = planOnboarding(new LiveZoneBuilder("partial.example").txt("@", "v=spf1 include:spf.unknown.example ~all").mailConnectInclude().error("spf.unknown.example.", "TXT").build());
    expect(plan.spf.unread).toEqual(["spf.unknown.example"]);
    expect(riskIds(plan)).toContain("spf-unread warning");
  });

  test("more than 9 includes: the options keep what the planner accepts, the risk names what is left out", () => {
    const includes = Array.from({ length: 10 }, (_, i) => `spf${i}.many.example`);
    const b = new LiveZoneBuilder("many.example").txt("@", `v=spf1 ${includes.map((i) => `include:${i}`).join(" ")} -all`).mailConnectInclude();
    includes.forEach((i) => b.txt(`${i}.`, "v=spf1 ip4:192.0.2.1 -all"));
    const plan = planOnboarding(b.build());
    expect(plan.options.spf!.include).toEqual(includes.slice(0, 9));
    expect(plan.spf.lookups).toBe(11);
    expect(plan.risks.find((r) => r.id === "spf-lookup-limit")!.message).toContain("The options leave out include:spf9.many.example until it fits.");
    expect(plan.status).toBe("blocked");
  });
});

describe("auto-setup records elsewhere, by product", () => {
  test("TEAM: the autoconfig CNAME and the SRV are conflicts to delete by hand (blocked); imap/smtp taken over as server names", () => {
    const plan = planOnboarding(zones.teamZone(), { product: "team" });
    expect(plan.status).toBe("blocked");
    expect(riskIds(plan)[0]).toBe("auto-setup-conflict blocking");
    expect(change(plan, "autoconfig.team-firma.de")).toMatchObject({ purpose: "other", action: "remove-by-hand", current: ["autoconfig.old-host.example."] });
    expect(change(plan, "_autodiscover._tcp.team-firma.de")).toMatchObject({ purpose: "other", action: "remove-by-hand" });
    expect(planMailConnectRecords(plan.options).records.map((r) => r.purpose)).not.toContain("autoconfig");
    expect(plan.options.serverNames).toEqual({ incoming: "imap", outgoing: "smtp" });
    expect(plan.adopt).toEqual(["mx", "spf", "incoming", "outgoing"]);
    expect(change(plan, "mail.team-firma.de")).toMatchObject({ purpose: "other", action: "keep" });
    // An unrecognised host: its SPF include is known by the old MX's registrable domain.
    expect(plan.risks.find((r) => r.id === "old-host-spf")!.message).toContain("include:_spf.old-host.example belongs to the old host (mx.old-host.example)");
    expect(plan.steps.map((s) => s.what)).toContain("Delete the auto-setup records by hand: autoconfig.team-firma.de CNAME and _autodiscover._tcp.team-firma.de SRV.");
  });

  test("server names taken over: a plain instruction to reconfigure the clients, then drop serverNames", () => {
    const plan = planOnboarding(zones.teamZone(), { product: "pro" });
    expect(plan.risks.filter((r) => r.id === "server-name").map((r) => r.action)).toEqual([
      "Reconfigure the mail clients to posteingang.mail-connect.net, whose certificate matches; then remove serverNames.incoming from the options and deploy again.",
      "Reconfigure the mail clients to postausgang.mail-connect.net, whose certificate matches; then remove serverNames.outgoing from the options and deploy again.",
      'Reconfigure the mail clients to posteingang.mail-connect.net and postausgang.mail-connect.net. If they must keep using mail.team-firma.de, set serverNames.incoming or serverNames.outgoing to "mail" instead: a CNAME to mail-connect, and the clients warn about the certificate.',
    ]);
    const a = planOnboarding(new LiveZoneBuilder("own.example").mx(["10 mail.own.example."]).records("smtp", "A", ["192.0.2.25"]).mailConnectInclude().build());
    expect(a.risks.find((r) => r.id === "server-name")!.action).toBe(
      'If it is the old host\'s server, reconfigure the mail clients to postausgang.mail-connect.net. To keep the name instead, set serverNames.outgoing: "smtp" and delete the A record by hand right before the deploy, which then points the name at mail-connect.',
    );
  });

  test("PRO: both are replaced and adopted", () => {
    const plan = planOnboarding(zones.teamZone(), { product: "pro" });
    expect(change(plan, "autoconfig.team-firma.de")).toMatchObject({ purpose: "autoconfig", action: "replace", planned: ["autoconfig.mail-connect.net."] });
    expect(change(plan, "_autodiscover._tcp.team-firma.de")).toMatchObject({ purpose: "autodiscover", action: "replace", planned: ["1 100 443 autodiscover.mail-connect.net."] });
    expect(plan.adopt).toEqual(["mx", "autoconfig", "autodiscover", "spf", "incoming", "outgoing"]);
    expect(plan.risks.map((r) => r.id)).not.toContain("auto-setup-conflict");
    expect(plan.status).toBe("ready");
  });

  test("SECGATE: kept (the own server's auto-setup), info; no server names", () => {
    const plan = planOnboarding(zones.teamZone(), { product: "secgate" });
    expect(change(plan, "autoconfig.team-firma.de")).toMatchObject({ purpose: "other", action: "keep" });
    expect(riskIds(plan)).toContain("auto-setup-kept info");
    expect(plan.options.serverNames).toBeUndefined();
    expect(plan.status).toBe("ready");
  });

  test("MAILING: kept, with a warning", () => {
    const plan = planOnboarding(zones.teamZone(), { product: "mailing" });
    expect(riskIds(plan)).toContain("auto-setup-mailing warning");
    expect(plan.status).toBe("ready");
  });

  test("PRO with an A record at autoconfig: a conflict (a CNAME cannot join it), blocked", () => {
    const plan = planOnboarding(new LiveZoneBuilder("a-record.example").records("autoconfig", "A", ["192.0.2.5"]).mailConnectInclude().build());
    expect(change(plan, "autoconfig.a-record.example")).toMatchObject({ purpose: "autoconfig", type: "A", action: "conflict" });
    expect(riskIds(plan)).toEqual(["auto-setup-conflict blocking"]);
    expect(plan.adopt).not.toContain("autoconfig");
  });
});

describe("other scenarios", () => {
  test("an IDN on IONOS: punycode everywhere, the Unicode name for people, IONOS recognised", () => {
    const plan = planOnboarding(zones.idnZone());
    expect(plan.domain).toBe("xn--mller-kva.de");
    expect(plan.unicodeDomain).toBe("müller.de");
    expect(plan.oldMailHost).toMatchObject({ name: "IONOS", recognised: true, evidence: ["MX 10 mx00.ionos.de.", "MX 10 mx01.ionos.de.", "include:_spf-eu.ionos.com"] });
    expect(plannedText(plan, "dmarc")).toBe("v=DMARC1; p=quarantine; ruf=mailto:postmaster@xn--mller-kva.de;");
    expect(plan.spf.text).toBe("v=spf1 include:_spf.mail-connect.net include:_spf-eu.ionos.com ~all");
  });

  test("a domain already on mail-connect: every planned record unchanged and adopted, no risk", () => {
    const plan = planOnboarding(zones.onMailConnectZone());
    expect(plan.changes.map((c) => `${c.purpose} ${c.action}`)).toEqual(["mx unchanged", "autoconfig unchanged", "autodiscover unchanged", "spf unchanged", "dkim unchanged", "dmarc unchanged"]);
    expect(plan.adopt).toEqual(["mx", "autoconfig", "autodiscover", "spf", "dkim", "dmarc"]);
    expect(plan.risks).toEqual([]);
    expect(plan.oldMailHost).toBeUndefined();
    expect(plan.status).toBe("ready");
    expect(plan.steps.map((s) => s.when)).toEqual(["before the switch", "the switch", "after the switch"]);
  });

  test("a domain on mail-connect in another form: each replaced set says why; no MX switch, since no mail is rerouted", () => {
    const plan = planOnboarding(zones.almostMailConnectZone());
    expect(plan.changes.map((c) => [c.purpose, c.action, c.note])).toEqual([
      ["mx", "replace", "already mail-connect's host, written with the article's preference: 10 mx.mail-connect.net."],
      ["autoconfig", "add", undefined],
      ["autodiscover", "replace", "already mail-connect's host, written with the article's priority, weight and port"],
      ["spf", "replace", 'no "all" term today: ?all is written, which gives the same neutral result'],
      ["dkim", "unchanged", undefined],
      ["dmarc", "replace", "the same policy, p=quarantine; report addresses kept: ruf=mailto:postmaster@almost.example; only the form differs: the library's tag order and spacing"],
    ]);
    expect(plan.risks).toEqual([]);
  });

  test("a domain without mail: every record added, nothing adopted, the article's records", () => {
    const plan = planOnboarding(zones.noMailZone());
    expect(plan.changes.every((c) => c.action === "add")).toBe(true);
    expect(plan.adopt).toEqual([]);
    expect(plan.risks).toEqual([]);
    expect(plan.options).toEqual({ domain: "new-firma.de", product: "pro" });
    expect(plan.spf.text).toBe("v=spf1 include:_spf.mail-connect.net ?all");
    expect(plannedText(plan, "dkim")).toBe(MAIL_CONNECT_DKIM);
  });

  test("+all is never published: blocked, the plan writes ?all and keeps the other terms", () => {
    const plan = planOnboarding(zones.plusAllZone());
    expect(riskIds(plan)[0]).toBe("spf-plus-all blocking");
    expect(plan.options.spf).toEqual({ include: ["spf.shop-mailer.example"], a: true });
    expect(plan.spf.text).toBe("v=spf1 a include:_spf.mail-connect.net include:spf.shop-mailer.example ?all");
    expect(plan.status).toBe("blocked");
  });

  test("redirect= becomes include: of its target, with the target's -all, and says so", async () => {
    const live = zones.redirectZone();
    const plan = planOnboarding(live);
    expect(plan.spf.text).toBe("v=spf1 ip4:192.0.2.10 include:_spf.mail-connect.net include:_spf.hoster.example -all");
    expect(change(plan, "redirect.example", "TXT")!.note).toContain("redirect=_spf.hoster.example becomes include:_spf.hoster.example: with mail-connect's include and an \"all\" term a redirect would be ignored");
    expect(await plannedSpfResult(live, plan, "203.0.113.9")).toBe("pass");
    expect(await plannedSpfResult(live, plan, "192.0.2.10")).toBe("pass");
    expect(await plannedSpfResult(live, plan, "198.51.100.1")).toBe("fail");
  });

  test("unreadable apex MX: blocked with dns-unreadable; the unread questions are listed", () => {
    const live = zones.unreadableZone();
    const plan = planOnboarding(live);
    expect(riskIds(plan)[0]).toBe("dns-unreadable blocking");
    expect(plan.risks[0].message).toContain("slow.example MX: timeout after 5000 ms from 192.0.2.53");
    expect(plan.unreadable).toEqual(["slow.example MX: timeout after 5000 ms from 192.0.2.53", "imap.slow.example A: not asked"]);
    expect(unreadableQuestions(live, "essential")).toEqual(["slow.example MX: timeout after 5000 ms from 192.0.2.53"]);
    expect(plan.adopt).not.toContain("mx");
    expect(change(plan, "slow.example", "MX")).toMatchObject({ action: "add", note: "could not be read, treated as absent: timeout after 5000 ms from 192.0.2.53" });
    expect(plan.status).toBe("blocked");
  });

  test("only a non-essential question unread: a warning, not blocked", () => {
    const plan = planOnboarding(new LiveZoneBuilder("mostly.example").unasked("pop3", "CNAME").mailConnectInclude().build());
    expect(riskIds(plan)).toEqual(["dns-partly-unreadable warning"]);
    expect(plan.status).toBe("ready");
  });
});

describe("blocking risks are resolved before the switch", () => {
  const BLOCKED: [string, () => LiveMailZone, Parameters<typeof planOnboarding>[1]][] = [
    ["TEAM auto-setup", zones.teamZone, { product: "team" }],
    ["an A record at autoconfig", () => new LiveZoneBuilder("a-record.example").records("autoconfig", "A", ["192.0.2.5"]).mailConnectInclude().build(), {}],
    ["mail-connect's DKIM selector as a CNAME", () => new LiveZoneBuilder("key.example").cname("mail-connect._domainkey", "key.elsewhere.example").mailConnectInclude().build(), {}],
    ["_dmarc as a CNAME", () => new LiveZoneBuilder("cname.example").cname("_dmarc", "cname-example.dmarc.vendor.example", ["v=DMARC1; p=reject; rua=mailto:x@vendor.example"]).mailConnectInclude().build(), {}],
    ["_dmarc as a CNAME to nothing", () => new LiveZoneBuilder("cname.example").cname("_dmarc", "gone.vendor.example", []).mailConnectInclude().build(), {}],
    ["unreadable DNS", zones.unreadableZone, {}],
    ["an SPF term the options cannot hold", () => new LiveZoneBuilder("terms.example").txt("@", "v=spf1 ptr ~all").mailConnectInclude().build(), {}],
    ["+all", zones.plusAllZone, {}],
    ["10 lookups", () => zones.lookupZone(10), {}],
    ["an include without an SPF record", () => new LiveZoneBuilder("perm.example").txt("@", "v=spf1 include:nospf.example ~all").txt("nospf.example.", "not spf").mailConnectInclude().build(), {}],
  ];

  test.each(BLOCKED)("%s: every blocking action says to act before the switch and run onboard again; the steps agree", (_, zone, options) => {
    const plan = planOnboarding(zone(), options);
    expect(plan.status).toBe("blocked");
    for (const risk of plan.risks.filter((r) => r.severity === "blocking")) {
      expect({ id: risk.id, action: risk.action }).toEqual({ id: risk.id, action: expect.stringMatching(/^Before the switch, .*run onboard again/) });
      expect(risk.action).not.toMatch(/at the switch|right before the deploy/);
    }
    // Resolving comes first, ends with running onboard again, and nothing of it is left for the switch.
    const deploy = plan.steps.findIndex((s) => s.what.startsWith("Deploy"));
    const again = plan.steps.findIndex((s) => s.what.includes("run onboard again"));
    expect(again).toBeGreaterThanOrEqual(0);
    expect(again).toBeLessThan(deploy);
    expect(plan.steps.slice(0, again + 1).every((s) => s.when === "first")).toBe(true);
  });

  test("TEAM: the auto-setup records are deleted by hand before the switch, not at it", () => {
    const plan = planOnboarding(zones.teamZone(), { product: "team" });
    expect(plan.risks[0]).toMatchObject({ id: "auto-setup-conflict", action: "Before the switch, delete them by hand, since the library does not manage auto-setup records for TEAM; then run onboard again: once they are gone the plan is ready." });
    expect(plan.steps.slice(0, 2)).toEqual([
      { when: "first", what: "Delete the auto-setup records by hand: autoconfig.team-firma.de CNAME and _autodiscover._tcp.team-firma.de SRV." },
      { when: "first", what: "Resolve the blocking risks as each says, then run onboard again: deploy only once the plan is ready." },
    ]);
    expect(plan.steps.filter((s) => s.when === "the switch").map((s) => s.what)).toEqual(["Deploy: `cdktf deploy`."]);
  });

  test("_dmarc as a CNAME: replaced by a TXT record with the text it leads to, so that the next run keeps its policy and report addresses", () => {
    const plan = planOnboarding(new LiveZoneBuilder("cname.example").cname("_dmarc", "cname-example.dmarc.vendor.example", ["v=DMARC1; p=reject; rua=mailto:x@vendor.example"]).mailConnectInclude().build());
    expect(plan.risks[0].action).toContain('replace the CNAME by hand with a TXT record holding the text it leads to ("v=DMARC1; p=reject; rua=mailto:x@vendor.example")');
    const next = planOnboarding(new LiveZoneBuilder("cname.example").txt("_dmarc", "v=DMARC1; p=reject; rua=mailto:x@vendor.example").mailConnectInclude().build());
    expect(next.status).toBe("ready");
    expect(next.options.dmarc).toEqual(plan.options.dmarc);
  });
});

describe("a name that does not exist (NXDOMAIN)", () => {
  const misspelt = () => new LiveZoneBuilder("gibtsnicht.moebel-schmidt.de").missing().unasked("pop3", "CNAME").mailConnectInclude().build("moebel-schmidt.de");

  test("a subdomain inside an existing zone: the first warning says it does not exist yet, to check the spelling; still ready", () => {
    const plan = planOnboarding(misspelt());
    expect(riskIds(plan)).toEqual(["domain-not-found warning", "dns-partly-unreadable warning"]);
    expect(plan.risks[0].message).toBe("gibtsnicht.moebel-schmidt.de does not exist in DNS yet (NXDOMAIN): the zone moebel-schmidt.de has no records at that name or below it. The plan creates it.");
    expect(plan.risks[0].action).toBe("Check the spelling of the domain. If it is a new (sub)domain for mail, creating it is fine: go ahead with the plan.");
    expect(plan.status).toBe("ready");
    expect(plan.changes.filter((c) => c.purpose !== "other").every((c) => c.action === "add")).toBe(true);
  });

  test("no zone above it either: the domain may not be registered or its zone not set up", () => {
    const plan = planOnboarding(new LiveZoneBuilder("firma-tippfehler.de").missing().mailConnectInclude().build());
    expect(riskIds(plan)).toEqual(["domain-not-found warning"]);
    expect(plan.risks[0].message).toContain("firma-tippfehler.de does not exist in DNS (NXDOMAIN), and no zone above it was found");
    expect(plan.risks[0].action).toContain("Check the spelling of the domain.");
  });

  test("a domain that exists without any mail record, or an empty name with records below it (NODATA), is not named", () => {
    expect(planOnboarding(zones.noMailZone()).risks.map((r) => r.id)).not.toContain("domain-not-found");
    const between = new LiveZoneBuilder("news.firma.de").missing().txt("_dmarc", "v=DMARC1; p=none").mailConnectInclude().build("firma.de");
    const nodata = { ...between, answers: between.answers.map((a) => (a.name === "news.firma.de" ? { ...a, result: { status: "none" as const, reason: "NODATA" as const } } : a)) };
    expect(planOnboarding(nodata).risks.map((r) => r.id)).not.toContain("domain-not-found");
  });
});

describe("SPF terms the options cannot hold", () => {
  const planFor = (spf: string, ...more: string[]) => planOnboarding(new LiveZoneBuilder("terms.example").txt("@", spf, ...more).mailConnectInclude().build());

  test.each([
    ["ptr", "ptr", "refused by the library"],
    ["exists:%{i}._spf.terms.example", "exists:%{i}._spf.terms.example", "exists mechanism"],
    ["a:web.other.example", "a:web.other.example", "another host (web.other.example)"],
    ["mx/24", "mx/24", "a prefix length"],
    ["~include:spf.soft.example", "~include:spf.soft.example", 'qualifier "~"'],
    ["include:%{d}.macro.example", "include:%{d}.macro.example", "SPF macro"],
    ["ip4:0.0.0.0/0", "ip4:0.0.0.0/0", "every address"],
  ])("%s: a blocking spf-term-not-kept naming it and the fix", (term, named, why) => {
    const plan = planFor(`v=spf1 ${term} include:_spf.mail-connect.net -all`);
    const risk = plan.risks.find((r) => r.id === "spf-term-not-kept")!;
    expect(risk.severity).toBe("blocking");
    expect(risk.message).toContain(`"${named}"`);
    expect(risk.message).toContain(why);
    expect(risk.action).toMatch(/\S/);
    expect(plan.spf.text).toBe("v=spf1 include:_spf.mail-connect.net -all");
  });

  test("the own domain's a:/mx: become a/mx; host bits are cleared; duplicates merged; exp= and terms after all dropped", () => {
    const plan = planFor("v=spf1 a:terms.example mx:terms.example. ip4:192.0.2.77/24 ip4:192.0.2.0/24 ip6:2001:DB8::1 exp=explain.terms.example -all include:late.example");
    expect(plan.options.spf).toEqual({ a: true, mx: true, ip4: ["192.0.2.0/24"], ip6: ["2001:db8::1"], all: "fail" });
    expect(plan.risks.find((r) => r.id === "spf-term-dropped")!.message).toContain("exp=explain.terms.example");
    expect(plan.risks.find((r) => r.id === "spf-term-dropped")!.message).toContain('include:late.example (after "all"');
    expect(plan.status).toBe("ready");
  });

  test("two SPF records: terms merged, the most lenient all, multiple-spf warning", () => {
    const plan = planFor("v=spf1 include:spf.shop-mailer.example -all", "v=spf1 ip4:192.0.2.1 ~all");
    expect(plan.options.spf).toEqual({ include: ["spf.shop-mailer.example"], ip4: ["192.0.2.1"], all: "softfail" });
    expect(riskIds(plan)).toContain("multiple-spf warning");
    expect(change(plan, "terms.example", "TXT")!.current).toHaveLength(2);
  });

  test("mail-connect's include already there is not repeated", () => {
    const plan = planFor("v=spf1 include:_spf.mail-connect.net ip4:192.0.2.1 ~all");
    expect(plan.spf.text).toBe("v=spf1 ip4:192.0.2.1 include:_spf.mail-connect.net ~all");
    expect(change(plan, "terms.example", "TXT")!.note).not.toContain("added:");
  });
});

describe("DMARC, DKIM and other TXT", () => {
  test("_dmarc as a CNAME: blocking dmarc-cname; the policy read through it is kept", () => {
    const plan = planOnboarding(new LiveZoneBuilder("cname.example").cname("_dmarc", "cname-example.dmarc.vendor.example", ["v=DMARC1; p=reject; rua=mailto:x@vendor.example"]).mailConnectInclude().build());
    expect(riskIds(plan)[0]).toBe("dmarc-cname blocking");
    expect(change(plan, "_dmarc.cname.example")).toMatchObject({ purpose: "dmarc", type: "CNAME", action: "conflict" });
    expect(plan.options.dmarc).toEqual({ policy: "reject", rua: ["mailto:x@vendor.example"] });
    expect(plan.adopt).not.toContain("dmarc");
  });

  test("pct and a size limit cannot be kept (warning); two records merge their report addresses", () => {
    const plan = planOnboarding(
      new LiveZoneBuilder("tags.example").txt("_dmarc", "v=DMARC1; p=none; pct=50; rua=mailto:a@tags.example!10m; ruf=mailto:f@tags.example; fo=1; t=y", "v=DMARC1; p=none; rua=mailto:b@tags.example").mailConnectInclude().build(),
    );
    expect(plan.options.dmarc).toEqual({ rua: ["mailto:a@tags.example", "mailto:b@tags.example"], ruf: ["mailto:f@tags.example"], failureOptions: ["1"], testing: true });
    expect(riskIds(plan)).toEqual(["dmarc-tag-not-kept warning", "multiple-dmarc warning"]);
    expect(plan.risks[0].message).toContain("pct=50");
    expect(plannedText(plan, "dmarc")).toBe("v=DMARC1; p=quarantine; t=y; rua=mailto:a@tags.example,mailto:b@tags.example; ruf=mailto:f@tags.example; fo=1;");
  });

  test("p=none with other senders becomes quarantine: dmarc-stricter names them", () => {
    const plan = planOnboarding(new LiveZoneBuilder("strict.example").txt("@", "v=spf1 include:spf.shop-mailer.example ~all").txt("spf.shop-mailer.example.", zones.SHOP_SPF).txt("_dmarc", "v=DMARC1; p=none").mailConnectInclude().build());
    const risk = plan.risks.find((r) => r.id === "dmarc-stricter")!;
    expect(risk.severity).toBe("warning");
    expect(risk.message).toContain("p=none → p=quarantine");
    expect(risk.message).toContain("include:spf.shop-mailer.example");
    expect(risk.action).toContain("dmarc.testing: true");
    expect(risk.action).toContain("Set dmarc.rua to a mailbox for DMARC aggregate reports (such as dmarc-reports@strict.example) and read the reports for a week or two");
  });

  test("dmarc-stricter with report addresses today: read the reports sent there first, nothing to set", () => {
    const plan = planOnboarding(
      new LiveZoneBuilder("strict.example").txt("@", "v=spf1 include:spf.shop-mailer.example ~all").txt("spf.shop-mailer.example.", zones.SHOP_SPF).txt("_dmarc", "v=DMARC1; p=none; rua=mailto:reports@strict.example,mailto:x@vendor.example").mailConnectInclude().build(),
    );
    expect(plan.options.dmarc).toEqual({ rua: ["mailto:reports@strict.example", "mailto:x@vendor.example"] });
    const risk = plan.risks.find((r) => r.id === "dmarc-stricter")!;
    expect(risk.action).toContain("Read the DMARC aggregate reports sent to reports@strict.example and x@vendor.example for a week or two before the stricter policy applies");
    expect(risk.action).not.toContain("dmarc.rua");
  });

  test.each([
    [
      "a default not written and the trailing ;",
      "v=DMARC1; p=reject; rua=mailto:dmarc@firma.de; ruf=mailto:forensik@firma.de; adkim=r",
      "the same policy, p=reject; report addresses kept: rua=mailto:dmarc@firma.de, ruf=mailto:forensik@firma.de; not written, DMARC's default: adkim=r",
    ],
    [
      "only the order of the tags",
      "v=DMARC1; ruf=mailto:forensik@firma.de; rua=mailto:dmarc@firma.de; adkim=s; p=reject",
      "the same policy, p=reject; report addresses kept: rua=mailto:dmarc@firma.de, ruf=mailto:forensik@firma.de; kept: adkim=s; only the form differs: the library's tag order and spacing",
    ],
    [
      "a stricter policy, pct and an unknown tag",
      "v=DMARC1; p=none; pct=20; rua=mailto:dmarc@firma.de; ri=86400; foo=bar",
      "report addresses kept: rua=mailto:dmarc@firma.de; not written, DMARC's default: ri=86400; cannot be kept, see the risks: pct=20; left out, receivers ignore it: foo=bar; no ruf today: the article's ruf=mailto:postmaster@firma.de is added, dmarc.ruf: [] publishes none; p=none becomes p=quarantine, stricter: the article's policy, never weaker than today's",
    ],
  ])("a DMARC record replaced for %s: the note says what is kept and what differs", (_, today, note) => {
    const plan = planOnboarding(new LiveZoneBuilder("firma.de").txt("_dmarc", today).mailConnectInclude().build());
    expect(change(plan, "_dmarc.firma.de")).toMatchObject({ action: "replace", note });
  });

  test("mail-connect's selector with another key: replaced and adopted; as a CNAME: a blocking conflict", () => {
    const other = planOnboarding(new LiveZoneBuilder("key.example").txt("mail-connect._domainkey", "v=DKIM1; k=rsa; p=OLDKEY").mailConnectInclude().build());
    expect(change(other, "mail-connect._domainkey.key.example")).toMatchObject({ action: "replace", note: "another key: replaced with the key mail-connect signs with" });
    expect(other.adopt).toEqual(["dkim"]);
    const cname = planOnboarding(new LiveZoneBuilder("key.example").cname("mail-connect._domainkey", "key.elsewhere.example").mailConnectInclude().build());
    expect(riskIds(cname)).toEqual(["dkim-cname blocking"]);
  });

  test("an apex TXT value the planner refuses: a warning, not kept; the others stay", () => {
    const plan = planOnboarding(new LiveZoneBuilder("txt.example").txt("@", 'verification="quoted"', "keep-me=1").mailConnectInclude().build());
    expect(plan.options.extraTxt).toEqual(["keep-me=1"]);
    expect(riskIds(plan)).toEqual(["extra-txt-not-kept warning"]);
    expect(plan.changes.find((c) => c.purpose === "text")).toMatchObject({ action: "replace", planned: ["keep-me=1"] });
  });
});

test("the planner's code paths import neither cdktf nor constructs nor a provider binding", () => {
  const root = path.resolve(__dirname, "../..");
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const found of moduleImports(fs.readFileSync(file, "utf8"), file)) {
      if (found.typeOnly) continue;
      if (!found.specifier.startsWith(".")) {
        external.add(found.specifier);
        continue;
      }
      const base = path.resolve(path.dirname(file), found.specifier);
      visit([`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f))!);
    }
  };
  visit(path.join(root, "lib/onboard/plan-onboarding.ts"));
  expect(seen.size).toBeGreaterThan(10);
  expect([...external].filter((s) => /^(cdktf|constructs|@cdktf\/)/.test(s))).toEqual([]);
});
