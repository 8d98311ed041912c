/**
 * `readLiveMailZone` against real BIND servers on 127.0.0.1: the firm's name server (it serves
 * only the firm's zone and does not recurse) and a recursive-style server for every other name
 * (Microsoft's and the shop's SPF records, the DKIM targets, mail-connect's zone, and the
 * firm's NS set, as a resolver would know it, without its records). Whatever the firm's
 * server is asked about other zones it refuses, so an answer found proves the route.
 */
import { MailConnectValidationError } from "../../lib/errors";
import { LiveAnswer, LiveMailZone } from "../../lib/onboard/onboarding-plan";
import { onboardingQuestions } from "../../lib/onboard/onboarding-questions";
import { normaliseMailDomain, readLiveMailZone } from "../../lib/onboard/read-live-mail-zone";
import { VerifyInputError } from "../../lib/verify/verify-input-error";
import { BindServer, startBindServer } from "../support/bind-server";
import { MAIL_CONNECT_SPF } from "../support/mail-connect-zone";
import { zoneServedBy } from "../verify/support/live-zones";
import { M365_DKIM_TARGETS, M365_DMARC, M365_DOMAIN, M365_NAME_SERVERS, M365_SPF, M365_SPF_RECORDS, M365_VERIFICATIONS, SHOP_SPF, SHOP_SPF_INCLUDE, m365Rrsets, senderZones } from "./support/onboarding-zones";

const NEWS = `news.${M365_DOMAIN}`;

let firm: BindServer;
let recursive: BindServer;

beforeAll(async () => {
  [firm, recursive] = await Promise.all([
    startBindServer([
      zoneServedBy(M365_DOMAIN, [...m365Rrsets(), { name: NEWS, type: "MX", ttl: 3600, rdata: ["10 mx.newsletter.example."] }, { name: NEWS, type: "TXT", ttl: 3600, rdata: ['"v=spf1 a -all"'] }], M365_NAME_SERVERS),
    ]),
    // A resolver knows the firm's NS set (for --authoritative), not its records.
    startBindServer([...senderZones(), zoneServedBy(M365_DOMAIN, [], M365_NAME_SERVERS)]),
  ]);
});

afterAll(async () => {
  await Promise.all([firm, recursive].map((s) => s?.stop()));
});

const FAST = { timeoutMs: 2000, retries: 1 };

function answer(zone: LiveMailZone, name: string, type: string): LiveAnswer["result"] {
  const found = zone.answers.find((a) => a.name === name && a.type === type);
  if (found === undefined) throw new Error(`${name} ${type} was not asked`);
  return found.result;
}

