/**
 * verifyDomains against a real BIND named on 127.0.0.1: one correct zone per product passes,
 * and each kind of drift is reported in the right row, with the hint a person needs. One
 * server for the whole file, one zone per scenario.
 */
import { MAIL_CONNECT } from "../../lib/mail-connect/mail-connect";
import { MailConnectRecordOptions } from "../../lib/mail-connect/options";
import { splitCharacterStrings } from "../../lib/plan/txt-strings";
import { DnsQueryClient } from "../../lib/verify/dns-query";
import { LiveDns } from "../../lib/verify/live-dns";
import { txtRdata } from "../../lib/verify/rdata";
import { ExpectedMailDomain, VerifyCheck, VerifyReport, countSpfLookups, expectedFromOptions, verifyDomains } from "../../lib/verify";
import { BindServer, startBindServer } from "../support/bind-server";
import { mailConnectZone } from "../support/mail-connect-zone";
import { testRsaKeyPair } from "../support/test-keys";
import { liveZone, plannedRrsets, rdataOf, withRrset } from "./support/live-zones";

const DKIM_TEXT = `v=DKIM1; k=rsa; p=${MAIL_CONNECT.dkimPublicKey}`;
/** A 2048-bit key: its DKIM text (410 bytes) needs two character-strings. */
const KEY_2048 = testRsaKeyPair(2048).publicKey.export({ type: "spki", format: "der" }).toString("base64");
const DKIM_2048 = `v=DKIM1; k=rsa; p=${KEY_2048}`;
const SPF_DEFAULT = '"v=spf1 include:_spf.mail-connect.net ?all"';

interface Scenario {
  readonly options: MailConnectRecordOptions;
  /** The zone named serves (default: the domain). */
  readonly origin?: string;
  /** Turns the planned RRsets into the live ones. */
  readonly drift?: (rrsets: ReturnType<typeof plannedRrsets>) => ReturnType<typeof plannedRrsets>;
}

