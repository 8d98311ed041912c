/**
 * `readLiveMailZone` against real BIND servers on 127.0.0.1: the customers' name server (it
 * serves only their zones and does not recurse) and a recursive-style server for every other
 * name (the senders' SPF records, the DKIM targets, mail-connect's zone, and the customers' NS
 * sets as a resolver knows them, without their records). The customers' server refuses
 * whatever it is asked about other zones, so an answer found proves the route it took. A
 * misspelt subdomain is read and planned as a real NXDOMAIN.
 */
import { MailConnectValidationError } from "../../lib/errors";
import { LiveAnswer, LiveMailZone } from "../../lib/onboard/onboarding-plan";
import { onboardingQuestions } from "../../lib/onboard/onboarding-questions";
import { planOnboarding } from "../../lib/onboard/plan-onboarding";
import { normaliseMailDomain, readLiveMailZone } from "../../lib/onboard/read-live-mail-zone";
import { DnsRrset } from "../../lib/plan/dns-rrset";
import { VerifyInputError } from "../../lib/verify/verify-input-error";
import { BindServer, startBindServer } from "../support/bind-server";
import { MAIL_CONNECT_SPF } from "../support/mail-connect-zone";
import { zoneServedBy } from "../verify/support/live-zones";
import { OnboardingScenario, onboardingScenarios, senderRrsets } from "./support/onboarding-zones";

const SCENARIOS = onboardingScenarios();
/** The Microsoft 365 domain: MX, SPF include, DKIM CNAMEs, autodiscover, DMARC. */
const M365 = SCENARIOS.find((s) => s.domain === "kanzlei-weber.de")!;
/** The domain with the old ISP's include and a web shop's. */
const SHOP = SCENARIOS.find((s) => s.domain === "moebel-schmidt.de")!;
const NAME_SERVERS = ["ns-101.awsdns-12.com", "ns-702.awsdns-23.net"];
const NEWS = `news.${M365.domain}`;
/** A subdomain with a mail host of its own, in the M365 domain's zone. */
const NEWS_RRSETS: DnsRrset[] = [
  { name: NEWS, type: "MX", ttl: 3600, rdata: ["10 mx1.old-isp.example."] },
  { name: NEWS, type: "TXT", ttl: 3600, rdata: ['"v=spf1 a -all"'] },
];

const rdataOf = (scenario: OnboardingScenario, name: string, type: string) => [...scenario.rrsets.find((r) => r.name === name && r.type === type)!.rdata].sort();

let customers: BindServer;
let recursive: BindServer;

beforeAll(async () => {
  [customers, recursive] = await Promise.all([
    startBindServer([zoneServedBy(M365.domain, [...M365.rrsets, ...NEWS_RRSETS], NAME_SERVERS), zoneServedBy(SHOP.domain, SHOP.rrsets, NAME_SERVERS)]),
    // A resolver knows the customers' NS sets (for --authoritative), not their records.
    startBindServer([...Object.entries(senderRrsets()).map(([origin, rrsets]) => zoneServedBy(origin, rrsets, ["localhost"])), ...[M365, SHOP].map((s) => zoneServedBy(s.domain, [], NAME_SERVERS))]),
  ]);
});

afterAll(async () => {
  await Promise.all([customers, recursive].map((s) => s?.stop()));
});

const FAST = { timeoutMs: 2000, retries: 1 };

function answer(zone: LiveMailZone, name: string, type: string): LiveAnswer["result"] {
  const found = zone.answers.find((a) => a.name === name && a.type === type);
  if (found === undefined) throw new Error(`${name} ${type} was not asked`);
  return found.result;
}