/** What the firm's zone must hold in either mode: the answers the plan is made from (records sorted: servers rotate them). */
function expectFirmAnswers(zone: LiveMailZone): void {
  expect(answer(zone, M365_DOMAIN, "MX")).toMatchObject({ status: "found", rdata: ["0 kanzlei-huber-de.mail.protection.outlook.com."] });
  expect(answer(zone, M365_DOMAIN, "TXT")).toMatchObject({ status: "found", rdata: [M365_SPF, ...M365_VERIFICATIONS].map((t) => `"${t}"`).sort() });
  expect(answer(zone, `_dmarc.${M365_DOMAIN}`, "TXT")).toMatchObject({ status: "found", rdata: [`"${M365_DMARC}"`] });
  // The DKIM CNAMEs, and their targets' keys read through the recursive resolver.
  expect(answer(zone, `selector1._domainkey.${M365_DOMAIN}`, "CNAME")).toMatchObject({ status: "found", rdata: [`${M365_DKIM_TARGETS.selector1}.`] });
  expect(answer(zone, `selector2._domainkey.${M365_DOMAIN}`, "TXT")).toMatchObject({ status: "found", via: [M365_DKIM_TARGETS.selector2], rdata: [expect.stringMatching(/^"v=DKIM1; k=rsa; p=MIGf/)] });
  expect(answer(zone, `mail-connect._domainkey.${M365_DOMAIN}`, "TXT")).toEqual({ status: "none", reason: "NXDOMAIN", authoritative: true });
  expect(answer(zone, `autodiscover.${M365_DOMAIN}`, "CNAME")).toMatchObject({ status: "found", rdata: ["autodiscover.outlook.com."] });
  expect(answer(zone, `autodiscover.${M365_DOMAIN}`, "A")).toMatchObject({ status: "found", via: ["autodiscover.outlook.com"], rdata: ["192.0.2.200"] });
  expect(answer(zone, `_autodiscover._tcp.${M365_DOMAIN}`, "SRV")).toMatchObject({ status: "none", reason: "NXDOMAIN" });
  expect(answer(zone, M365_DOMAIN, "NS")).toMatchObject({ status: "found", rdata: M365_NAME_SERVERS.map((n) => `${n}.`) });
}

/** The SPF records followed, in the order evaluation asks for them: the firm's includes (and Microsoft's include of its own), then mail-connect's. */
const FOLLOWED: [string, string][] = [
  ["spf.protection.outlook.com", M365_SPF_RECORDS["spf.protection.outlook.com"]],
  ["spfd.protection.outlook.com", M365_SPF_RECORDS["spfd.protection.outlook.com"]],
  [SHOP_SPF_INCLUDE, SHOP_SPF],
  ["_spf.mail-connect.net", MAIL_CONNECT_SPF],
];

describe("--resolver: the firm's name server for its records, the recursive resolver for the rest", () => {
  let zone: LiveMailZone;
  const progress: [number, number][] = [];
  beforeAll(async () => {
    zone = await readLiveMailZone(`${M365_DOMAIN.toUpperCase()}.`, { resolver: firm.address, recursiveResolver: recursive.address, ...FAST, onProgress: (done, total) => progress.push([done, total]) });
  });

  test("names the domain and its zone (the SOA owner) in lower case without the trailing dot, and where it read them", () => {
    expect({ domain: zone.domain, zone: zone.zone, source: zone.source }).toEqual({ domain: M365_DOMAIN, zone: M365_DOMAIN, source: firm.address });
  });

  test("asks every onboarding question once, then the SPF records the includes lead to, and nothing else", () => {
    const asked = zone.answers.map((a) => `${a.name} ${a.type}`);
    expect(asked).toEqual([...onboardingQuestions(M365_DOMAIN).map((q) => `${q.name} ${q.type}`), ...FOLLOWED.map(([name]) => `${name} TXT`)]);
    expect(new Set(asked).size).toBe(asked.length);
  });

  test("records the firm's MX, SPF, verifications, DMARC, DKIM CNAMEs and autodiscover as served", () => {
    expectFirmAnswers(zone);
  });

  test("records the TXT of every include followed, the Microsoft include's own include and mail-connect's among them", () => {
    for (const [name, text] of FOLLOWED) expect(answer(zone, name, "TXT")).toMatchObject({ status: "found", rdata: [`"${text}"`] });
  });

  test("reports progress for each of the domain's questions", () => {
    const total = onboardingQuestions(M365_DOMAIN).length;
    expect(progress.length).toBe(total);
    expect(progress[progress.length - 1]).toEqual([total, total]);
  });
});

describe("--authoritative with --nameserver: the zone's own name server, answers must be authoritative", () => {
  let zone: LiveMailZone;
  beforeAll(async () => {
    const nameServers = Object.fromEntries(M365_NAME_SERVERS.map((n) => [n, firm.address]));
    zone = await readLiveMailZone(M365_DOMAIN, { authoritative: true, nameServers, recursiveResolver: recursive.address, ...FAST });
  });

  test("finds the zone through the recursive resolver and names the servers it read", () => {
    expect({ zone: zone.zone, source: zone.source }).toEqual({
      zone: M365_DOMAIN,
      source: `the zone's name servers: ${M365_NAME_SERVERS.map((n) => `${n} (${firm.address})`).join(", ")}`,
    });
  });

  test("reads the firm's records from its name server (the recursive resolver holds none of them), each answer authoritative", () => {
    expectFirmAnswers(zone);
    for (const q of onboardingQuestions(M365_DOMAIN)) {
      const result = answer(zone, q.name, q.type);
      expect({ q, status: result.status, authoritative: result.status !== "error" && result.authoritative }).toEqual({ q, status: expect.stringMatching(/^(found|none)$/), authoritative: true });
    }
  });

  test("follows the includes through the recursive resolver", () => {
    for (const [name, text] of FOLLOWED) expect(answer(zone, name, "TXT")).toMatchObject({ status: "found", rdata: [`"${text}"`] });
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
    const zone = await readLiveMailZone(NEWS, { resolver: firm.address, recursiveResolver: recursive.address, ...FAST });
    expect([zone.domain, zone.zone]).toEqual([NEWS, M365_DOMAIN]);
    expect(answer(zone, NEWS, "SOA")).toMatchObject({ status: "none", reason: "NODATA" });
    expect(answer(zone, M365_DOMAIN, "NS")).toMatchObject({ status: "found", rdata: M365_NAME_SERVERS.map((n) => `${n}.`) });
    // `a` in the subdomain's SPF asks for its A record; the answer is recorded too.
    expect(answer(zone, NEWS, "A")).toMatchObject({ status: "none", reason: "NODATA" });
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
    const error = await readLiveMailZone(given, { resolver: firm.address }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailConnectValidationError);
    expect((error as MailConnectValidationError).messages[0]).toContain(message);
  });

  test("contradicting server options are refused as verify refuses them", async () => {
    await expect(readLiveMailZone(M365_DOMAIN, { resolver: firm.address, authoritative: true })).rejects.toThrow(VerifyInputError);
  });
});