const SCENARIOS: Record<string, Scenario> = {
  "firma.de": { options: { domain: "firma.de" } },
  "team-firma.de": { options: { domain: "team-firma.de", product: "team", spf: { all: "softfail" } } },
  "news.my-company.com": { options: { domain: "news.my-company.com", product: "mailing" }, origin: "my-company.com" },
  "missing-dmarc.de": { options: { domain: "missing-dmarc.de" }, drift: (s) => withRrset(s, "_dmarc.missing-dmarc.de", "TXT", undefined) },
  "wrong-mx.de": { options: { domain: "wrong-mx.de" }, drift: (s) => withRrset(s, "wrong-mx.de", "MX", ["10 mx.other-provider.example."]) },
  "extra-mx.de": { options: { domain: "extra-mx.de" }, drift: (s) => withRrset(s, "extra-mx.de", "MX", ["10 mx.mail-connect.net.", "20 backup.extra-mx.de."]) },
  "strict-spf.de": { options: { domain: "strict-spf.de" }, drift: (s) => withRrset(s, "strict-spf.de", "TXT", ['"v=spf1 include:_spf.mail-connect.net -all"']) },
  "two-spf.de": {
    options: { domain: "two-spf.de", extraTxt: ["google-site-verification=abc123"] },
    drift: (s) => withRrset(s, "two-spf.de", "TXT", [...rdataOf(s, "two-spf.de", "TXT"), '"v=spf1 ip4:203.0.113.5 -all"']),
  },
  "stale-team.de": {
    options: { domain: "stale-team.de", product: "team" },
    drift: (s) =>
      withRrset(withRrset(s, "autoconfig.stale-team.de", "CNAME", ["autoconfig.mail-connect.net."]), "_autodiscover._tcp.stale-team.de", "SRV", ["1 100 443 autodiscover.mail-connect.net."]),
  },
  "own-autosetup-gate.de": {
    options: { domain: "own-autosetup-gate.de", product: "secgate" },
    // SECGATE: the customer's own mail server publishes its own auto-setup records (allowed by the article).
    drift: (s) =>
      withRrset(withRrset(s, "autoconfig.own-autosetup-gate.de", "CNAME", ["mail.own-autosetup-gate.de."]), "_autodiscover._tcp.own-autosetup-gate.de", "SRV", ["0 0 443 mail.own-autosetup-gate.de."]),
  },
  "mc-autosetup-gate.de": {
    options: { domain: "mc-autosetup-gate.de", product: "secgate" },
    drift: (s) => withRrset(s, "autoconfig.mc-autosetup-gate.de", "CNAME", ["autoconfig.mail-connect.net."]),
  },
  "truncated-dkim.de": {
    options: { domain: "truncated-dkim.de" },
    drift: (s) => withRrset(s, "mail-connect._domainkey.truncated-dkim.de", "TXT", [`"${DKIM_TEXT.slice(0, -10)}"`]),
  },
  "a-record.de": {
    options: { domain: "a-record.de", serverNames: { incoming: "imap" } },
    drift: (s) => withRrset(withRrset(s, "imap.a-record.de", "CNAME", undefined), "imap.a-record.de", "A", ["80.254.138.160"]),
  },
  "many-lookups.de": { options: { domain: "many-lookups.de", spf: { include: ["spf.chain-sender.example"], all: "fail" } } },
  "resplit-dkim.de": {
    options: { domain: "resplit-dkim.de", dkim: { publicKey: KEY_2048 } },
    // The same text, split at 200 bytes instead of 255, as some DNS hosts store it.
    drift: (s) => withRrset(s, "mail-connect._domainkey.resplit-dkim.de", "TXT", [`"${DKIM_2048.slice(0, 200)}" "${DKIM_2048.slice(200)}"`]),
  },
  // Seven 240-byte site verifications: the TXT answer (about 1.8 KB) does not fit one UDP answer and comes over TCP.
  "big-txt.de": { options: { domain: "big-txt.de", extraTxt: Array.from({ length: 7 }, (_, i) => `verification-${i}=${"x".repeat(225)}`) } },
  "bad-dmarc.de": { options: { domain: "bad-dmarc.de" }, drift: (s) => withRrset(s, "_dmarc.bad-dmarc.de", "TXT", ['"p=quarantine; v=DMARC1"']) },
};

/** A sender whose SPF include costs 11 lookups: itself plus 10 nested includes (a 327-byte record in two strings). */
const CHAIN_INCLUDES = Array.from({ length: 10 }, (_, i) => `s${i + 1}.chain-sender.example`);
const chainZone = liveZone("chain-sender.example", [
  { name: "spf.chain-sender.example", type: "TXT", ttl: 3600, rdata: [txtRdata(splitCharacterStrings(`v=spf1 ${CHAIN_INCLUDES.map((n) => `include:${n}`).join(" ")} -all`))] },
  ...CHAIN_INCLUDES.map((name, i) => ({ name, type: "TXT", ttl: 3600, rdata: [`"v=spf1 ip4:192.0.2.${i + 1} -all"`] })),
]);

/** SPF records for the lookup-count rules, served from one zone. */
const SPF_CASES: Record<string, string> = {
  redirect: "v=spf1 redirect=_spf.mail-connect.net",
  "redirect-ignored": "v=spf1 ip4:192.0.2.1 redirect=_spf.mail-connect.net -all",
  "every-kind": "v=spf1 a mx:mail.spf-cases.example/24 ptr exists:%{i}.rbl.spf-cases.example include:_spf.mail-connect.net -all",
  "loop-a": "v=spf1 include:loop-b.spf-cases.example -all",
  "loop-b": "v=spf1 include:loop-a.spf-cases.example -all",
  "include-without-spf": "v=spf1 include:no-spf.spf-cases.example -all",
  "no-spf": "google-site-verification=x",
  typo: "v=spf1 ipv4:192.0.2.1 include -all",
};
const spfCasesZone = liveZone(
  "spf-cases.example",
  Object.entries(SPF_CASES).map(([label, text]) => ({ name: `${label}.spf-cases.example`, type: "TXT", ttl: 3600, rdata: [`"${text}"`] })),
);