/** What the M365 zone must hold in either mode: the answers the plan is made from (records sorted: servers rotate them). */
function expectM365Answers(zone: LiveMailZone): void {
  const domain = M365.domain;
  expect(answer(zone, domain, "MX")).toMatchObject({ status: "found", rdata: rdataOf(M365, domain, "MX") });
  expect(answer(zone, domain, "TXT")).toMatchObject({ status: "found", rdata: rdataOf(M365, domain, "TXT") });
  expect(answer(zone, `_dmarc.${domain}`, "TXT")).toMatchObject({ status: "found", rdata: rdataOf(M365, `_dmarc.${domain}`, "TXT") });
  // The DKIM CNAMEs, and their targets' keys read through the recursive resolver.
  const selector1 = `selector1._domainkey.${domain}`;
  expect(answer(zone, selector1, "CNAME")).toMatchObject({ status: "found", rdata: rdataOf(M365, selector1, "CNAME") });
  expect(answer(zone, `selector2._domainkey.${domain}`, "TXT")).toMatchObject({
    status: "found",
    via: ["selector2-kanzlei-weber-de._domainkey.kanzleiweber.onmicrosoft.com"],
    rdata: [expect.stringMatching(/^"v=DKIM1; k=rsa; p=MIGf/)],
  });
  expect(answer(zone, `mail-connect._domainkey.${domain}`, "TXT")).toEqual({ status: "none", reason: "NXDOMAIN", authoritative: true });
  expect(answer(zone, `autodiscover.${domain}`, "CNAME")).toMatchObject({ status: "found", rdata: ["autodiscover.outlook.com."] });
  expect(answer(zone, `autodiscover.${domain}`, "A")).toMatchObject({ status: "found", via: ["autodiscover.outlook.com"], rdata: ["52.97.0.1"] });
  expect(answer(zone, `_autodiscover._tcp.${domain}`, "SRV")).toMatchObject({ status: "none", reason: "NXDOMAIN" });
  expect(answer(zone, domain, "NS")).toMatchObject({ status: "found", rdata: NAME_SERVERS.map((n) => `${n}.`) });
}

/** The SPF records followed, in the order evaluation asks for them: the domain's includes, then mail-connect's. */
const M365_FOLLOWED: [string, string][] = [
  ["spf.protection.outlook.com", senderRrsets()["outlook.com"][0].rdata[0]],
  ["_spf.mail-connect.net", `"${MAIL_CONNECT_SPF}"`],
];
const SHOP_FOLLOWED: [string, string][] = [
  ["_spf.old-isp.example", '"v=spf1 ip4:192.0.2.80/29 -all"'],
  ["spf.shopmailer.example", '"v=spf1 ip4:198.51.100.0/24 -all"'],
  ["_spf.mail-connect.net", `"${MAIL_CONNECT_SPF}"`],
];

describe("--resolver: the customers' name server for their records, the recursive resolver for the rest", () => {
  let zone: LiveMailZone;
  const progress: [number, number][] = [];
  beforeAll(async () => {
    zone = await readLiveMailZone(`${M365.domain.toUpperCase()}.`, { resolver: customers.address, recursiveResolver: recursive.address, ...FAST, onProgress: (done, total) => progress.push([done, total]) });
  });

  test("names the domain and its zone (the SOA owner) in lower case without the trailing dot, and where it read them", () => {
    expect({ domain: zone.domain, zone: zone.zone, source: zone.source }).toEqual({ domain: M365.domain, zone: M365.domain, source: customers.address });
  });

  test("asks every onboarding question once, then the SPF records the includes lead to, and nothing else", () => {
    const asked = zone.answers.map((a) => `${a.name} ${a.type}`);
    expect(asked).toEqual([...onboardingQuestions(M365.domain).map((q) => `${q.name} ${q.type}`), ...M365_FOLLOWED.map(([name]) => `${name} TXT`)]);
    expect(new Set(asked).size).toBe(asked.length);
  });

  test("records the MX, SPF and verification, DMARC, DKIM CNAMEs (and the keys behind them) and autodiscover as served", () => {
    expectM365Answers(zone);
  });

  test("records the TXT of the Microsoft include and of mail-connect's include", () => {
    for (const [name, rdata] of M365_FOLLOWED) expect(answer(zone, name, "TXT")).toMatchObject({ status: "found", rdata: [rdata] });
  });

  test("follows every include of an SPF record with several senders (the old ISP's and the web shop's)", async () => {
    const shop = await readLiveMailZone(SHOP.domain, { resolver: customers.address, recursiveResolver: recursive.address, ...FAST });
    const followed = shop.answers.slice(onboardingQuestions(SHOP.domain).length);
    expect(followed).toEqual(SHOP_FOLLOWED.map(([name, rdata]) => ({ name, type: "TXT", result: expect.objectContaining({ status: "found", rdata: [rdata] }) })));
    expect(answer(shop, SHOP.domain, "TXT")).toMatchObject({ status: "found", rdata: rdataOf(SHOP, SHOP.domain, "TXT") });
  });

  test("reports progress for each of the domain's questions", () => {
    const total = onboardingQuestions(M365.domain).length;
    expect(progress.length).toBe(total);
    expect(progress[progress.length - 1]).toEqual([total, total]);
  });
});

describe("--authoritative with --nameserver: the zone's own name servers, answers must be authoritative", () => {
  let zone: LiveMailZone;
  beforeAll(async () => {
    const nameServers = Object.fromEntries(NAME_SERVERS.map((n) => [n, customers.address]));
    zone = await readLiveMailZone(M365.domain, { authoritative: true, nameServers, recursiveResolver: recursive.address, ...FAST });
  });

  test("finds the zone through the recursive resolver and names the servers it read", () => {
    expect({ zone: zone.zone, source: zone.source }).toEqual({
      zone: M365.domain,
      source: `the zone's name servers: ${NAME_SERVERS.map((n) => `${n} (${customers.address})`).join(", ")}`,
    });
  });

  test("reads the records from the zone's name server (the recursive resolver holds none of them), each answer authoritative", () => {
    expectM365Answers(zone);
    for (const q of onboardingQuestions(M365.domain)) {
      const result = answer(zone, q.name, q.type);
      expect({ q, status: result.status, authoritative: result.status !== "error" && result.authoritative }).toEqual({ q, status: expect.stringMatching(/^(found|none)$/), authoritative: true });
    }
  });

  test("follows the includes through the recursive resolver", () => {
    for (const [name, rdata] of M365_FOLLOWED) expect(answer(zone, name, "TXT")).toMatchObject({ status: "found", rdata: [rdata] });
  });

  test("a zone whose name servers are not known records each of its questions as an error instead of throwing; other names are still read", async () => {
    const unknown = await readLiveMailZone("unknown-zone.example", { authoritative: true, recursiveResolver: recursive.address, ...FAST });
    expect([unknown.zone, unknown.source]).toEqual([undefined, "the zone's name servers (not found)"]);
    const own = unknown.answers.filter((a) => a.name.endsWith("unknown-zone.example"));
    expect(own.map((a) => `${a.name} ${a.type}`)).toEqual(onboardingQuestions("unknown-zone.example").map((q) => `${q.name} ${q.type}`));
    expect(own.map((a) => a.result)).toEqual(own.map(() => ({ status: "error", code: "ENOZONE", message: expect.stringContaining("could not find the name servers of unknown-zone.example") })));
    expect(answer(unknown, "_spf.mail-connect.net", "TXT")).toMatchObject({ status: "found", rdata: [`"${MAIL_CONNECT_SPF}"`] });
  });
});

describe("the domain", () => {
  test("a subdomain's zone is the parent that holds the SOA, and its NS set is asked there", async () => {
    const zone = await readLiveMailZone(NEWS, { resolver: customers.address, recursiveResolver: recursive.address, ...FAST });
    expect([zone.domain, zone.zone]).toEqual([NEWS, M365.domain]);
    expect(answer(zone, NEWS, "SOA")).toMatchObject({ status: "none", reason: "NODATA" });
    expect(answer(zone, M365.domain, "NS")).toMatchObject({ status: "found", rdata: NAME_SERVERS.map((n) => `${n}.`) });
    // `a` in the subdomain's SPF asks for its A record; the answer is recorded too.
    expect(answer(zone, NEWS, "A")).toMatchObject({ status: "none", reason: "NODATA" });
  });

  test("a misspelt subdomain inside an existing zone is read as NXDOMAIN, and the plan says so first among its warnings", async () => {
    const misspelt = `gibtsnicht.${SHOP.domain}`;
    const zone = await readLiveMailZone(misspelt, { resolver: customers.address, recursiveResolver: recursive.address, ...FAST });
    expect([zone.domain, zone.zone]).toEqual([misspelt, SHOP.domain]);
    expect(answer(zone, misspelt, "MX")).toMatchObject({ status: "none", reason: "NXDOMAIN" });
    const plan = planOnboarding(zone);
    expect(plan.risks.filter((r) => r.severity === "warning")[0]).toMatchObject({ id: "domain-not-found", message: expect.stringContaining(`${misspelt} does not exist in DNS yet (NXDOMAIN)`) });
    expect(plan.status).toBe("ready");
    // The zone's own apex exists: it is not named.
    expect(planOnboarding(await readLiveMailZone(SHOP.domain, { resolver: customers.address, recursiveResolver: recursive.address, ...FAST })).risks.map((r) => r.id)).not.toContain("domain-not-found");
  });

  test.each([
    ["Müller.DE.", "xn--mller-kva.de"],
    ["xn--mller-kva.de", "xn--mller-kva.de"],
    ["firma.de", "firma.de"],
  ])("%s is asked as %s", (given, ascii) => {
    expect(normaliseMailDomain(given)).toBe(ascii);
  });

  test.each([
    ["https://firma.de/kontakt", 'domain: got "https://firma.de/kontakt"; contains ":", which no host name holds (did you mean "firma.de"?). Give the mail domain itself'],
    ["localhost", 'domain: got "localhost"; must have at least two labels (e.g. firma.de).'],
  ])("%s is refused before anything is asked", async (given, message) => {
    const error = await readLiveMailZone(given, { resolver: customers.address }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailConnectValidationError);
    expect((error as MailConnectValidationError).messages[0]).toContain(message);
  });

  test("contradicting server options are refused as verify refuses them", async () => {
    await expect(readLiveMailZone(M365.domain, { resolver: customers.address, authoritative: true })).rejects.toThrow(VerifyInputError);
  });
});