function expectedOf(domain: string): ExpectedMailDomain {
  return expectedFromOptions(SCENARIOS[domain].options);
}

let server: BindServer;
let report: VerifyReport;

beforeAll(async () => {
  const zones = Object.entries(SCENARIOS).map(([domain, s]) => {
    const rrsets = plannedRrsets(s.options);
    return liveZone(s.origin ?? domain, s.drift ? s.drift(rrsets) : rrsets);
  });
  server = await startBindServer([mailConnectZone(), chainZone, spfCasesZone, ...zones]);
  report = await verifyDomains(Object.keys(SCENARIOS).map(expectedOf), { resolver: server.address, recursiveResolver: server.address, timeoutMs: 2000, retries: 1 });
});

afterAll(async () => {
  await server?.stop();
});

function domainReport(domain: string) {
  const found = report.domains.find((d) => d.domain === domain);
  if (found === undefined) throw new Error(`no report for ${domain}`);
  return found;
}

/** The rows that did not pass, in the fields a person reads. */
function failing(domain: string): Partial<VerifyCheck>[] {
  return domainReport(domain)
    .checks.filter((c) => c.status !== "ok" && c.status !== "skipped")
    .map(({ check, label, status, expected, found, hint }) => ({ check, label, status, expected, found, hint }));
}

describe("a correct zone passes", () => {
  test("PRO with the article's records: every row passes, with the live facts in `found`", () => {
    const rows = domainReport("firma.de").checks.map((c) => [c.label, c.status, c.found]);
    expect(rows).toEqual([
      ["MX firma.de", "ok", ["10 mx.mail-connect.net."]],
      ["CNAME autoconfig.firma.de", "ok", ["autoconfig.mail-connect.net."]],
      ["SRV _autodiscover._tcp.firma.de", "ok", ["1 100 443 autodiscover.mail-connect.net."]],
      ["TXT firma.de (SPF)", "ok", [SPF_DEFAULT]],
      ["TXT mail-connect._domainkey.firma.de (DKIM)", "ok", [`"${DKIM_TEXT}"`]],
      ["TXT _dmarc.firma.de (DMARC)", "ok", ['"v=DMARC1; p=quarantine; ruf=mailto:postmaster@firma.de;"']],
      ["SPF lookups firma.de", "ok", ["1, 0 void"]],
      ["DKIM key mail-connect._domainkey.firma.de", "ok", ["RSA 1024-bit"]],
      ["DMARC policy firma.de", "ok", ["p=quarantine"]],
    ]);
  });

  test("TEAM: the auto-setup records are checked to be absent, and are", () => {
    const absent = domainReport("team-firma.de").checks.filter((c) => c.check === "autoconfig" || c.check === "autodiscover");
    expect(absent.map((c) => [c.label, c.status, c.expected, c.found])).toEqual([
      ["CNAME autoconfig.team-firma.de", "ok", [], []],
      ["SRV _autodiscover._tcp.team-firma.de", "ok", [], []],
    ]);
    expect(domainReport("team-firma.de").status).toBe("ok");
  });

  test("a MAILING subdomain inside its parent's zone passes", () => {
    expect(failing("news.my-company.com")).toEqual([]);
    expect(domainReport("news.my-company.com").checks.find((c) => c.check === "mx")?.found).toEqual(["10 mx.mail-connect.net."]);
  });

  test("a TXT RRset too long for one UDP answer is read over TCP", () => {
    expect(failing("big-txt.de")).toEqual([]);
    expect(domainReport("big-txt.de").checks.find((c) => c.check === "txt")?.found).toHaveLength(7);
  });

  test("correct domains alone give exit code 0", async () => {
    const alone = await verifyDomains(["firma.de", "team-firma.de", "news.my-company.com"].map(expectedOf), { resolver: server.address, recursiveResolver: server.address, timeoutMs: 2000, retries: 1 });
    expect([alone.exitCode, alone.summary]).toEqual([0, { domains: 3, ok: 3, mismatch: 0, error: 0, failedChecks: 0, errorChecks: 0 }]);
  });
});

describe("each kind of drift is reported in the right row", () => {
  test("a missing DMARC record", () => {
    expect(failing("missing-dmarc.de")).toEqual([
      {
        check: "dmarc",
        label: "TXT _dmarc.missing-dmarc.de (DMARC)",
        status: "mismatch",
        expected: ['"v=DMARC1; p=quarantine; ruf=mailto:postmaster@missing-dmarc.de;"'],
        found: [],
        hint: "No DMARC record: receivers apply no policy to mail that fails SPF and DKIM.",
      },
    ]);
    expect(domainReport("missing-dmarc.de").checks.find((c) => c.check === "dmarc-record")?.status).toBe("skipped");
  });

  test("an MX pointing elsewhere", () => {
    expect(failing("wrong-mx.de")).toEqual([
      {
        check: "mx",
        label: "MX wrong-mx.de",
        status: "mismatch",
        expected: ["10 mx.mail-connect.net."],
        found: ["10 mx.other-provider.example."],
        hint: "The MX points to 10 mx.other-provider.example., not 10 mx.mail-connect.net.: mail for wrong-mx.de does not reach mail-connect.",
      },
    ]);
  });

  test("a second MX beside mail-connect's", () => {
    expect(failing("extra-mx.de")).toEqual([
      expect.objectContaining({
        check: "mx",
        found: ["10 mx.mail-connect.net.", "20 backup.extra-mx.de."],
        hint: "Remove 20 backup.extra-mx.de.: mail-connect needs exactly one MX (10 mx.mail-connect.net.); mx.mail-connect.net carries several redundant MX nodes itself.",
      }),
    ]);
  });

  test("?all changed to -all", () => {
    expect(failing("strict-spf.de")).toEqual([
      {
        check: "spf",
        label: "TXT strict-spf.de (SPF)",
        status: "mismatch",
        expected: [SPF_DEFAULT],
        found: ['"v=spf1 include:_spf.mail-connect.net -all"'],
        hint: "Terms missing: ?all. Terms not expected: -all.",
      },
    ]);
  });

  test("a second SPF record (the site verification beside it is fine)", () => {
    expect(failing("two-spf.de")).toEqual([
      {
        check: "spf",
        label: "TXT two-spf.de (SPF)",
        status: "mismatch",
        expected: [SPF_DEFAULT],
        found: [SPF_DEFAULT, '"v=spf1 ip4:203.0.113.5 -all"'],
        hint: "2 SPF records: receivers return permerror, so SPF fails (RFC 7208 §3.2). Merge them into one record.",
      },
    ]);
    const checks = domainReport("two-spf.de").checks;
    expect(checks.find((c) => c.check === "txt")).toMatchObject({ status: "ok", found: ['"google-site-verification=abc123"'] });
    expect(checks.find((c) => c.check === "spf-lookups")).toMatchObject({ status: "skipped", hint: "Not counted: there are 2 SPF records (see the SPF row)." });
  });

  test("stale auto-setup records on a TEAM domain", () => {
    const why = "Auto-setup records must not be set for mail-connect TEAM mailboxes (they sync over other protocols). Remove it.";
    expect(failing("stale-team.de")).toEqual([
      { check: "autoconfig", label: "CNAME autoconfig.stale-team.de", status: "mismatch", expected: [], found: ["autoconfig.mail-connect.net."], hint: why },
      { check: "autodiscover", label: "SRV _autodiscover._tcp.stale-team.de", status: "mismatch", expected: [], found: ["1 100 443 autodiscover.mail-connect.net."], hint: why },
    ]);
  });

  test("SECGATE: the own server's auto-setup records pass, mail-connect's are reported", () => {
    expect(failing("own-autosetup-gate.de")).toEqual([]);
    expect(domainReport("own-autosetup-gate.de").checks.find((c) => c.check === "autoconfig")?.found).toEqual(["mail.own-autosetup-gate.de."]);
    expect(failing("mc-autosetup-gate.de")).toEqual([
      {
        check: "autoconfig",
        label: "CNAME autoconfig.mc-autosetup-gate.de",
        status: "mismatch",
        expected: [],
        found: ["autoconfig.mail-connect.net."],
        hint: "Auto-setup records pointing at mail-connect must not be set when mail-connect is only the filtering gateway (SECGATE): your own mail server's auto-setup records apply instead, if it has any. Remove it.",
      },
    ]);
  });

  test("a truncated DKIM key: the record differs and the key does not decode", () => {
    expect(failing("truncated-dkim.de")).toEqual([
      expect.objectContaining({
        check: "dkim",
        found: [`"${DKIM_TEXT.slice(0, -10)}"`],
        hint: "The published key record differs from the expected one: mail-connect's signatures will not verify with it.",
      }),
      {
        check: "dkim-key",
        label: "DKIM key mail-connect._domainkey.truncated-dkim.de",
        status: "mismatch",
        expected: ["RSA >= 1024-bit or Ed25519"],
        found: ["unusable key"],
        hint: "Receivers cannot verify signatures with it: p= is not valid base64 (206 characters, not a multiple of 4: truncated?).",
      },
    ]);
  });

  test("a server-name CNAME replaced by an A record", () => {
    expect(failing("a-record.de")).toEqual([
      {
        check: "server-name",
        label: "CNAME imap.a-record.de",
        status: "mismatch",
        expected: ["posteingang.mail-connect.net."],
        found: ["A 80.254.138.160"],
        hint: "An address record instead of the CNAME to posteingang.mail-connect.net.: mail-connect's IP addresses change without notice (article), so this name will break. Delete the address record and publish the CNAME.",
      },
    ]);
  });

  test("an SPF record that matches the plan but needs 12 lookups through its includes", () => {
    expect(failing("many-lookups.de")).toEqual([
      {
        check: "spf-lookups",
        label: "SPF lookups many-lookups.de",
        status: "mismatch",
        expected: ["at most 10, at most 2 void"],
        found: ["12, 0 void"],
        hint: "12 DNS lookups (include:_spf.mail-connect.net 1, include:spf.chain-sender.example 11); SPF allows 10 (RFC 7208 §4.6.4), so receivers return permerror. Replace includes with the senders' ip4/ip6 networks.",
      },
    ]);
  });

  test("a TXT record with the same text split into other character-strings passes with a note, and the key works", () => {
    expect(failing("resplit-dkim.de")).toEqual([]);
    const dkim = domainReport("resplit-dkim.de").checks.find((c) => c.check === "dkim");
    expect(dkim).toMatchObject({
      status: "ok",
      expected: [`"${DKIM_2048.slice(0, 255)}" "${DKIM_2048.slice(255)}"`],
      found: [`"${DKIM_2048.slice(0, 200)}" "${DKIM_2048.slice(200)}"`],
      note: "split 200+210 bytes (planned 255+155), same text; receivers join the strings",
    });
    expect(dkim?.hint).toBeUndefined();
    expect(domainReport("resplit-dkim.de").checks.find((c) => c.check === "dkim-key")?.found).toEqual(["RSA 2048-bit"]);
  });

  test("a DMARC record that does not start with v=DMARC1", () => {
    expect(failing("bad-dmarc.de").map((c) => [c.check, c.hint])).toEqual([
      ["dmarc", 'Missing: "v=DMARC1; p=quarantine; ruf=mailto:postmaster@bad-dmarc.de;". Not expected: "p=quarantine; v=DMARC1".'],
      ["dmarc-record", 'Receivers apply no DMARC policy: "p=quarantine; v=DMARC1" does not start with v=DMARC1; receivers ignore a record whose first tag is not exactly v=DMARC1 (RFC 9989 §4.7).'],
    ]);
  });

  test("the report as a whole: exit code 1, drifted domains counted", () => {
    expect(report.exitCode).toBe(1);
    expect(report.summary).toEqual({ domains: 17, ok: 6, mismatch: 11, error: 0, failedChecks: 14, errorChecks: 0 });
    expect(report.resolver).toBe(server.address);
  });
});

describe("what cannot be checked", () => {
  test("a domain the server does not serve: every row is an error with the reason, exit code 2", async () => {
    const result = await verifyDomains([expectedFromOptions({ domain: "not-served.example" })], { resolver: server.address, recursiveResolver: server.address, timeoutMs: 2000, retries: 1 });
    const rows = result.domains[0].checks;
    expect(rows.every((c) => c.status === "error")).toBe(true);
    expect(rows[0].hint).toBe(`Could not check: ${server.address} refused to answer for not-served.example MX (it is not authoritative for it and does not recurse for us).`);
    expect(result.exitCode).toBe(2);
  });
});

describe("the SPF lookup count follows live records as a receiver does (RFC 7208 §4.6.4)", () => {
  async function count(label: string) {
    const client = new DnsQueryClient({ timeoutMs: 2000, retries: 1 });
    try {
      const dns = new LiveDns({ servers: [{ host: server.host, port: server.port, label: server.address }], client, recursionDesired: true });
      const { count: n, breakdown, problems, errors, truncated } = await countSpfLookups(`${label}.spf-cases.example`, SPF_CASES[label], (name, type) => dns.lookup(name, type));
      return { n, breakdown, problems, errors, truncated };
    } finally {
      client.close();
    }
  }

  test("redirect counts and is followed", async () => {
    expect(await count("redirect")).toEqual({ n: 1, breakdown: ["redirect=_spf.mail-connect.net 1"], problems: [], errors: [], truncated: false });
  });

  test("redirect beside an all mechanism is ignored (RFC 7208 §6.1)", async () => {
    expect((await count("redirect-ignored")).n).toBe(0);
  });

  test("a, mx, ptr, exists and include count 1 each; a macro target is counted but not followed", async () => {
    expect(await count("every-kind")).toEqual({
      n: 5,
      breakdown: ["a 1", "mx:mail.spf-cases.example/24 1", "ptr 1", "exists:%{i}.rbl.spf-cases.example 1", "include:_spf.mail-connect.net 1"],
      problems: [],
      errors: [],
      truncated: false,
    });
  });

  test("an include loop is reported, not followed forever", async () => {
    expect((await count("loop-a")).problems).toEqual([
      "loop-b.spf-cases.example includes loop-a.spf-cases.example, which includes it again (a loop: receivers stop at 10 lookups with permerror)",
    ]);
  });

  test("an include of a name without SPF record is a permerror", async () => {
    expect((await count("include-without-spf")).problems).toEqual([
      "include-without-spf.spf-cases.example includes no-spf.spf-cases.example, which has no SPF record (permerror, RFC 7208 §5.2)",
    ]);
  });

  test("unknown or incomplete terms are reported", async () => {
    expect((await count("typo")).problems).toEqual([
      'typo.spf-cases.example: "ipv4:192.0.2.1" is not an SPF mechanism or modifier (permerror, RFC 7208 §4.6.1)',
      'typo.spf-cases.example: "include" needs a domain (include:<domain>) (permerror, RFC 7208 §4.6.1)',
    ]);
  });
});
